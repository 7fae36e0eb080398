"""The month's import: totals, per-line errors, one account's errors reject only its receipt, idempotency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from backend.models.billing import ChargeImportStatus, Receipt, ReceiptLine
from backend.models.history import HistoryEvent
from backend.models.housing import PersonalAccount
from backend.services.billing.charges_import import import_lines
from tests.cabinet_world import build_world
from tests.services.billing.charges import SEED_LINES

PERIOD = dt.date(2026, 11, 1)


async def test_seed_receipt_is_imported_with_its_totals(rt):
    # given
    world = await build_world()
    # when
    session = await import_lines(rt, world.company_x, PERIOD, [dict(l) for l in SEED_LINES])
    # then
    receipt = await Receipt.get(account_id=world.account_x.id, period=PERIOD)
    assert (receipt.charged, receipt.opening_debt, receipt.total_to_pay) == (
        Decimal("1015.31"), Decimal("4405.90"), Decimal("5421.21"))
    lines = await ReceiptLine.filter(receipt_id=receipt.id).order_by("position")
    assert [l.total for l in lines] == [Decimal("1480.03"), Decimal("3088.33"), Decimal("852.85")]  # the seed prints 832,85: 64,05 + 788,80 is 852,85
    assert lines[0].volume == Decimal("9.944482")
    assert session.row.status is ChargeImportStatus.DONE and session.row.receipts == 1 and session.row.lines_ok == 3
    account = await PersonalAccount.get(id=world.account_x.id)
    assert account.balance == Decimal("5421.21")
    assert receipt.number == "1"


async def test_an_invalid_line_rejects_only_its_accounts_receipt(rt):
    # given
    world = await build_world()
    lines = [dict(l) for l in SEED_LINES] + [
        {"account_number": "10118", "section": "utilities", "service": "Холодная вода", "charged": "10.005"},
        {"account_number": "10118", "section": "utilities", "service": "Отопление", "charged": "100.00"},
        {"account_number": "20003", "section": "utilities", "service": "Отопление", "charged": "100.00"},
        {"account_number": "10117x", "section": "nope", "service": "", "charged": "-1", "total": "3"},
    ]
    lines[1]["total"] = "1.00"
    # when
    session = await import_lines(rt, world.company_x, PERIOD, lines)
    # then
    codes = {(e["accountNumber"], e["field"], e["code"]) for e in session.row.errors}
    assert ("10117", "total", "TOTAL_MISMATCH") in codes
    assert ("10118", "charged", "TOO_MANY_DECIMALS") in codes
    assert ("20003", "accountNumber", "NOT_FOUND") in codes  # company Y's account is no account of X
    assert {("10117x", "section", "INVALID_VALUE"), ("10117x", "service", "REQUIRED"),
            ("10117x", "charged", "NEGATIVE")} <= codes
    assert await Receipt.filter(company_id=world.company_x.id).count() == 0
    assert await Receipt.filter(account_id=world.account_y.id).count() == 0
    assert (session.row.lines_total, session.row.lines_ok, session.row.lines_failed) == (7, 0, 7)


async def test_reimport_identical_changes_nothing_and_a_changed_one_replaces_the_month(rt):
    # given
    world = await build_world()
    await import_lines(rt, world.company_x, PERIOD, [dict(l) for l in SEED_LINES])
    first = await Receipt.get(account_id=world.account_x.id, period=PERIOD)
    # when
    again = await import_lines(rt, world.company_x, PERIOD, [dict(l) for l in SEED_LINES])
    # then
    same = await Receipt.get(account_id=world.account_x.id, period=PERIOD)
    assert again.row.receipts == 0 and again.unchanged == 1
    assert (same.updated_at, same.content_hash, same.number) == (first.updated_at, first.content_hash, first.number)
    # when
    changed = [dict(l) for l in SEED_LINES[:2]]
    await import_lines(rt, world.company_x, PERIOD, changed)
    # then
    replaced = await Receipt.get(account_id=world.account_x.id, period=PERIOD)
    assert replaced.id == first.id and replaced.number == first.number
    assert await ReceiptLine.filter(receipt_id=first.id).count() == 2
    assert replaced.total_to_pay == Decimal("4568.36")
    assert await HistoryEvent.filter(entity="receipt", entity_id=str(first.id), action="replaced").count() == 1
