"""Messages held by the development outbox instead of being sent."""

from __future__ import annotations

import uuid

from tortoise import fields, models


class OutboxMessage(models.Model):
    """An SMS, voice call or email that the dev outbox stored; never sent anywhere."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    channel = fields.CharField(max_length=16)
    recipient = fields.CharField(max_length=254, db_index=True)
    subject = fields.CharField(max_length=300, default="")
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "outbox_messages"
        ordering = ["-created_at"]
