"""One-time codes sent by SMS, voice call or email."""

from __future__ import annotations

import uuid
from enum import Enum

from tortoise import fields, models


class OtpPurpose(str, Enum):
    REGISTRATION = "registration"
    PHONE_LOGIN = "phone_login"
    PHONE_CHANGE = "phone_change"
    EMAIL_CHANGE = "email_change"
    QUEUE_SIGNING = "queue_signing"  # signs a housing-queue application; bound to what is signed


class OtpChannel(str, Enum):
    SMS = "sms"
    CALL = "call"
    EMAIL = "email"


class OneTimeCode(models.Model):
    """A code bound to one purpose and one phone or email; stored as a keyed hash."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    purpose = fields.CharEnumField(OtpPurpose, max_length=32)
    target = fields.CharField(max_length=254, db_index=True)
    channel = fields.CharEnumField(OtpChannel, max_length=16)
    code_hash = fields.CharField(max_length=64)
    attempts = fields.IntField(default=0)
    ip = fields.CharField(max_length=64, default="", db_index=True)
    user = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.CASCADE)
    payload = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    verified_at = fields.DatetimeField(null=True)
    consumed_at = fields.DatetimeField(null=True)
    voided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "one_time_codes"
