"""Work the portal must do later (the next working day's decisions, reminders): kept in the
database so that a restart loses none of it."""

from __future__ import annotations

import uuid
from enum import Enum

from tortoise import fields, models


class JobStatus(str, Enum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"  # gave up after the last attempt; kept for an operator to see


class ScheduledJob(models.Model):
    """One piece of deferred work: `kind` names its handler, `ref` what it works on."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    kind = fields.CharField(max_length=64)
    ref = fields.CharField(max_length=64)
    run_at = fields.DatetimeField(db_index=True)
    status = fields.CharEnumField(JobStatus, max_length=16, default=JobStatus.PENDING, db_index=True)
    attempts = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)  # a worker's claim; a dead worker's claim lapses
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    done_at = fields.DatetimeField(null=True)

    class Meta:
        table = "scheduled_jobs"
        unique_together = (("kind", "ref"),)
