"""Bulk writing of receipts and their lines: the statements a month's import costs do not grow
with its accounts.

PostgreSQL: binary COPY (asyncpg `copy_records_to_table`) into the tables themselves — the
month's old lines of a replaced receipt are deleted first in the same transaction, and new
receipts are known not to exist (checked under the company's import lock), so there is nothing
to merge and no staging table is needed. SQLite (tests, the demo): `executemany` in batches,
values converted as Tortoise stores them (UUIDs, decimals and times as text).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import uuid
from collections.abc import Sequence

from tortoise.exceptions import IntegrityError

from backend.models.housing import Counter
from backend.services.tx import atomic

SQLITE_BATCH = 2000


def _db(model):
    return model._meta.db


def is_postgres(model) -> bool:
    return _db(model).capabilities.dialect == "postgres"


def _sqlite_value(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat(" ") if value.tzinfo else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "value") and not isinstance(value, (str, int)):
        return value.value  # an Enum
    return value


def _pg_value(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "value") and not isinstance(value, (str, int, decimal.Decimal)):
        return value.value
    return value


async def insert_rows(model, columns: Sequence[str], records: Sequence[tuple]) -> None:
    """Insert `records` (tuples in `columns` order, values as the driver takes them: JSON as text)
    into `model`'s table; inside the caller's transaction."""
    if not records:
        return
    db = _db(model)
    table = model._meta.db_table
    if is_postgres(model):
        async with db.acquire_connection() as conn:
            # Records come DB-ready (UUIDs, Decimals, dates, str; JSON already dumped): no pass over them here.
            await conn.copy_records_to_table(table, records=records, columns=list(columns))
        return
    sql = f'INSERT INTO "{table}" ({", ".join(f"{c!s}" for c in columns)}) VALUES ({", ".join("?" for _ in columns)})'
    for start in range(0, len(records), SQLITE_BATCH):
        batch = [[_sqlite_value(v) for v in r] for r in records[start : start + SQLITE_BATCH]]
        await db.execute_many(sql, batch)


async def update_rows(model, set_columns: Sequence[str], records: Sequence[tuple]) -> None:
    """UPDATE by id: each record is (*values of set_columns, id)."""
    if not records:
        return
    db = _db(model)
    table = model._meta.db_table
    if is_postgres(model):
        assignments = ", ".join(f'"{c}" = ${i + 1}' for i, c in enumerate(set_columns))
        sql = f'UPDATE "{table}" SET {assignments} WHERE "id" = ${len(set_columns) + 1}'
        await db.execute_many(sql, [[_pg_value(v) for v in r] for r in records])
        return
    assignments = ", ".join(f'"{c}" = ?' for c in set_columns)
    sql = f'UPDATE "{table}" SET {assignments} WHERE "id" = ?'
    for start in range(0, len(records), SQLITE_BATCH):
        await db.execute_many(sql, [[_sqlite_value(v) for v in r] for r in records[start : start + SQLITE_BATCH]])


async def lock_company_imports(model, company_id: uuid.UUID) -> None:
    """Imports of one company take turns (PostgreSQL: a transaction-scoped advisory lock; SQLite
    has a single writer anyway), so "this receipt does not exist yet" stays true until commit."""
    if is_postgres(model):
        key = int.from_bytes(company_id.bytes[:8], "big", signed=True) ^ 0x52454345  # "RECE"
        await _db(model).execute_query("SELECT pg_advisory_xact_lock($1)", [key])


async def reserve_numbers(key: str, count: int) -> int:
    """`count` consecutive numbers of the series `key` (the same series and row as
    services/counters.next_number, which gives one at a time); returns the first. Inside the
    caller's transaction: a rolled-back import gives its numbers back."""
    if count <= 0:
        return 0
    async with atomic():
        for _ in range(3):
            row = await Counter.filter(key=key).select_for_update().first()
            if row is not None:
                await Counter.filter(key=key).update(value=row.value + count)
                return row.value + 1
            try:
                async with atomic():
                    await Counter.create(key=key, value=count)
                return 1
            except IntegrityError:
                continue
    raise RuntimeError(f"counter {key} could not be advanced")


def new_ids(count: int) -> list[uuid.UUID]:
    """Random ids, quickly: asyncpg's C UUID type (a uuid.UUID) over one read of the OS's random
    source, four times cheaper than uuid4() per row at a million rows."""
    from asyncpg.pgproto.pgproto import UUID as FastUUID

    raw = os.urandom(16 * count)
    out = []
    for i in range(0, 16 * count, 16):
        b = bytearray(raw[i : i + 16])
        b[6] = (b[6] & 0x0F) | 0x40  # version 4
        b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
        out.append(FastUUID(bytes(b)))
    return out
