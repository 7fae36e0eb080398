"""A streamed CSV import holds one chunk in memory, not the file: the peak of a 50,000-line upload
stays close to that of a 10,000-line one (tracemalloc, not timing)."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from decimal import Decimal

from backend.models.billing import Receipt, ReceiptLine
from backend.services.billing.csv_import import import_csv
from backend.models.housing import HousingUnit, PersonalAccount
from tests.cabinet_world import make_building, make_company

PERIOD = dt.date(2026, 11, 1)
LINES_PER_ACCOUNT = 10
SERVICES = ["Содержание жилья", "Вывоз ТБО", "Холодная вода", "Горячая вода", "Водоотведение", "Отопление",
            "Электроэнергия СОИ", "Лифт", "Домофон", "Капитальный ремонт"]


async def _body(accounts: int):
    """The CSV in 64 KiB pieces, made as it is read (a generator, never the whole file)."""
    yield b"account_number,section,service,unit,volume,tariff,charged,debt_advance\n"
    piece = []
    size = 0
    for a in range(accounts):
        for s, service in enumerate(SERVICES):
            row = f"M{a:06d},{'housing' if s < 2 else 'utilities'},{service},м3,1.{s:06d},{100 + s}.5000,{123 + s}.45,0.00\n".encode()
            piece.append(row)
            size += len(row)
            if size > 65536:
                yield b"".join(piece)
                piece, size = [], 0
    yield b"".join(piece)


async def _peak(rt, company, accounts: int) -> int:
    tracemalloc.start()
    try:
        session = await import_csv(rt, company, PERIOD, _body(accounts))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert session.row.lines_ok == accounts * LINES_PER_ACCOUNT, session.row.errors[:3]
    return peak


async def test_memory_of_a_streamed_import_does_not_grow_with_its_size(rt):
    # given
    company = await make_company("ТОО «Үлкен үй»")
    building = await make_building(company)
    units = [HousingUnit(building=building, number=str(a), area=Decimal("50.00")) for a in range(5000)]
    await HousingUnit.bulk_create(units, batch_size=1000)
    ids = dict(await HousingUnit.filter(building=building).values_list("number", "id"))
    await PersonalAccount.bulk_create([
        PersonalAccount(company=company, unit_id=ids[str(a)], number=f"M{a:06d}", login=f"M{a:06d}", owner_name="Жители")
        for a in range(5000)], batch_size=1000)
    # when
    small = await _peak(rt, company, 1000)  # 10,000 lines
    large = await _peak(rt, company, 5000)  # 50,000 lines
    # then
    assert await ReceiptLine.all().count() == 50_000
    assert (await Receipt.filter(account__number="M004999").first()).charged == Decimal("1279.50")
    print(f"peak: {small / 1e6:.1f} MB at 10k lines, {large / 1e6:.1f} MB at 50k")
    assert large < small * 1.5, (small, large)
