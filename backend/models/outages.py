"""Residents' notification settings and the outage notices a company publishes for a building."""

from __future__ import annotations

from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class ResidentPreferences(models.Model):
    """What a resident wants by SMS (seed 004 "Уведомления"); in-app notifications always arrive."""

    user = fields.OneToOneField("models.User", related_name="resident_preferences", primary_key=True, on_delete=fields.CASCADE)
    sms_requests = fields.BooleanField(default=False)
    sms_outages = fields.BooleanField(default=False)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "resident_preferences"


class OutageKind(str, Enum):
    COLD_WATER = "cold_water"
    HOT_WATER = "hot_water"
    HEATING = "heating"
    ELECTRICITY = "electricity"
    GAS = "gas"
    OTHER = "other"


class OutageNotice(TimestampedModel):
    """An emergency or planned outage in one building, told to its residents at once."""

    company = fields.ForeignKeyField("models.ManagementCompany", related_name="outages", on_delete=fields.CASCADE)
    building = fields.ForeignKeyField("models.Building", related_name="outages", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(OutageKind, max_length=16)
    text = fields.TextField()
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField(null=True)
    created_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    notified = fields.IntField(default=0)  # residents told in-app
    sms_sent = fields.IntField(default=0)

    class Meta:
        table = "outage_notices"
