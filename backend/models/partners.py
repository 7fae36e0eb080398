"""Partner API clients (construction companies' CRMs, the housing company's BPMS) and idempotency."""

from __future__ import annotations

from tortoise import fields, models

from backend.models.base import TimestampedModel


class ApiClient(TimestampedModel):
    """A partner system acting for one organization; its key is shown once and stored hashed."""

    name = fields.CharField(max_length=200)
    organization = fields.ForeignKeyField("models.Organization", related_name="api_clients", on_delete=fields.RESTRICT)
    key_prefix = fields.CharField(max_length=16, unique=True)
    key_hash = fields.CharField(max_length=64)
    scopes = fields.JSONField(default=list)
    rate_limit_per_minute = fields.IntField(default=600)
    is_active = fields.BooleanField(default=True)
    created_by = fields.ForeignKeyField("models.User", related_name=False, null=True, on_delete=fields.SET_NULL)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_clients"


class IdempotencyRecord(models.Model):
    """The answer given to one idempotency key of one client, replayed when the key comes again."""

    id = fields.UUIDField(primary_key=True)
    client = fields.ForeignKeyField("models.ApiClient", related_name=False, on_delete=fields.CASCADE)
    key = fields.CharField(max_length=200)
    operation = fields.CharField(max_length=64)
    request_hash = fields.CharField(max_length=64)
    response = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "idempotency_records"
        unique_together = (("client", "key"),)
