"""The append-only history of every change of state."""

from __future__ import annotations

import uuid

from tortoise import fields, models


class HistoryEvent(models.Model):
    """Who changed what, when and how; rows are only ever added."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    actor = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    entity = fields.CharField(max_length=40)
    entity_id = fields.CharField(max_length=64)
    action = fields.CharField(max_length=64)
    data = fields.JSONField(default=dict)
    ip = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "history_events"
        indexes = (("entity", "entity_id"),)

    async def save(self, *args, **kwargs):  # type: ignore[override]
        if not self._saved_in_db:
            return await super().save(*args, **kwargs)
        raise PermissionError("history is append-only")

    async def delete(self, *args, **kwargs):  # type: ignore[override]
        raise PermissionError("history is append-only")
