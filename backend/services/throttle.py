"""Sign-in backoff: slows a guesser down without letting anyone lock the owner out.

Failures are counted per (login identifier, client IP) pair, and per client IP across identifiers
against password spraying. Past a free allowance each failure makes the next try of that pair (or IP)
wait twice as long as the last — 1 s, 2 s, 4 s … up to a cap — and the try is refused meanwhile
with LOGIN_LOCKED and `retryAfterSeconds`. Failures at one address never delay the owner at another;
a success resets its pair; old failures fade one by one (a leaky bucket).

A try is counted before the secret is checked and refunded on success, so that aliases in one
request or parallel requests cannot slip several guesses past one look at the counter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
from dataclasses import dataclass

from tortoise.expressions import F

from backend.errors import DomainError
from backend.models.identity import LoginThrottle
from backend.settings import Settings

STALE_AFTER = dt.timedelta(days=2)
_CLAIM_TRIES = 3


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class _Policy:
    free: int
    forget_seconds: int
    base_seconds: int
    max_seconds: int

    def wait_after(self, failures: int) -> int:
        over = failures - self.free
        if over <= 0:
            return 0
        # The exponent is capped so that a long-running attack cannot overflow the float.
        return int(min(self.base_seconds * 2 ** min(over - 1, 40), self.max_seconds))

    def fade(self, row: LoginThrottle, now: dt.datetime) -> tuple[int, dt.datetime]:
        """The failures still remembered now, and the moment the next one starts fading."""
        if row.failures <= 0:
            return 0, now
        if row.decay_from is None:
            return row.failures, now
        forgotten = int((now - row.decay_from).total_seconds() // self.forget_seconds)
        if forgotten <= 0:
            return row.failures, row.decay_from
        if forgotten >= row.failures:
            return 0, now
        return row.failures - forgotten, row.decay_from + dt.timedelta(seconds=forgotten * self.forget_seconds)


def _policies(settings: Settings) -> tuple[_Policy, _Policy]:
    base, cap = settings.login_backoff_base_seconds, settings.login_backoff_max_seconds
    return (
        _Policy(settings.login_free_failures, settings.login_forget_seconds, base, cap),
        _Policy(settings.login_ip_free_failures, settings.login_ip_forget_seconds, base, cap),
    )


def _key(settings: Settings, *parts: str) -> str:
    return hmac.new(settings.secret_key.encode(), "\0".join(parts).encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Attempt:
    """One counted try; pass it to `succeeded` when the secret was right."""

    pair_key: str
    ip_key: str


def _keys(settings: Settings, scope: str, identifier: str, ip: str) -> tuple[str, str]:
    return _key(settings, "pair", scope, identifier, ip or ""), _key(settings, "ip", ip or "")


def _refuse_if_waiting(rows: list[LoginThrottle], now: dt.datetime) -> None:
    waits = [(row.locked_until - now).total_seconds() for row in rows if row.locked_until and row.locked_until > now]
    if waits:
        raise DomainError("LOGIN_LOCKED", retryAfterSeconds=max(1, math.ceil(max(waits))))


async def check(settings: Settings, scope: str, identifier: str, ip: str) -> None:
    """Refuses while the pair or the IP must wait; counts nothing (e.g. before sending a code)."""
    rows = await LoginThrottle.filter(key__in=_keys(settings, scope, identifier, ip))
    _refuse_if_waiting(rows, _now())


async def _row(key: str, now: dt.datetime) -> LoginThrottle:
    row, created = await LoginThrottle.get_or_create(key=key)
    if created:
        # New pairs are what makes the table grow; each one sweeps out rows long since quiet.
        await LoginThrottle.filter(updated_at__lt=now - STALE_AFTER).delete()
    return row


async def _count_strictly(row: LoginThrottle, policy: _Policy, now: dt.datetime) -> None:
    """Counts a try of one pair, guarded by the values read: of parallel tries only those that
    would each have passed one by one get through, the others are refused."""
    for _ in range(_CLAIM_TRIES):
        failures, decay_from = policy.fade(row, now)
        wait = policy.wait_after(failures + 1)
        counted = await LoginThrottle.filter(id=row.id, failures=row.failures, updated_at=row.updated_at).update(
            failures=failures + 1,
            decay_from=decay_from,
            locked_until=now + dt.timedelta(seconds=wait) if wait else None,
            updated_at=now,
        )
        if counted:
            return
        row = await LoginThrottle.get(id=row.id)
        _refuse_if_waiting([row], now)
    raise DomainError("LOGIN_LOCKED", retryAfterSeconds=1)


async def _count_shared(row: LoginThrottle, policy: _Policy, now: dt.datetime) -> None:
    """Counts a try against an address, which many people may share at once (NAT): never
    refused for a race, and no count is lost — only the fading of old failures may wait a turn."""
    failures, decay_from = policy.fade(row, now)
    if (failures, decay_from) != (row.failures, row.decay_from):
        await LoginThrottle.filter(id=row.id, failures=row.failures, updated_at=row.updated_at).update(
            failures=failures, decay_from=decay_from, updated_at=now
        )
    await LoginThrottle.filter(id=row.id).update(failures=F("failures") + 1, updated_at=now)
    wait = policy.wait_after((await LoginThrottle.get(id=row.id)).failures)
    if wait:
        await LoginThrottle.filter(id=row.id).update(locked_until=now + dt.timedelta(seconds=wait))


async def claim(settings: Settings, scope: str, identifier: str, ip: str) -> Attempt:
    """Counts one try of `identifier` from `ip` as a failure until `succeeded` says otherwise;
    raises LOGIN_LOCKED while the pair or the IP must wait."""
    pair_key, ip_key = _keys(settings, scope, identifier, ip)
    pair_policy, ip_policy = _policies(settings)
    now = _now()
    pair, address = [await _row(key, now) for key in (pair_key, ip_key)]
    _refuse_if_waiting([pair, address], now)
    await _count_strictly(pair, pair_policy, now)
    await _count_shared(address, ip_policy, now)
    return Attempt(pair_key, ip_key)


async def succeeded(attempt: Attempt) -> None:
    """The secret was right: the pair starts afresh, and the IP gets back the try it was charged."""
    now = _now()
    await LoginThrottle.filter(key=attempt.pair_key).update(failures=0, decay_from=None, locked_until=None, updated_at=now)
    await LoginThrottle.filter(key=attempt.ip_key, failures__gt=0).update(failures=F("failures") - 1, updated_at=now)
