"""The reporting window of a meter: the days of each month, in Almaty, when readings are taken."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

from backend import clock

ALMATY = ZoneInfo("Asia/Almaty")


def local_today(now: dt.datetime | None = None) -> dt.date:
    return (now or clock.now()).astimezone(ALMATY).date()


def window_days(from_day: int, to_day: int, today: dt.date) -> tuple[int, int]:
    """The window's first and last day in `today`'s month: a month shorter than `to_day` (or
    `from_day`) ends the window at its own last day, so "to the 31st" means "to the month's end"."""
    last = calendar.monthrange(today.year, today.month)[1]
    return min(from_day, last), min(to_day, last)


def is_open(from_day: int, to_day: int, now: dt.datetime | None = None) -> bool:
    """Whether today (Almaty) is inside the window; a window whose first day is after its last
    (25 to 5) runs over the turn of the month."""
    today = local_today(now)
    start, end = window_days(from_day, to_day, today)
    if from_day > to_day:
        return today.day >= start or today.day <= end
    return start <= today.day <= end


def month_start(now: dt.datetime | None = None) -> dt.datetime:
    """Midnight of the 1st of the current month in Almaty, as an aware moment."""
    today = local_today(now)
    return dt.datetime(today.year, today.month, 1, tzinfo=ALMATY)


def months_between(earlier: dt.datetime, later: dt.datetime) -> int:
    """Calendar months (in Almaty) from `earlier` to `later`: November → December is 1."""
    a, b = earlier.astimezone(ALMATY), later.astimezone(ALMATY)
    return (b.year - a.year) * 12 + (b.month - a.month)
