"""Application numbers: Q-<year>-<serial>, one after another within a year, never twice — also when
filings run at the same time (PostgreSQL: the advisory lock; SQLite: one transaction at a time)."""

from __future__ import annotations

import asyncio
import datetime as dt

from backend.models.queue import QueueApplication, QueueStatus, SigningMethod
from backend.services.queue import numbers
from backend.services.tx import atomic
from tests.helpers import create_user


async def _store(filer, number: str) -> QueueApplication:
    now = dt.datetime(2026, 3, 3, 5, 0, tzinfo=dt.timezone.utc)
    return await QueueApplication.create(
        number=number, filed_by=filer, person_iin=filer.iin_bin, person={}, locality="astana", consents={},
        status=QueueStatus.FILED, filed_at=now, business_date=now.date(), decision_due=now.date(),
        notify_due=now.date(), signing_method=SigningMethod.SMS,
    )


async def _file_one(filer, year: int) -> str:
    async with atomic():
        number = await numbers.next_number(year)
        await asyncio.sleep(0.01)  # another filing would take the same number here without the lock
        await _store(filer, number)
    return number


async def test_numbers_follow_each_other_within_a_year_and_start_again_the_next():
    filer = await create_user("citizen")
    assert [await _file_one(filer, 2026) for _ in range(3)] == ["Q-2026-000001", "Q-2026-000002", "Q-2026-000003"]
    assert await _file_one(filer, 2027) == "Q-2027-000001"
    assert await _file_one(filer, 2026) == "Q-2026-000004"


async def test_filings_at_the_same_time_take_different_numbers():
    filer = await create_user("citizen")
    taken = await asyncio.gather(*[_file_one(filer, 2026) for _ in range(6)])
    assert sorted(taken) == [numbers.format_number(2026, n) for n in range(1, 7)]


async def test_past_999999_the_serial_grows_wider_and_still_counts_on():
    filer = await create_user("citizen")
    await _store(filer, "Q-2026-999999")
    assert await _file_one(filer, 2026) == "Q-2026-1000000"
    assert await _file_one(filer, 2026) == "Q-2026-1000001"
