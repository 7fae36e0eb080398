"""Shared model pieces: ids and timestamps."""

from __future__ import annotations

import uuid

from tortoise import fields, models


class TimestampedModel(models.Model):
    """Base with an opaque id (never guessable in URLs) and creation/update times."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True
