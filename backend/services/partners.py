"""Partner API clients: keys, scopes, and what a client may write for its organization.

A key is `shq_<prefix>_<secret>`: the prefix finds the client, the keyed hash of the whole key
proves it. The key is shown once, at creation; only its hash is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

from tortoise.exceptions import IntegrityError

from backend.auth.identifiers import IdentifierKind, classify_iin_bin
from backend.models.organizations import Organization
from backend.models.partners import ApiClient, IdempotencyRecord
from backend.services import history
from backend.errors import DomainError
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

KEY_PREFIX = "shq"
MAX_NAME = ApiClient._meta.fields_map["name"].max_length
MAX_ORGANIZATION_NAME = Organization._meta.fields_map["name"].max_length
IDEMPOTENCY_TTL = dt.timedelta(hours=24)


class ApiScope(str, Enum):
    CONTRACTS_READ = "contracts:read"
    CONTRACTS_WRITE = "contracts:write"
    DOCUMENTS_WRITE = "documents:write"
    # The housing company's own systems may keep any contract, not only their organization's.
    CONTRACTS_WRITE_ANY = "contracts:write-any"
    # The housing company's BPMS registers and reviews applications like an operator does.
    APPLICATIONS_BPMS = "applications:bpms"
    # A management company's billing: its accounts, each month's charges, payments taken elsewhere,
    # meter readings — only of the company the key's organization is.
    BILLING_WRITE = "billing:write"


@dataclass(frozen=True)
class ClientPrincipal:
    """A partner system calling the API with its key."""

    client: ApiClient
    organization: Organization
    scopes: frozenset[ApiScope]

    def may(self, scope: ApiScope) -> bool:
        return scope in self.scopes

    @property
    def source(self) -> str:
        return f"partner:{self.client.name}"


def key_hash(secret_key: str, api_key: str) -> str:
    return hmac.new(secret_key.encode(), api_key.encode(), hashlib.sha256).hexdigest()


def _new_key() -> tuple[str, str]:
    prefix = secrets.token_hex(4)
    return prefix, f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"


async def create_client(
    secret_key: str,
    name: str,
    organization_bin: str,
    organization_name: str | None,
    scopes: set[ApiScope],
    rate_limit_per_minute: int | None,
    req: RequestInfo,
) -> tuple[ApiClient, str]:
    name = " ".join((name or "").split())
    if not name:
        raise DomainError("REQUIRED", field="name")
    if len(name) > MAX_NAME:
        raise DomainError("TOO_LONG", field="name", max=MAX_NAME)
    try:
        kind = classify_iin_bin(organization_bin)
    except DomainError:
        raise DomainError("INVALID_IIN_BIN", field="organizationBin") from None
    if kind is not IdentifierKind.COMPANY:
        raise DomainError("NOT_A_BIN", field="organizationBin")
    if not scopes:
        raise DomainError("REQUIRED", field="scopes")
    if rate_limit_per_minute is not None and not 1 <= rate_limit_per_minute <= 100_000:
        raise DomainError("OUT_OF_RANGE", field="rateLimitPerMinute", min=1, max=100_000)
    async with atomic():
        organization = await Organization.get_or_none(bin=organization_bin)
        if organization is None:
            organization_name = (organization_name or "").strip()
            if not organization_name:
                raise DomainError("REQUIRED", field="organizationName")
            if len(organization_name) > MAX_ORGANIZATION_NAME:
                raise DomainError("TOO_LONG", field="organizationName", max=MAX_ORGANIZATION_NAME)
            organization = await Organization.create(bin=organization_bin, name=organization_name)
        prefix, key = _new_key()
        client = await ApiClient.create(
            name=name,
            organization=organization,
            key_prefix=prefix,
            key_hash=key_hash(secret_key, key),
            scopes=sorted(s.value for s in scopes),
            rate_limit_per_minute=rate_limit_per_minute or 600,
            created_by_id=req.user_id,
        )
        await history.record(
            "api_client", client.id, "created", actor_id=req.user_id, ip=req.ip,
            name=name, organization=organization_bin, scopes=client.scopes,
        )
    return client, key


async def clients() -> list[ApiClient]:
    """Every API client, newest first, with its organization (the admins' list)."""
    return await ApiClient.all().order_by("-created_at").prefetch_related("organization")


async def revoke_client(client_id: object, req: RequestInfo) -> ApiClient:
    try:
        key = uuid.UUID(str(client_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="clientId") from None
    async with atomic():
        client = await ApiClient.get_or_none(id=key)
        if client is None:
            raise DomainError("NOT_FOUND", field="clientId")
        if client.is_active:
            client.is_active = False
            client.revoked_at = dt.datetime.now(dt.timezone.utc)
            await client.save(update_fields=["is_active", "revoked_at", "updated_at"])
            await history.record("api_client", client.id, "revoked", actor_id=req.user_id, ip=req.ip)
    return client


class InvalidApiKey(Exception):
    """The key is unknown, malformed or revoked."""


async def authenticate_key(secret_key: str, api_key: str) -> ClientPrincipal:
    parts = (api_key or "").split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or len(parts[1]) != 8:
        raise InvalidApiKey
    client = await ApiClient.get_or_none(key_prefix=parts[1]).prefetch_related("organization")
    if client is None or not client.is_active or not hmac.compare_digest(client.key_hash, key_hash(secret_key, api_key)):
        raise InvalidApiKey
    now = dt.datetime.now(dt.timezone.utc)
    if client.last_used_at is None or now - client.last_used_at > dt.timedelta(minutes=1):
        await ApiClient.filter(id=client.id).update(last_used_at=now)
    scopes = frozenset(ApiScope(s) for s in client.scopes if s in ApiScope._value2member_map_)
    return ClientPrincipal(client=client, organization=client.organization, scopes=scopes)


# Idempotency ---------------------------------------------------------------------------------


def request_fingerprint(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


async def recall(client: ApiClient, key: str, operation: str, fingerprint: str) -> dict | None:
    """The stored answer for this key, or None the first time. The same key with another request
    is refused: a retry must be the same request."""
    if not key or len(key) > 200:
        raise DomainError("INVALID_IDEMPOTENCY_KEY", field="idempotencyKey", max=200)
    record = await IdempotencyRecord.get_or_none(client_id=client.id, key=key)
    if record is None:
        return None
    if record.created_at < dt.datetime.now(dt.timezone.utc) - IDEMPOTENCY_TTL:
        await record.delete()
        return None
    if record.operation != operation or record.request_hash != fingerprint:
        raise DomainError("IDEMPOTENCY_KEY_REUSED", field="idempotencyKey")
    return record.response


async def remember(client: ApiClient, key: str, operation: str, fingerprint: str, response: dict) -> bool:
    """Stores the answer; False when a concurrent request with the same key stored one first."""
    try:
        await IdempotencyRecord.create(
            id=uuid.uuid4(), client_id=client.id, key=key, operation=operation, request_hash=fingerprint, response=response
        )
    except IntegrityError:
        return False
    return True
