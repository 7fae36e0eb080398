"""Numbers in a series (a company's receipts, payments, service requests): gap-free per key."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from backend.models.housing import Counter
from backend.services.tx import atomic


async def next_number(key: str) -> int:
    """The next number of `key`. Inside the caller's transaction, so that a rolled-back change
    gives its number back; PostgreSQL holds the counter's row lock until commit, SQLite the
    database's write lock."""
    async with atomic():
        for _ in range(3):
            row = await Counter.filter(key=key).select_for_update().first()
            if row is not None:
                row.value += 1
                await Counter.filter(key=key).update(value=row.value)
                return row.value
            try:
                async with atomic():
                    await Counter.create(key=key, value=1)
                return 1
            except IntegrityError:
                continue  # created concurrently: take the row lock on the next round
    raise RuntimeError(f"counter {key} could not be advanced")
