"""Numbers people quote: Q-<year>-<serial> for applications, C-<year>-<serial> for complaints, the
serial counting the year's rows from 000001.

Race-safe: the next number is read and taken inside the storing transaction while holding a lock
that only takers of that series take — a transaction-scoped advisory lock on PostgreSQL (released at
commit or rollback), and SQLite runs one transaction at a time anyway. The unique index on `number`
stays the last line of defence."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.functions import Length
from tortoise.models import Model

from backend.models.queue import QueueApplication, QueueComplaint

WIDTH = 6


@dataclass(frozen=True)
class Series:
    letter: str
    model: type[Model]

    @property
    def lock_key(self) -> int:
        # The bytes of "Q-NUMBER" / "C-NUMBER" as a bigint: an advisory-lock key nothing else uses.
        return int.from_bytes(f"{self.letter}-NUMBER".encode(), "big")

    def format(self, year: int, serial: int) -> str:
        return f"{self.letter}-{year}-{serial:0{WIDTH}d}"

    async def _last_serial(self, year: int) -> int:
        prefix = f"{self.letter}-{year}-"
        # A range on the unique index (not LIKE, which a non-C collation cannot serve from it); serials
        # of one width sort as numbers under any collation.
        in_year = self.model.filter(number__gte=prefix, number__lt=f"{self.letter}-{year + 1}-")
        last = await in_year.order_by("-number").first().values_list("number", flat=True)
        if last == self.format(year, 10**WIDTH - 1):
            # Past 999999 the serials grow wider and no longer sort as text: the rare slow path.
            last = await in_year.annotate(width=Length("number")).order_by("-width", "-number").first().values_list(
                "number", flat=True
            )
        return int(last[len(prefix):]) if last else 0

    async def next(self, year: int) -> str:
        """The next free number of `year`. Must run inside the transaction that stores it."""
        db = self.model._meta.db
        if db.capabilities.dialect == "postgres":
            await db.execute_query("SELECT pg_advisory_xact_lock($1)", [self.lock_key])
        return self.format(year, await self._last_serial(year) + 1)


APPLICATIONS = Series("Q", QueueApplication)
COMPLAINTS = Series("C", QueueComplaint)


async def next_number(year: int) -> str:
    """The next application number of `year`."""
    return await APPLICATIONS.next(year)


def format_number(year: int, serial: int) -> str:
    return APPLICATIONS.format(year, serial)
