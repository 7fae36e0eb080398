"""Decree days: the days the government moves each year, recorded by an admin, and the in-memory
copy of them that backend/calendar.py computes every deadline with.

Keeping the copy fresh. This process reloads it right after its own change commits. Other worker
processes notice a change with a version check — the number of rows and of revoked rows, and the
latest `created_at` and `revoked_at` (rows are never edited otherwise) — which `watch` runs beside the scheduler loop at
its interval (SCHEDULER_INTERVAL_SECONDS, 20 s by default; every 20 s where the loop is off), so a
decree recorded through one worker is used by every other within that interval. The check is one
aggregate over a table of a few rows a year.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid

from tortoise.functions import Count, Max

from backend import calendar, clock
from backend.errors import DomainError
from backend.models.calendar import CalendarOverride, DayKind
from backend.models.identity import Role
from backend.services import history
from backend.services.request_info import RequestInfo
from backend.services.sessions import Viewer
from backend.services.tx import atomic, on_commit

log = logging.getLogger(__name__)

ENTITY = "calendar_override"
MAX_DECREE = 300  # the model's column
# Deadlines are computed a few years ahead at most; a typo like 2206 is refused rather than stored.
YEARS = range(2000, 2101)
REFRESH_SECONDS = 20.0  # the version check's interval where the scheduler loop is off

_loaded_version: tuple | None = None


async def _version() -> tuple:
    # Counts, not only times: rows are only ever added and revoked once, so each change raises one
    # of the two counts even when workers' clocks disagree (a revocation stamped earlier than the
    # last one would leave the latest `revoked_at` as it was).
    row = await CalendarOverride.all().annotate(
        n=Count("id"), revoked_n=Count("revoked_at"), created=Max("created_at"), revoked=Max("revoked_at")
    ).first().values("n", "revoked_n", "created", "revoked")
    if not row:
        return (0, 0, "None", "None")
    return (row["n"], row["revoked_n"], str(row["created"]), str(row["revoked"]))


async def load() -> None:
    """Reads the overrides in force into backend/calendar.py."""
    global _loaded_version
    version = await _version()
    rows = await CalendarOverride.filter(revoked_at__isnull=True).values_list("day", "kind")
    calendar.set_overrides({day: DayKind(kind) is DayKind.WORKING_DAY for day, kind in rows})
    _loaded_version = version


async def refresh_if_changed() -> bool:
    """Reloads when another process changed the overrides since this one last loaded them."""
    if await _version() == _loaded_version:
        return False
    await load()
    return True


async def watch(interval_seconds: float) -> None:
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            await refresh_if_changed()
        except Exception:  # noqa: BLE001 - a database hiccup must not end the watch for good
            log.exception("calendar override refresh failed")


async def start(interval_seconds: float) -> asyncio.Task:
    """At app start: load the overrides, then keep them fresh — every scheduler interval, or every
    REFRESH_SECONDS in a process that runs no scheduler loop (a web worker beside a separate
    scheduler still computes deadlines of filings and must see a new decree)."""
    await load()
    return asyncio.create_task(watch(interval_seconds if interval_seconds > 0 else REFRESH_SECONDS))


def _require_admin(viewer: Viewer | None) -> None:
    if viewer is None or not viewer.has(Role.ADMIN):
        raise DomainError("NOT_ALLOWED")


def _check_day(day: dt.date, kind: DayKind) -> None:
    """An override must change the day: the official calendar (the `holidays` package) is what it
    changes, so a working day on a day that already works, or a day off on one already off, is a
    mistake in the decree's reading."""
    if day.year not in YEARS:
        raise DomainError("INVALID", field="day", message=f"The year must be within {YEARS.start}–{YEARS.stop - 1}.",
                          reason="YEAR_OUT_OF_RANGE")
    official = calendar.is_official_working_day(day)
    if kind is DayKind.WORKING_DAY and official:
        raise DomainError("INVALID", field="day", message="This day is already a working day.", reason="ALREADY_WORKING_DAY")
    if kind is DayKind.DAY_OFF and not official:
        raise DomainError("INVALID", field="day", message="This day is already a day off.", reason="ALREADY_DAY_OFF")


def _reload_after_commit() -> None:
    on_commit(load)


async def add(viewer: Viewer | None, day: dt.date, kind: DayKind, decree: str, req: RequestInfo) -> CalendarOverride:
    """Records a decree's extra day off or transferred working day; every deadline computed from
    then on uses it."""
    _require_admin(viewer)
    decree = (decree or "").strip()
    if not decree:
        raise DomainError("REQUIRED", field="decree")
    if len(decree) > MAX_DECREE:
        raise DomainError("TOO_LONG", field="decree", max=MAX_DECREE)
    _check_day(day, kind)
    async with atomic():
        if await CalendarOverride.filter(day=day, kind=kind, revoked_at__isnull=True).exists():
            raise DomainError("ALREADY_SET", field="day")
        row = await CalendarOverride.create(day=day, kind=kind, decree=decree, created_by_id=viewer.user.id)
        await history.record(ENTITY, row.id, "added", actor_id=viewer.user.id, ip=req.ip,
                             day=day.isoformat(), kind=kind.value, decree=decree)
        _reload_after_commit()
    return row


async def revoke(viewer: Viewer | None, override_id: object, req: RequestInfo) -> CalendarOverride:
    """Withdraws an override (a decree read wrongly, or repealed); the row stays, marked revoked."""
    _require_admin(viewer)
    try:
        key = uuid.UUID(str(override_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="id") from None
    async with atomic():
        row = await CalendarOverride.filter(id=key).select_for_update().first()
        if row is None:
            raise DomainError("NOT_FOUND", field="id")
        if row.revoked_at is not None:
            raise DomainError("WRONG_STATUS", field="id")
        row.revoked_at = clock.now()
        row.revoked_by_id = viewer.user.id
        await row.save(update_fields=["revoked_at", "revoked_by_id"])
        await history.record(ENTITY, row.id, "revoked", actor_id=viewer.user.id, ip=req.ip,
                             day=row.day.isoformat(), kind=DayKind(row.kind).value)
        _reload_after_commit()
    return row


async def of_year(viewer: Viewer | None, year: int) -> list[CalendarOverride]:
    """Every override of one year, revoked ones too (they show what past deadlines were computed
    with), by day."""
    _require_admin(viewer)
    if year not in YEARS:
        return []
    return await CalendarOverride.filter(
        day__gte=dt.date(year, 1, 1), day__lte=dt.date(year, 12, 31)
    ).order_by("day", "created_at")


MAX_COUNT = 366


def working_days_after(start: dt.date, count: int) -> dt.date:
    """The day `count` working days after `start` (`start` itself need not be one), by the calendar
    in force here, decree days included."""
    if not 0 <= count <= MAX_COUNT:
        raise DomainError("INVALID", field="count", message=f"count must be within 0–{MAX_COUNT}.", max=MAX_COUNT)
    return calendar.add_working_days(start, count)
