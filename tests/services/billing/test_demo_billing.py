"""The demo's money: six months of receipts for every demo account through the import, company
payments, a debt on 10117; seeding twice changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from backend.demo_cabinet import accounts, billing
from backend.models.billing import ChargeImport, Payment, Receipt, ReceiptLine
from backend.models.housing import PersonalAccount
from backend.services.billing.receipts import compute_totals


async def test_demo_billing_has_six_months_a_debt_on_10117_and_is_idempotent(rt):
    # given
    await accounts.seed(rt, "Demo-password-1")
    # when
    await billing.seed(rt)
    imports, payments = await ChargeImport.all().count(), await Payment.all().count()
    await billing.seed(rt)
    # then
    assert (await ChargeImport.all().count(), await Payment.all().count()) == (imports, payments)
    debtor = await PersonalAccount.get(number="10117")
    periods = await Receipt.filter(account_id=debtor.id).order_by("period").values_list("period", flat=True)
    assert periods == [dt.date(2026, m, 1) for m in range(6, 12)]
    november = await Receipt.get(account_id=debtor.id, period=dt.date(2026, 11, 1))
    assert november.opening_debt > Decimal("20000") and debtor.balance == november.total_to_pay
    lines = await ReceiptLine.filter(receipt_id=november.id)
    assert compute_totals(lines).total_to_pay == november.total_to_pay
    assert {l.service for l in lines} >= {"Содержание жилья", "Отопление", "Холодная вода", "Вывоз ТБО", "Лифт"}
    neighbour = await PersonalAccount.get(number="10116")
    assert neighbour.balance == (await Receipt.get(account_id=neighbour.id, period=dt.date(2026, 11, 1))).charged
    assert await Payment.filter(account_id=neighbour.id, source="company").count() == 5
