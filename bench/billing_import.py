""""A month's charges" at a million lines, on PostgreSQL: the product's import path against raw COPY
and against the ORM's bulk_create.

    .venv/bin/python bench/billing_import.py                 # 1,000,000 lines; a few minutes
    .venv/bin/python bench/billing_import.py --lines 100000  # a quick run

A scratch database `bench_billing_<pid>` is created on BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/postgres), migrated, and dropped at the end; without a
reachable PostgreSQL the script says so and exits 0. One management company, lines/10 accounts of
ten services each (the demo's Astana services), one month.

Measured, each on empty receipt tables (TRUNCATE between sides), one after the other:
- product: services.billing.csv_import.import_csv — what POST /partner/billing/charges runs — fed
  the CSV bytes in 64 KiB pieces (made before the clock starts, as they arrive from the network):
  incremental decoding, csv parsing, every line's checks, totals, content hashes, receipt numbers,
  COPY of receipts, lines and history, the balances and the import's report;
- raw: asyncpg copy_records_to_table of the same receipts and lines, already as Python tuples (no
  parsing, no checks): the floor of writing these rows (goal: raw time / product time >= 0.3);
- bulk_create: Tortoise Receipt.bulk_create + ReceiptLine.bulk_create (batch 1000) of a sample
  (--bulk-sample, default 50,000 lines), its time extrapolated linearly to the full size (goal:
  bulk_create time / product time >= 5). Measured on a sample because at a million lines it takes
  minutes; the extrapolation is printed as such.
Timings are wall clock on a shared machine: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402

ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PERIOD = dt.date(2026, 11, 1)
TARGET_RAW, TARGET_BULK = 0.3, 5.0
SERVICES = (("housing", "Содержание жилья", "м2", "58.2000"), ("housing", "Лифт", "м2", "11.4000"),
            ("housing", "Вывоз ТБО", "чел.", "393.0000"), ("utilities", "Холодная вода", "м3", "112.8200"),
            ("utilities", "Горячая вода", "м3", "334.5600"), ("utilities", "Водоотведение", "м3", "79.4900"),
            ("utilities", "Отопление", "Гкал", "4582.9000"), ("utilities", "Электроэнергия СОИ", "кВт·ч", "29.5000"),
            ("other", "Домофон", "ед.", "450.0000"), ("other", "Капитальный ремонт", "м2", "25.0000"))
HEADER = "account_number,section,service,unit,volume,tariff,charged,debt_advance\n"


def _pg(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def _db_url(name: str) -> str:
    return f"{ADMIN_URL.rpartition('/')[0]}/{name}"


def _line(a: int, s: int) -> tuple[str, str, str, str, Decimal, Decimal, Decimal, Decimal]:
    section, service, unit, tariff = SERVICES[s]
    volume = Decimal(f"{1 + (a * 7 + s) % 50}.{(a * 31 + s) % 1000000:06d}")
    charged = (volume * Decimal(tariff)).quantize(Decimal("0.01"))
    debt = Decimal(f"{(a % 5) * 100}.00")
    return f"B{a:07d}", section, service, unit, volume, Decimal(tariff), charged, debt


def _csv_pieces(accounts: int) -> list[bytes]:
    pieces, buffer = [], [HEADER]
    size = 0
    for a in range(accounts):
        for s in range(len(SERVICES)):
            number, section, service, unit, volume, tariff, charged, debt = _line(a, s)
            row = f"{number},{section},{service},{unit},{volume},{tariff},{charged},{debt}\n"
            buffer.append(row)
            size += len(row)
        if size > 60_000:
            pieces.append("".join(buffer).encode())
            buffer, size = [], 0
    pieces.append("".join(buffer).encode())
    return pieces


async def _body(pieces: list[bytes]):
    for piece in pieces:
        yield piece


def _raw_rows(accounts: int, account_ids: list[uuid.UUID], company_id: uuid.UUID):
    now = dt.datetime.now(dt.timezone.utc)
    receipts, lines = [], []
    for a in range(accounts):
        rid = uuid.uuid4()
        items = [_line(a, s) for s in range(len(SERVICES))]
        charged = sum(i[6] for i in items)
        debt = sum(i[7] for i in items)
        receipts.append((rid, now, now, PERIOD, str(a + 1), debt, charged, Decimal(0), Decimal(0), Decimal(0),
                         debt + charged, now, "", account_ids[a], None, company_id))
        for pos, i in enumerate(items, 1):
            lines.append((uuid.uuid4(), rid, pos, i[1], i[2], i[3], i[4], i[5], i[6], Decimal(0), Decimal(0), i[7], i[6] + i[7]))
    return receipts, lines


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--bulk-sample", type=int, default=50_000)
    args = parser.parse_args()
    try:
        admin = await asyncpg.connect(_pg(ADMIN_URL), timeout=5)
    except (OSError, asyncpg.PostgresError, asyncio.TimeoutError) as exc:
        print(f"billing_import: skipped, no PostgreSQL at {ADMIN_URL} ({exc or type(exc).__name__}); set BENCH_POSTGRES_URL")
        return 0
    name = f"bench_billing_{os.getpid()}"
    try:
        with tempfile.TemporaryDirectory(prefix="shanyraq-bench-") as tmp:
            await admin.execute(f'CREATE DATABASE "{name}"')
            return await _run(_db_url(name), Path(tmp), args.lines // 10, args.bulk_sample // 10)
    finally:
        from tortoise import Tortoise

        await Tortoise.close_connections()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _run(url: str, tmp: Path, accounts: int, sample: int) -> int:
    from tortoise import Tortoise

    from backend.adapters.messaging import DevOutbox
    from backend.adapters.pubsub import InProcessPubSub
    from backend.db import tortoise_config
    from backend.migrate import migrate
    from backend.models.billing import Receipt, ReceiptLine
    from backend.models.housing import Building, HousingUnit, ManagementCompany
    from backend.models.organizations import Organization
    from backend.runtime import Runtime
    from backend.services.billing.charges_import import LINE_COLUMNS, RECEIPT_COLUMNS
    from backend.services.billing.csv_import import import_csv
    from backend.settings import Settings

    settings = Settings(env="development", var_dir=tmp, database_url=url, spa_dist=tmp / "no-spa",
                        secret_key="bench-secret-key-that-is-long-enough-for-hs256-0123456789", scheduler_interval_seconds=0)
    await migrate(settings)
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    rt = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
    org = await Organization.create(bin="180440099999", name="ТОО «Бенч»")
    company = await ManagementCompany.create(organization=org, name="ТОО «Бенч»")
    building = await Building.create(company=company, city="Астана", street="Бенч көшесі", house="1", address_key="bench")
    conn = await asyncpg.connect(_pg(url))
    now = dt.datetime.now(dt.timezone.utc)
    unit_ids = [uuid.uuid4() for _ in range(accounts)]
    account_ids = [uuid.uuid4() for _ in range(accounts)]
    await conn.copy_records_to_table("housing_units", columns=["id", "created_at", "updated_at", "building_id", "number", "area"],
                                     records=[(u, now, now, building.id, str(i), Decimal("50.00")) for i, u in enumerate(unit_ids)])
    await conn.copy_records_to_table(
        "personal_accounts",
        columns=["id", "created_at", "updated_at", "company_id", "unit_id", "number", "owner_name", "phone", "account_area",
                 "living", "registered", "login", "balance", "is_active"],
        records=[(account_ids[i], now, now, company.id, unit_ids[i], f"B{i:07d}", "Жители", "", Decimal("50.00"), 2, 2,
                  f"B{i:07d}", Decimal(0), True) for i in range(accounts)])
    await conn.execute("ANALYZE")
    lines = accounts * 10

    async def clean() -> None:
        await conn.execute("TRUNCATE receipt_lines, receipts, charge_imports, history_events, counters CASCADE")

    pieces = _csv_pieces(accounts)
    print(f"{lines:,} charge lines ({accounts:,} accounts x 10 services), CSV {sum(map(len, pieces)) / 1e6:.1f} MB")

    t0 = time.perf_counter()
    session = await import_csv(rt, company, PERIOD, _body(pieces))
    product = time.perf_counter() - t0
    assert session.row.lines_ok == lines and session.receipts == accounts, session.row.errors[:3]
    assert await conn.fetchval("SELECT count(*) FROM receipt_lines") == lines
    del pieces
    print(f"  product import_csv      {product:8.2f} s   {lines / product:10,.0f} lines/s")

    await clean()
    receipts, rows = _raw_rows(accounts, account_ids, company.id)
    t0 = time.perf_counter()
    async with conn.transaction():
        await conn.copy_records_to_table("receipts", records=receipts, columns=list(RECEIPT_COLUMNS))
        await conn.copy_records_to_table("receipt_lines", records=rows, columns=list(LINE_COLUMNS))
    raw = time.perf_counter() - t0
    print(f"  raw asyncpg COPY        {raw:8.2f} s   {lines / raw:10,.0f} lines/s")
    del receipts, rows

    await clean()
    receipts, rows = _raw_rows(sample, account_ids, company.id)
    t0 = time.perf_counter()
    objects = [Receipt(id=r[0], period=r[3], number=r[4], opening_debt=r[5], charged=r[6], total_to_pay=r[10],
                       issued_at=r[11], account_id=r[13], company_id=r[15]) for r in receipts]
    await Receipt.bulk_create(objects, batch_size=1000)
    await ReceiptLine.bulk_create([
        ReceiptLine(id=l[0], receipt_id=l[1], position=l[2], section=l[3], service=l[4], unit=l[5], volume=l[6], tariff=l[7],
                    charged=l[8], debt_advance=l[11], total=l[12]) for l in rows], batch_size=1000)
    bulk_sample = time.perf_counter() - t0
    bulk = bulk_sample * accounts / sample
    print(f"  Tortoise bulk_create    {bulk:8.2f} s   {lines / bulk:10,.0f} lines/s   "
          f"(extrapolated from {sample * 10:,} lines in {bulk_sample:.2f} s)")
    await conn.close()

    raw_ratio, bulk_ratio = raw / product, bulk / product
    print(f"raw COPY time / product time: {raw_ratio:.2f} (goal >= {TARGET_RAW}: {'met' if raw_ratio >= TARGET_RAW else 'MISSED'})")
    print(f"bulk_create time / product time: {bulk_ratio:.1f}x (goal >= {TARGET_BULK}x: "
          f"{'met' if bulk_ratio >= TARGET_BULK else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
