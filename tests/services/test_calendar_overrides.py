"""Decree days: an admin's extra day off or transferred working day moves every deadline computed
afterwards; revoking it moves them back; other processes pick the change up by a version check."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest

from backend import calendar
from backend.app import create_app
from backend.calendar import ALMATY, OTBASY_HOURS, add_working_days, is_working_day
from backend.errors import DomainError
from backend.models.calendar import CalendarOverride, DayKind
from backend.models.history import HistoryEvent
from backend.models.identity import Role
from backend.services import calendar_days
from backend.services.request_info import RequestInfo
from backend.services.sessions import Viewer
from tests.helpers import create_user

REQ = RequestInfo(ip="127.0.0.1")
D = dt.date


@pytest.fixture(autouse=True)
def no_leaked_overrides():
    calendar.set_overrides({})
    yield
    calendar.set_overrides({})


async def viewer(role: str) -> Viewer:
    user = await create_user(role)
    return Viewer(user=user, session_id=uuid.uuid4(), roles=frozenset({Role(role)}))


async def test_an_extra_day_off_moves_a_deadline_past_nauryz(rt):
    # given an application filed on Friday 20 March 2026, the eve of Nauryz (21–25 March off)
    admin = await viewer("admin")
    filed = dt.datetime(2026, 3, 20, 10, 0, tzinfo=ALMATY)
    assert OTBASY_HOURS.deadline(filed, 3).date() == D(2026, 3, 27)  # 20, 26, 27
    # when the government declares Friday 27 March a day off
    await calendar_days.add(admin, D(2026, 3, 27), DayKind.DAY_OFF, "Decree No. 1 of 01.03.2026", REQ)
    # then the third working day is Monday 30 March
    assert not is_working_day(D(2026, 3, 27))
    assert OTBASY_HOURS.deadline(filed, 3).date() == D(2026, 3, 30)
    assert add_working_days(D(2026, 3, 20), 2) == D(2026, 3, 30)


async def test_a_transferred_working_saturday_moves_a_deadline_earlier(rt):
    admin = await viewer("admin")
    # Thursday 26 March + 2 working days is Monday 30 March over the weekend
    assert add_working_days(D(2026, 3, 26), 2) == D(2026, 3, 30)
    # when Saturday 28 March is worked in exchange
    await calendar_days.add(admin, D(2026, 3, 28), DayKind.WORKING_DAY, "Decree No. 2", REQ)
    # then the deadline is that Saturday, and a filing on it counts the same day
    assert add_working_days(D(2026, 3, 26), 2) == D(2026, 3, 28)
    assert OTBASY_HOURS.business_date(dt.datetime(2026, 3, 28, 11, 0, tzinfo=ALMATY)) == D(2026, 3, 28)
    assert OTBASY_HOURS.is_open(dt.datetime(2026, 3, 28, 11, 0, tzinfo=ALMATY))


async def test_a_nauryz_holiday_can_be_made_a_working_day(rt):
    admin = await viewer("admin")
    assert add_working_days(D(2026, 3, 20), 1) == D(2026, 3, 26)
    await calendar_days.add(admin, D(2026, 3, 23), DayKind.WORKING_DAY, "Decree No. 3", REQ)
    assert add_working_days(D(2026, 3, 20), 1) == D(2026, 3, 23)


async def test_a_day_off_after_a_weekend_and_its_revocation(rt):
    # given Friday 20 November 2026: one working day later is Monday 23
    admin = await viewer("admin")
    assert add_working_days(D(2026, 11, 20), 1) == D(2026, 11, 23)
    row = await calendar_days.add(admin, D(2026, 11, 23), DayKind.DAY_OFF, "Decree No. 4", REQ)
    assert add_working_days(D(2026, 11, 20), 1) == D(2026, 11, 24)
    # when the override is revoked, the Monday works again; the row stays, marked
    revoked = await calendar_days.revoke(admin, row.id, REQ)
    assert revoked.revoked_at is not None
    assert add_working_days(D(2026, 11, 20), 1) == D(2026, 11, 23)
    assert [r.id for r in await calendar_days.of_year(admin, 2026)] == [row.id]
    actions = await HistoryEvent.filter(entity="calendar_override", entity_id=str(row.id)).order_by("created_at").values_list("action", flat=True)
    assert list(actions) == ["added", "revoked"]
    # and revoking it again is refused
    with pytest.raises(DomainError) as caught:
        await calendar_days.revoke(admin, row.id, REQ)
    assert caught.value.code == "WRONG_STATUS"


@pytest.mark.parametrize("role", ["citizen", "queue_officer", None])
async def test_only_an_admin_moves_days(rt, role):
    who = await viewer(role) if role else None
    for call in (
        lambda: calendar_days.add(who, D(2026, 11, 23), DayKind.DAY_OFF, "Decree", REQ),
        lambda: calendar_days.revoke(who, uuid.uuid4(), REQ),
        lambda: calendar_days.of_year(who, 2026),
    ):
        with pytest.raises(DomainError) as caught:
            await call()
        assert caught.value.code == "NOT_ALLOWED"
    assert await CalendarOverride.all().count() == 0
    assert is_working_day(D(2026, 11, 23))


@pytest.mark.parametrize(
    "day,kind,reason",
    [
        (D(2026, 11, 24), DayKind.WORKING_DAY, "ALREADY_WORKING_DAY"),  # a Tuesday
        (D(2026, 11, 21), DayKind.DAY_OFF, "ALREADY_DAY_OFF"),  # a Saturday
        (D(2026, 3, 23), DayKind.DAY_OFF, "ALREADY_DAY_OFF"),  # Nauryz
        (D(1999, 1, 4), DayKind.DAY_OFF, "YEAR_OUT_OF_RANGE"),
    ],
)
async def test_an_override_must_change_the_day(rt, day, kind, reason):
    admin = await viewer("admin")
    with pytest.raises(DomainError) as caught:
        await calendar_days.add(admin, day, kind, "Decree", REQ)
    assert (caught.value.code, caught.value.field, caught.value.params["reason"]) == ("INVALID", "day", reason)


async def test_the_same_override_twice_and_bad_decree_text(rt):
    admin = await viewer("admin")
    await calendar_days.add(admin, D(2026, 11, 23), DayKind.DAY_OFF, "Decree", REQ)
    for decree, code in (("Decree again", "ALREADY_SET"), ("  ", "REQUIRED"), ("x" * 301, "TOO_LONG")):
        with pytest.raises(DomainError) as caught:
            await calendar_days.add(admin, D(2026, 11, 23), DayKind.DAY_OFF, decree, REQ)
        assert caught.value.code == code
    assert await CalendarOverride.all().count() == 1


async def test_another_process_picks_a_change_up_by_the_version_check(rt):
    # given this process loaded the calendar
    await calendar_days.load()
    assert not await calendar_days.refresh_if_changed()
    # when another worker records a day off (a row appears that this process did not write)
    row = await CalendarOverride.create(day=D(2026, 11, 23), kind=DayKind.DAY_OFF, decree="Decree")
    assert is_working_day(D(2026, 11, 23))
    # then the next check reloads, and a revocation elsewhere is noticed too
    assert await calendar_days.refresh_if_changed()
    assert not is_working_day(D(2026, 11, 23))
    await CalendarOverride.filter(id=row.id).update(revoked_at=dt.datetime.now(dt.timezone.utc))
    assert await calendar_days.refresh_if_changed()
    assert is_working_day(D(2026, 11, 23))


async def test_the_app_loads_the_overrides_at_start(settings, rt):
    await CalendarOverride.create(day=D(2026, 11, 23), kind=DayKind.DAY_OFF, decree="Decree")
    app = create_app(settings, runtime=rt, manage_db=False)
    async with app.router.lifespan_context(app):
        assert not is_working_day(D(2026, 11, 23))


def test_working_days_after_bounds():
    assert calendar_days.working_days_after(D(2026, 3, 20), 0) == D(2026, 3, 20)
    assert calendar_days.working_days_after(D(2026, 3, 20), 1) == D(2026, 3, 26)
    for count in (-1, 367):
        with pytest.raises(DomainError):
            calendar_days.working_days_after(D(2026, 3, 20), count)


async def test_the_watch_loop_brings_another_workers_change_in(rt):
    task = await calendar_days.start(0.02)
    try:
        await CalendarOverride.create(day=D(2026, 11, 23), kind=DayKind.DAY_OFF, decree="Decree")
        for _ in range(200):
            if not is_working_day(D(2026, 11, 23)):
                break
            await asyncio.sleep(0.02)
        assert not is_working_day(D(2026, 11, 23))
    finally:
        task.cancel()


async def test_a_revocation_stamped_earlier_than_the_last_one_is_still_noticed(rt):
    # given two overrides, one revoked (by a worker whose clock runs ahead)
    later = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    await CalendarOverride.create(day=D(2026, 11, 23), kind=DayKind.DAY_OFF, decree="A", revoked_at=later)
    second = await CalendarOverride.create(day=D(2026, 11, 30), kind=DayKind.DAY_OFF, decree="B")
    await calendar_days.load()
    assert not is_working_day(D(2026, 11, 30)) and is_working_day(D(2026, 11, 23))
    # when another worker revokes the second with an earlier stamp
    await CalendarOverride.filter(id=second.id).update(revoked_at=later - dt.timedelta(days=1))
    # then the check still sees a change
    assert await calendar_days.refresh_if_changed()
    assert is_working_day(D(2026, 11, 30))
