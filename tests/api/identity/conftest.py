"""Sign-in backoff waits are seconds long: its clock stands still here unless a test moves it."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.services import throttle


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.timezone.utc)

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def clock(monkeypatch) -> Clock:
    frozen = Clock()
    monkeypatch.setattr(throttle, "_now", lambda: frozen.now)
    return frozen
