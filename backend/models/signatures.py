"""Electronic signatures (EDS): sign-in challenges and signing sessions for a second device (QR)."""

from __future__ import annotations

import uuid
from enum import Enum

from tortoise import fields, models


class SigningStatus(str, Enum):
    PENDING = "pending"
    SIGNED = "signed"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class EdsChallenge(models.Model):
    """A one-time server nonce a person signs with the certificate they sign in with."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    nonce = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    ip = fields.CharField(max_length=64, default="")

    class Meta:
        table = "eds_challenges"


class SigningSession(models.Model):
    """Data waiting to be signed on another device: the page shows its QR code, the phone signs."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    purpose = fields.CharField(max_length=32)
    subject_id = fields.CharField(max_length=64)
    payload = fields.TextField()  # base64 of the exact bytes to sign
    digest = fields.CharField(max_length=64)
    description = fields.CharField(max_length=300, default="")
    expected_iin_bin = fields.CharField(max_length=12, default="")
    token_hash = fields.CharField(max_length=64)
    status = fields.CharEnumField(SigningStatus, max_length=16, default=SigningStatus.PENDING)
    cms = fields.TextField(default="")
    result = fields.JSONField(default=dict)
    created_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.CASCADE)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)
    completed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "signing_sessions"
