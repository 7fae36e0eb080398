"""The sign-in backoff's rules: the cap, fading of old failures, parallel tries."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from backend.errors import DomainError
from backend.services import throttle


@pytest.fixture
def now(monkeypatch):
    moment = [dt.datetime.now(dt.timezone.utc)]
    monkeypatch.setattr(throttle, "_now", lambda: moment[0])
    return moment


async def _fail(settings, login: str = "a@b.kz", ip: str = "192.0.2.1") -> int | None:
    """One failed try; the wait it was refused with, or None when it was counted."""
    try:
        await throttle.claim(settings, "password", login, ip)
    except DomainError as exc:
        assert exc.code == "LOGIN_LOCKED"
        return exc.params["retryAfterSeconds"]
    return None


async def test_the_wait_doubles_up_to_the_cap(settings, now):
    # given six failures (five free), each later try made as soon as it is allowed
    for _ in range(6):
        assert await _fail(settings) is None
    waits: list[int] = []
    while len(waits) < 12:
        wait = await _fail(settings)
        if wait:
            waits.append(wait)
            now[0] += dt.timedelta(seconds=wait)
    # then
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]
    assert settings.login_backoff_max_seconds == 900


async def test_old_failures_fade_one_by_one(settings, now):
    for _ in range(6):
        await _fail(settings)
    now[0] += dt.timedelta(seconds=settings.login_forget_seconds * 2)
    # two of six forgotten: two more tries are checked before the wait comes back
    assert [await _fail(settings) for _ in range(3)] == [None, None, 1]


async def test_parallel_tries_each_count(settings, now):
    # given ten tries of one pair at once
    outcomes = await asyncio.gather(*(_fail(settings) for _ in range(10)))
    # then no more get through than would one by one, and the address was charged for each
    checked = sum(1 for o in outcomes if o is None)
    pair_key, ip_key = throttle._keys(settings, "password", "a@b.kz", "192.0.2.1")
    pair, address = [await throttle.LoginThrottle.get(key=k) for k in (pair_key, ip_key)]
    assert 1 <= checked <= settings.login_free_failures + 1
    assert pair.failures == address.failures >= checked


async def test_a_success_gives_the_address_its_try_back(settings, now):
    attempt = await throttle.claim(settings, "password", "a@b.kz", "192.0.2.1")
    await throttle.succeeded(attempt)
    rows = await throttle.LoginThrottle.filter(key__in=[attempt.pair_key, attempt.ip_key]).values_list("failures", flat=True)
    assert sorted(rows) == [0, 0]
