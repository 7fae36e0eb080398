"""Metering devices of personal accounts and their readings."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class MeterKind(str, Enum):
    COLD_WATER = "cold_water"
    HOT_WATER = "hot_water"
    ELECTRICITY = "electricity"
    GAS = "gas"
    HEAT = "heat"


class Meter(TimestampedModel):
    """One meter of an account, with the window of the month in which readings are taken."""

    account = fields.ForeignKeyField("models.PersonalAccount", related_name="meters", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(MeterKind, max_length=16)
    serial = fields.CharField(max_length=40)
    unit = fields.CharField(max_length=10)  # m3, kWh, Gcal
    # Readings are accepted from window_from_day to window_to_day (inclusive) of each month.
    window_from_day = fields.SmallIntField(default=15)
    window_to_day = fields.SmallIntField(default=25)
    # The most a month can plausibly add: a higher reading is a typo (an extra digit), not use.
    max_monthly = fields.DecimalField(max_digits=12, decimal_places=3)
    next_verification = fields.DateField(null=True)
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "meters"
        unique_together = (("account", "serial"),)


class MeterReading(models.Model):
    """A reading as submitted; never edited, a later one supersedes it."""

    id = fields.UUIDField(primary_key=True)
    meter = fields.ForeignKeyField("models.Meter", related_name="readings", on_delete=fields.CASCADE)
    value = fields.DecimalField(max_digits=14, decimal_places=3)
    source = fields.CharField(max_length=10)  # resident | company
    submitted_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "meter_readings"
