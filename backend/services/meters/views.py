"""What the cabinet shows of meters: an account's meters, and of each its readings by month."""

from __future__ import annotations

from backend.models.meters import Meter, MeterReading
from backend.services.housing.access import Scope, get_account
from backend.services.meters import window

# The longest history a meter shows: three years of monthly readings.
HISTORY_CAP = 36


async def account_meters(scope: Scope, account_id: object) -> list[Meter]:
    """The active meters of an account the viewer may see (resident or staff), by kind then serial;
    NOT_FOUND when the account is not theirs to see."""
    account = await get_account(scope, account_id)
    return await Meter.filter(account_id=account.id, is_active=True).order_by("kind", "serial")


def by_month(readings: list[MeterReading], limit: int) -> list[MeterReading]:
    """Newest first, one per month (Almaty): a later reading of a month supersedes an earlier one."""
    shown: list[MeterReading] = []
    months: set[tuple[int, int]] = set()
    for reading in sorted(readings, key=lambda r: (r.created_at, str(r.id)), reverse=True):
        local = reading.created_at.astimezone(window.ALMATY)
        if (local.year, local.month) in months:
            continue
        months.add((local.year, local.month))
        shown.append(reading)
        if len(shown) >= limit:
            break
    return shown
