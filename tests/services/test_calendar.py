"""Working days and hours of Kazakhstan (seed 001: KZhK works Monday–Friday 09:30–19:00)."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.calendar import ALMATY, KZHK_HOURS, OTBASY_HOURS, add_working_days, is_working_day


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ALMATY)


@pytest.mark.parametrize(
    "sent,registered",
    [
        (at(2026, 11, 20, 19, 5), dt.date(2026, 11, 23)),   # Friday 19:05 → Monday
        (at(2026, 11, 20, 18, 59), dt.date(2026, 11, 20)),  # Friday before closing → Friday
        (at(2026, 11, 21, 11, 0), dt.date(2026, 11, 23)),   # Saturday → Monday
        (at(2026, 11, 22, 23, 59), dt.date(2026, 11, 23)),  # Sunday night → Monday
        (at(2026, 11, 23, 7, 0), dt.date(2026, 11, 23)),    # Monday before opening → that Monday
        (at(2026, 3, 20, 20, 0), dt.date(2026, 3, 26)),     # Friday evening before Nauryz → after the holidays
        (at(2026, 3, 23, 10, 0), dt.date(2026, 3, 26)),     # during Nauryz
        (at(2026, 12, 16, 10, 0), dt.date(2026, 12, 17)),   # Independence Day
        (at(2025, 1, 5, 10, 0), dt.date(2025, 1, 5)),       # Sunday made a working day by a transfer
        (at(2025, 1, 3, 10, 0), dt.date(2025, 1, 5)),       # the Friday given off in exchange → that Sunday
    ],
)
def test_the_registration_date_of_an_application(sent, registered):
    assert KZHK_HOURS.business_date(sent) == registered


def test_a_moment_in_utc_is_read_in_almaty_time():
    # 14:10 UTC on a Friday is 19:10 in Almaty: after closing
    assert KZHK_HOURS.business_date(dt.datetime(2026, 11, 20, 14, 10, tzinfo=dt.timezone.utc)) == dt.date(2026, 11, 23)


def test_naive_moments_are_refused():
    with pytest.raises(ValueError):
        KZHK_HOURS.business_date(dt.datetime(2026, 11, 20, 10, 0))


def test_open_hours_and_lunch():
    assert KZHK_HOURS.is_open(at(2026, 11, 20, 9, 30)) and not KZHK_HOURS.is_open(at(2026, 11, 20, 9, 29))
    assert not KZHK_HOURS.is_open(at(2026, 11, 20, 19, 0))
    assert OTBASY_HOURS.is_open(at(2026, 11, 20, 12, 59)) and not OTBASY_HOURS.is_open(at(2026, 11, 20, 13, 30))
    assert not KZHK_HOURS.is_open(at(2026, 11, 21, 12, 0))


def test_working_days_skip_weekends_and_holidays():
    assert is_working_day(dt.date(2026, 11, 20)) and not is_working_day(dt.date(2026, 11, 21))
    assert add_working_days(dt.date(2026, 3, 19), 1) == dt.date(2026, 3, 20)
    assert add_working_days(dt.date(2026, 3, 20), 1) == dt.date(2026, 3, 26)  # Nauryz 21–25 March 2026
    assert add_working_days(dt.date(2026, 11, 20), 3) == dt.date(2026, 11, 25)


def test_a_deadline_is_the_close_of_the_nth_working_day():
    # sent Friday evening: day 1 is Monday, day 3 is Wednesday, closing at 19:00
    assert KZHK_HOURS.deadline(at(2026, 11, 20, 20, 0), 3) == at(2026, 11, 25, 19, 0)
    assert KZHK_HOURS.deadline(at(2026, 11, 23, 10, 0), 1) == at(2026, 11, 23, 19, 0)
