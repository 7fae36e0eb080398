"""Accounts, roles, sessions and sign-in throttling."""

from __future__ import annotations

import uuid
from enum import Enum

from tortoise import fields, models

from backend.models.base import TimestampedModel


class AccountKind(str, Enum):
    PERSON = "person"
    COMPANY = "company"


class Role(str, Enum):
    CITIZEN = "citizen"
    LEGAL_ENTITY = "legal_entity"
    RESIDENT = "resident"
    KZHK_OPERATOR = "kzhk_operator"
    QUEUE_OFFICER = "queue_officer"
    UK_STAFF = "uk_staff"
    ADMIN = "admin"
    PARTNER = "partner"


class User(TimestampedModel):
    """A person (IIN) or company (BIN) account of the portal."""

    kind = fields.CharEnumField(AccountKind, max_length=16, default=AccountKind.PERSON)
    iin_bin = fields.CharField(max_length=12, null=True, unique=True)
    email = fields.CharField(max_length=254, null=True, unique=True)
    phone = fields.CharField(max_length=20, null=True, unique=True)
    full_name = fields.CharField(max_length=300, default="")
    password_hash = fields.CharField(max_length=255, null=True)
    locale = fields.CharField(max_length=2, default="kk")
    is_active = fields.BooleanField(default=True)
    password_changed_at = fields.DatetimeField(null=True)

    roles: fields.ReverseRelation["UserRole"]
    sessions: fields.ReverseRelation["Session"]

    class Meta:
        table = "users"


class UserRole(models.Model):
    """One role granted to one account."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="roles", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=32)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "user_roles"
        unique_together = (("user", "role"),)


class Session(TimestampedModel):
    """A sign-in on one device: one family of rotating refresh tokens."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    method = fields.CharField(max_length=32)
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=300, default="")
    last_seen_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=64, null=True)

    tokens: fields.ReverseRelation["RefreshToken"]

    class Meta:
        table = "sessions"


class RefreshToken(models.Model):
    """One refresh token of a session; valid once, then replaced by the next one."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="tokens", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_tokens"


class LoginThrottle(models.Model):
    """Recent failed sign-ins of one (login identifier, client IP) pair or of one client IP."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    # A hash: typed logins (sometimes a password in the wrong box) and addresses are not kept readable.
    key = fields.CharField(max_length=300, unique=True)
    failures = fields.IntField(default=0)
    # Failures are forgotten one by one from this moment on (a leaky bucket), so old ones fade.
    decay_from = fields.DatetimeField(null=True)
    locked_until = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True, db_index=True)

    class Meta:
        table = "login_throttles"


class DeviceLoginToken(models.Model):
    """A short-lived, one-time token shown as the cabinet's personal QR code: the mobile app that
    reads it gets a session of its own for the same person. Only its hash is kept."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="device_login_tokens", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    session = fields.ForeignKeyField("models.Session", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "device_login_tokens"
