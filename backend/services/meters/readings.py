"""Submitting a meter reading: a resident of the account, inside the month's window, never below the
reading of the previous months and never more above it than the meter can plausibly turn.

Readings are append-only. A second reading in the same month supersedes the first (a resident who
mistyped corrects it inside the window): it is checked against the last reading *before* this
month, not against the one it replaces, and the month shows the latest one (views.py)."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from backend import clock
from backend.errors import DomainError
from backend.models.meters import Meter, MeterReading
from backend.services import history
from backend.services.housing.access import Scope, resident_account
from backend.services.meters import window
from backend.services.tx import atomic

THOUSANDTH = Decimal("0.001")
# MeterReading.value is DECIMAL(14, 3): eleven digits before the point.
MAX_VALUE = Decimal("99999999999.999")


class Source:
    RESIDENT = "resident"
    COMPANY = "company"


def checked_value(raw: object, field: str = "value") -> Decimal:
    """The reading as a Decimal of at most 3 decimals, 0 or more, that the column can hold."""
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw))
    except (InvalidOperation, ValueError):
        raise DomainError("INVALID_VALUE", field=field) from None
    if not value.is_finite() or value < 0 or value > MAX_VALUE or value != value.quantize(THOUSANDTH):
        raise DomainError("INVALID_VALUE", field=field, decimals=3, min="0", max=str(MAX_VALUE))
    return value.quantize(THOUSANDTH)


async def previous_reading(meter_id: uuid.UUID, before) -> MeterReading | None:
    """The latest reading taken before `before` (the start of the current month)."""
    return await MeterReading.filter(meter_id=meter_id, created_at__lt=before).order_by("-created_at", "-id").first()


def check_against(meter: Meter, value: Decimal, last: MeterReading | None, now) -> None:
    """BELOW_LAST / ABOVE_PLAUSIBLE; a first reading is bounded only by the column (checked_value)."""
    if last is None:
        return
    if value < last.value:
        raise DomainError("BELOW_LAST", field="value", last=str(last.value))
    months = max(1, window.months_between(last.created_at, now))
    ceiling = last.value + meter.max_monthly * months
    if value > ceiling:
        raise DomainError("ABOVE_PLAUSIBLE", field="value", max=str(ceiling), last=str(last.value), months=months)


async def _meter(meter_id: object) -> Meter:
    try:
        key = uuid.UUID(str(meter_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="meterId") from None
    meter = await Meter.get_or_none(id=key, is_active=True)
    if meter is None:
        raise DomainError("NOT_FOUND", field="meterId")
    return meter


async def record_reading(meter: Meter, value: Decimal, source: str, user_id: uuid.UUID | None, ip: str = "",
                         **context) -> MeterReading:
    """The checks that need the meter's readings, and the row; must run inside atomic()."""
    # The meter's row is locked so that two readings of one meter at once are checked one after the
    # other (PostgreSQL; SQLite writes one transaction at a time anyway).
    await Meter.select_for_update().filter(id=meter.id).first()
    now = clock.now()
    last = await previous_reading(meter.id, window.month_start(now))
    check_against(meter, value, last, now)
    # created_at is the service's clock, not the machine's: a demo server whose clock was moved
    # must see its readings in the month it believes it is.
    reading = await MeterReading.create(meter=meter, value=value, source=source, submitted_by_id=user_id, created_at=now)
    await history.record("meter", meter.id, "reading_submitted", actor_id=user_id, ip=ip, readingId=str(reading.id),
                         value=str(value), source=source, accountId=str(meter.account_id), **context)
    return reading


async def submit(scope: Scope, user_id: uuid.UUID, meter_id: object, raw_value: object, ip: str = "") -> tuple[MeterReading, Meter]:
    """A resident's reading of a meter of one of their confirmed accounts."""
    meter = await _meter(meter_id)
    # Another's meter looks like no meter at all; staff see meters but do not submit as residents.
    await resident_account(scope, meter.account_id, field="meterId")
    value = checked_value(raw_value)
    if not window.is_open(meter.window_from_day, meter.window_to_day):
        start, end = window.window_days(meter.window_from_day, meter.window_to_day, window.local_today())
        raise DomainError("WINDOW_CLOSED", field="value", **{"from": start, "to": end})
    async with atomic():
        reading = await record_reading(meter, value, Source.RESIDENT, user_id, ip)
    return reading, meter
