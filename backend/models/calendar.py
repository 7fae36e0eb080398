"""Days the government moves by decree each year: extra days off and transferred working days."""

from __future__ import annotations

import uuid
from enum import Enum

from tortoise import fields, models


class DayKind(str, Enum):
    DAY_OFF = "day_off"  # a working day declared a day off
    WORKING_DAY = "working_day"  # a weekend day or holiday declared a working day


class CalendarOverride(models.Model):
    """One decree's change to one day. Rows are never edited: a revoked one gets `revoked_at`, so
    the calendar any past deadline was computed with can be read back."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    day = fields.DateField(db_index=True)
    kind = fields.CharEnumField(DayKind, max_length=16)
    decree = fields.CharField(max_length=300)  # the act that moved the day, as people cite it
    created_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)

    class Meta:
        table = "calendar_overrides"
