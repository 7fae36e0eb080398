"""The time the queue's rules see. Deadlines, provider hours and the scheduler read `now()` so that
tests and demo servers can start the clock at a chosen moment (a Tuesday at 10:00 Almaty, the eve
of Nauryz) and let it run on from there; production leaves it alone."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator

_offset = dt.timedelta(0)


def _real() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def now() -> dt.datetime:
    return _real() + _offset


def travel_to(moment: dt.datetime) -> None:
    """From now on `now()` is `moment` plus the real time that passes."""
    if moment.tzinfo is None:
        raise ValueError("moments must be timezone-aware")
    global _offset
    _offset = moment - _real()


def reset() -> None:
    global _offset
    _offset = dt.timedelta(0)


@contextlib.contextmanager
def at(moment: dt.datetime) -> Iterator[None]:
    global _offset
    saved = _offset
    travel_to(moment)
    try:
        yield
    finally:
        _offset = saved


def start_from_env() -> None:
    """`SHANYRAQ_CLOCK_START` (ISO 8601 with offset) is honoured outside production only: the e2e
    server uses it so that a run on a Sunday night still sees provider hours."""
    start = os.environ.get("SHANYRAQ_CLOCK_START", "")
    if start and os.environ.get("SHANYRAQ_ENV", "development") != "production":
        travel_to(dt.datetime.fromisoformat(start))
