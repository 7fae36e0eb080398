"""Application numbers: Q-<year>-<serial>, the serial counting the year's applications from 000001.

Race-safe: the next number is read and taken inside the filing's transaction while holding a lock
that only filings take — a transaction-scoped advisory lock on PostgreSQL (released at commit or
rollback), and SQLite runs one transaction at a time anyway. The unique index on `number` stays the
last line of defence."""

from __future__ import annotations

from tortoise.functions import Length

from backend.models.queue import QueueApplication

WIDTH = 6
# The bytes of "Q-NUMBER" as a bigint: an advisory-lock key no other part of the portal uses.
LOCK_KEY = int.from_bytes(b"Q-NUMBER", "big")


def format_number(year: int, serial: int) -> str:
    return f"Q-{year}-{serial:0{WIDTH}d}"


async def _lock() -> None:
    db = QueueApplication._meta.db
    if db.capabilities.dialect == "postgres":
        await db.execute_query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY])


async def _last_serial(year: int) -> int:
    prefix = f"Q-{year}-"
    # A range on the unique index (not LIKE, which a non-C collation cannot serve from it); serials
    # of one width sort as numbers under any collation.
    in_year = QueueApplication.filter(number__gte=prefix, number__lt=f"Q-{year + 1}-")
    last = await in_year.order_by("-number").first().values_list("number", flat=True)
    if last == format_number(year, 10**WIDTH - 1):
        # Past 999999 the serials grow wider and no longer sort as text: the rare slow path.
        last = await in_year.annotate(width=Length("number")).order_by("-width", "-number").first().values_list(
            "number", flat=True
        )
    return int(last[len(prefix):]) if last else 0


async def next_number(year: int) -> str:
    """The next free number of `year`. Must run inside the transaction that stores it."""
    await _lock()
    return format_number(year, await _last_serial(year) + 1)
