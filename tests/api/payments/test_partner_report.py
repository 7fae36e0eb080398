"""partnerPaymentsReport: payments the company took elsewhere, recorded once per externalId."""

from __future__ import annotations

from decimal import Decimal

from backend.models.billing import Payment, PaymentSource
from backend.services.partners import ApiScope
from tests.api.payments.world import PAYMENTS, add_receipt, debt_of
from tests.cabinet_world import build_world, make_company
from tests.helpers import make_partner

REPORT = """
mutation($i: PartnerPaymentsReportInput!) {
  partnerPaymentsReport(input: $i) { recorded duplicates errors { field code } }
}"""
PAID_AT = "2026-12-01T10:00:00+05:00"


def item(number: str, external_id: str, amount: str = "1000.00", paid_at: str = PAID_AT) -> dict:
    return {"accountNumber": number, "externalId": external_id, "amount": amount, "paidAt": paid_at}


async def _billing_of(settings, http, company):
    org = await company.organization
    return await make_partner(settings, http, org.bin, scopes={ApiScope.BILLING_WRITE}, name=f"Billing {org.bin}")


async def test_a_report_records_payments_lowers_debts_and_a_repeat_records_nothing(rt, settings, anon, resident):
    # given
    world = await build_world(resident.user)
    await add_receipt(rt, world.account_x, "47048.00")
    billing = await _billing_of(settings, anon.http, world.company_x)
    report = {"i": {"payments": [item("10117", "cash-1", "7048.00"), item("10118", "cash-2", "500.00")]}}
    # when
    first = (await billing.data(REPORT, report))["partnerPaymentsReport"]
    again = (await billing.data(REPORT, report))["partnerPaymentsReport"]
    # then
    assert first == {"recorded": 2, "duplicates": 0, "errors": []}
    assert again == {"recorded": 0, "duplicates": 2, "errors": []}
    assert await debt_of(world.account_x.id) == Decimal("40000.00")
    assert await debt_of(world.account_x2.id) == Decimal("-500.00")  # no receipt yet: an advance
    listed = (await resident.data(PAYMENTS, {"a": str(world.account_x.id)}))["accountPayments"]
    assert [e["node"]["source"] for e in listed["edges"]] == ["COMPANY"]
    assert sorted(await Payment.all().values_list("number", flat=True)) == ["1", "2"]


async def test_bad_items_come_back_by_index_and_good_ones_are_kept(rt, settings, anon, resident):
    # given
    world = await build_world(resident.user)
    billing = await _billing_of(settings, anon.http, world.company_x)
    await billing.data(REPORT, {"i": {"payments": [item("10117", "bank-9", "10.00")]}})
    report = {"i": {"payments": [
        item("10117", "ok-1"), item("99999", "x-1"), item("10117", "x-2", "0"), item("10117", "x-3", "1.001"),
        item("10117", ""), item("10117", "bank-9", "11.00"), item("20003", "x-4"), item("10117", "x-5", paid_at="2026-12-01T10:00:00"),
    ]}}
    # when
    body = (await billing.data(REPORT, report))["partnerPaymentsReport"]
    # then
    assert body["recorded"] == 1 and body["duplicates"] == 0
    assert sorted((e["field"], e["code"]) for e in body["errors"]) == sorted([
        ("payments.1.accountNumber", "NOT_FOUND"), ("payments.2.amount", "INVALID_AMOUNT"), ("payments.3.amount", "INVALID_AMOUNT"),
        ("payments.4.externalId", "REQUIRED"), ("payments.5.externalId", "EXTERNAL_ID_REUSED"),
        ("payments.6.accountNumber", "NOT_FOUND"),  # company Y's account: not this billing's
        ("payments.7.paidAt", "INVALID_VALUE"),
    ])
    assert await Payment.filter(source=PaymentSource.COMPANY).count() == 2


async def test_company_y_billing_never_writes_to_company_x(rt, settings, anon, resident):
    world = await build_world(resident.user)
    billing_y = await _billing_of(settings, anon.http, world.company_y)
    body = (await billing_y.data(REPORT, {"i": {"payments": [item("10117", "y-1")]}}))["partnerPaymentsReport"]
    assert body["recorded"] == 0 and [e["code"] for e in body["errors"]] == ["NOT_FOUND"]
    assert await Payment.filter(account_id=world.account_x.id).count() == 0


async def test_the_same_external_id_in_two_companies_is_two_payments(rt, settings, anon, resident):
    world = await build_world(resident.user)
    for company, number in ((world.company_x, "10117"), (world.company_y, "20003")):
        billing = await _billing_of(settings, anon.http, company)
        assert (await billing.data(REPORT, {"i": {"payments": [item(number, "same")]}}))["partnerPaymentsReport"]["recorded"] == 1


async def test_a_key_of_an_organization_that_is_no_company_is_forbidden(rt, settings, anon):
    other = await make_partner(settings, anon.http, "990340000123", scopes={ApiScope.BILLING_WRITE})
    body = await other.data(REPORT, {"i": {"payments": [item("10117", "z")]}})
    assert [e["code"] for e in body["partnerPaymentsReport"]["errors"]] == ["FORBIDDEN"]


async def test_more_than_1000_items_are_refused_whole(rt, settings, anon):
    company = await make_company("ОСИ «Үлкен»")
    billing = await _billing_of(settings, anon.http, company)
    body = await billing.data(REPORT, {"i": {"payments": [item("1", f"e{i}") for i in range(1001)]}})
    assert [(e["field"], e["code"]) for e in body["partnerPaymentsReport"]["errors"]] == [("payments", "TOO_MANY")]
