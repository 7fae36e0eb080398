"""Properties of the money rules, for any lines: the receipt's totals are the sums of its lines'
(one function computes them), an import stores exactly what compute_totals says, and importing
the same month twice changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.models.billing import Receipt, ReceiptLine
from backend.services.billing.charge_lines import parse_line
from backend.services.billing.charges_import import import_lines
from backend.services.billing.receipts import compute_totals, line_total
from tests.cabinet_world import make_building, make_company, make_personal_account

PERIOD = dt.date(2026, 10, 1)
money = st.decimals(min_value=Decimal("0"), max_value=Decimal("9999999.99"), places=2, allow_nan=False, allow_infinity=False)
signed = st.decimals(min_value=Decimal("-999999.99"), max_value=Decimal("9999999.99"), places=2, allow_nan=False,
                     allow_infinity=False)
line = st.fixed_dictionaries({
    "section": st.sampled_from(["housing", "utilities", "other"]),
    "service": st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=40),
    "volume": st.decimals(min_value=0, max_value=Decimal("99999.999999"), places=6),
    "tariff": st.decimals(min_value=0, max_value=Decimal("99999.9999"), places=4),
    "charged": money, "recalculation": signed, "benefits": money, "debt_advance": signed,
})
lines = st.lists(line, min_size=1, max_size=25)


def _parsed(raws):
    out = []
    for n, raw in enumerate(raws, 1):
        parsed, errors = parse_line(n, {"account_number": "1", **{k: str(v) for k, v in raw.items()}})
        assert errors == [], errors
        out.append(parsed)
    return out


@given(lines)
def test_totals_are_the_sums_of_the_lines(raws):
    # given
    parsed = _parsed(raws)
    # when
    totals = compute_totals(parsed)
    # then
    assert totals.charged == sum(p.charged for p in parsed)
    assert totals.recalculation == sum(p.recalculation for p in parsed)
    assert totals.benefits == sum(p.benefits for p in parsed)
    assert totals.opening_debt == sum(p.debt_advance for p in parsed)
    assert totals.total_to_pay == sum(p.total for p in parsed)
    assert totals.total_to_pay == totals.opening_debt + totals.charged + totals.recalculation - totals.benefits
    for p in parsed:
        assert p.total == line_total(p.charged, p.recalculation, p.benefits, p.debt_advance)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines)
async def test_an_import_stores_the_totals_and_a_reimport_is_a_no_op(rt, raws):
    # given
    company = await make_company("ОСИ «Қасиет»")
    account = await make_personal_account(await make_building(company), "1", "777")
    batch = [{"account_number": "777", **{k: str(v) for k, v in raw.items()}} for raw in raws]
    # when
    first = await import_lines(rt, company, PERIOD, batch)
    receipt = await Receipt.get(account_id=account.id, period=PERIOD)
    stored = await ReceiptLine.filter(receipt_id=receipt.id).order_by("position")
    again = await import_lines(rt, company, PERIOD, [dict(b) for b in batch])
    # then
    totals = compute_totals(stored)
    assert first.receipts == 1 and again.receipts == 0 and again.unchanged == 1
    assert (receipt.charged, receipt.recalculation, receipt.benefits, receipt.opening_debt, receipt.total_to_pay) == (
        totals.charged, totals.recalculation, totals.benefits, totals.opening_debt, totals.total_to_pay)
    assert [l.service for l in stored] == [b["service"].strip() for b in batch]
    after = await Receipt.get(id=receipt.id)
    assert (after.updated_at, after.number, after.content_hash) == (receipt.updated_at, receipt.number, receipt.content_hash)
