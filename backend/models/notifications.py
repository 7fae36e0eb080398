"""In-app notifications."""

from __future__ import annotations

import uuid

from tortoise import fields, models


class Notification(models.Model):
    """A notice for one user; the client renders `kind` and `params` in the user's language."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="notifications", on_delete=fields.CASCADE)
    kind = fields.CharField(max_length=64)
    params = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notifications"
