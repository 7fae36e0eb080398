"""Lock-out after consecutive failed sign-ins, per login identifier (existing account or not)."""

from __future__ import annotations

import datetime as dt
import math

from tortoise.expressions import F

from backend.models.identity import LoginThrottle
from backend.errors import DomainError
from backend.settings import Settings


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def ensure_not_locked(key: str) -> None:
    row = await LoginThrottle.get_or_none(key=key)
    if row and row.locked_until and row.locked_until > _now():
        retry = math.ceil((row.locked_until - _now()).total_seconds())
        raise DomainError("LOGIN_LOCKED", retryAfterSeconds=retry)


async def register_failure(settings: Settings, key: str) -> None:
    """Counts one failure; the n-th consecutive one locks the identifier. Runs in its own statement
    so that the count survives the caller's error."""
    row, _ = await LoginThrottle.get_or_create(key=key)
    if row.locked_until and row.locked_until <= _now():
        await LoginThrottle.filter(id=row.id).update(failures=0, locked_until=None)
    await LoginThrottle.filter(id=row.id).update(failures=F("failures") + 1)
    row = await LoginThrottle.get(id=row.id)
    if row.failures >= settings.login_max_failures and not row.locked_until:
        locked_until = _now() + dt.timedelta(seconds=settings.login_lock_seconds)
        await LoginThrottle.filter(id=row.id).update(locked_until=locked_until)


async def reset(key: str) -> None:
    await LoginThrottle.filter(key=key).update(failures=0, locked_until=None)
