"""Working days and hours of Kazakhstan: weekends, public holidays, transferred days — one module
for every workflow and deadline (the `holidays` package, country KZ, keeps the official calendar).

The government also moves days by decree each year (an extra day off, a Saturday worked in
exchange). An admin records those (services/calendar_days.py, kept in the database); they are held
here in memory, because every deadline is computed synchronously, and loaded at start-up and
after each change with `set_overrides`. A day with an override is what the override says, whatever
the official calendar says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

ALMATY = ZoneInfo("Asia/Almaty")


@lru_cache(maxsize=64)
def _kz(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KZ", years=[year - 1, year, year + 1])


# day -> is it working; replaced as a whole so that a reader never sees half of a reload.
_overrides: Mapping[dt.date, bool] = {}


def set_overrides(days: Mapping[dt.date, bool]) -> None:
    """The decree days in force: each day mapped to True (a working day) or False (a day off)."""
    global _overrides
    _overrides = dict(days)


def overrides() -> dict[dt.date, bool]:
    return dict(_overrides)


def is_official_working_day(day: dt.date) -> bool:
    """The calendar of the `holidays` package alone, without the decree days recorded here."""
    return _kz(day.year).is_working_day(day)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday unless a public holiday or its day off; a weekend day declared a working
    day by a transfer counts as working; a recorded decree day is what the decree says."""
    forced = _overrides.get(day)
    return is_official_working_day(day) if forced is None else forced


def holiday_name(day: dt.date) -> str | None:
    return _kz(day.year).get(day)


def next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The working day `count` working days after `day` (which itself need not be one)."""
    for _ in range(count):
        day = next_working_day(day)
    return day


@dataclass(frozen=True)
class WorkingHours:
    """Office hours of one organization, in Asia/Almaty time."""

    opens: dt.time
    closes: dt.time
    lunch: tuple[dt.time, dt.time] | None = None

    def local(self, moment: dt.datetime) -> dt.datetime:
        if moment.tzinfo is None:
            raise ValueError("moments must be timezone-aware")
        return moment.astimezone(ALMATY)

    def is_open(self, moment: dt.datetime) -> bool:
        local = self.local(moment)
        if not is_working_day(local.date()):
            return False
        now = local.time()
        if not self.opens <= now < self.closes:
            return False
        return not (self.lunch and self.lunch[0] <= now < self.lunch[1])

    def business_date(self, moment: dt.datetime) -> dt.date:
        """The date a request made at `moment` is registered with: that day when it arrives
        before closing on a working day, otherwise the next working day (seed 001)."""
        local = self.local(moment)
        day = local.date()
        if is_working_day(day) and local.time() < self.closes:
            return day
        return next_working_day(day)

    def deadline(self, moment: dt.datetime, working_days: int) -> dt.datetime:
        """The end of the `working_days`-th working day counted from the request's business date
        (that date itself being day 1)."""
        day = self.business_date(moment)
        day = add_working_days(day, working_days - 1) if working_days > 1 else day
        return dt.datetime.combine(day, self.closes, tzinfo=ALMATY)


# The Kazakhstan Housing Company (seed 001): Monday–Friday 09:30–19:00.
KZHK_HOURS = WorkingHours(opens=dt.time(9, 30), closes=dt.time(19, 0))
# Otbasy bank, provider of the housing-queue service (order No. 130): 09:00–18:30, lunch 13:00–14:30.
OTBASY_HOURS = WorkingHours(opens=dt.time(9, 0), closes=dt.time(18, 30), lunch=(dt.time(13, 0), dt.time(14, 30)))
