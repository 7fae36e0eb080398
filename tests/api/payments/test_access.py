"""Who may pay, see orders and payments, and report payments: residents, staff, partners, anonymous."""

from __future__ import annotations

import pytest

from backend.models.billing import Payment, PaymentOrder
from backend.models.housing import AccountLinkStatus, ManagementCompany
from backend.services.partners import ApiScope
from tests.api.payments.world import CREATE, ORDER, PAYMENTS, add_receipt
from tests.cabinet_world import build_world, link
from tests.helpers import codes, make_partner

REPORT = """
mutation($i: PartnerPaymentsReportInput!) { partnerPaymentsReport(input: $i) { recorded duplicates errors { field code } } }"""


async def _create(client, account, amount="100.00", **extra):
    return await client.gql(CREATE, {"i": {"accountId": str(account.id), "amount": amount, **extra}})


async def test_a_resident_pays_their_confirmed_account(rt, resident):
    # given
    world = await build_world(resident.user)
    # when
    body = await _create(resident, world.account_x, "3680.39")
    # then
    order = body["data"]["paymentOrderCreate"]["order"]
    assert order["status"] == "CREATED" and order["amount"] == "3680.39" and order["accountId"] == str(world.account_x.id)
    assert order["payUrl"].startswith("/pay/sandbox/sbx_")


async def test_a_resident_paying_anothers_account_gets_not_found(rt, resident):
    world = await build_world(resident.user)
    for account in (world.account_x2, world.account_y):
        assert codes(await _create(resident, account), "paymentOrderCreate") == ["NOT_FOUND"]
    assert await PaymentOrder.all().count() == 0


async def test_a_pending_link_does_not_let_the_resident_pay(rt, resident):
    world = await build_world(resident.user)
    await link(resident.user, world.account_x2, AccountLinkStatus.PENDING)
    assert codes(await _create(resident, world.account_x2), "paymentOrderCreate") == ["NOT_FOUND"]


@pytest.mark.parametrize("as_role", ["uk_staff", "admin", "citizen"], indirect=True)
async def test_people_who_are_not_residents_cannot_create_orders(rt, as_role):
    world = await build_world(staff_x=as_role.user)
    assert codes(await _create(as_role, world.account_x), "paymentOrderCreate") == ["FORBIDDEN"]


async def test_anonymous_cannot_pay_or_read(rt, anon, resident):
    world = await build_world(resident.user)
    order = (await _create(resident, world.account_x))["data"]["paymentOrderCreate"]["order"]
    assert codes(await _create(anon, world.account_x), "paymentOrderCreate") == ["UNAUTHENTICATED"]
    body = await anon.gql(ORDER, {"id": order["id"]})
    assert body["data"]["paymentOrder"] is None and body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"
    assert (await anon.data(PAYMENTS, {"a": str(world.account_x.id)}))["accountPayments"]["totalCount"] == 0


@pytest.mark.parametrize("amount, code", [("0", "INVALID_AMOUNT"), ("-5.00", "INVALID_AMOUNT"), ("10.005", "INVALID_AMOUNT"),
                                          ("10000000.01", "AMOUNT_TOO_LARGE")])
async def test_amounts_are_checked(rt, resident, amount, code):
    world = await build_world(resident.user)
    body = await _create(resident, world.account_x, amount)
    assert [(e["field"], e["code"]) for e in body["data"]["paymentOrderCreate"]["errors"]] == [("amount", code)]
    assert await PaymentOrder.all().count() == 0


async def test_the_largest_amount_and_trailing_zeros_are_accepted(rt, resident):
    world = await build_world(resident.user)
    assert (await _create(resident, world.account_x, "10000000"))["data"]["paymentOrderCreate"]["order"]["amount"] == "10000000.00"
    assert (await _create(resident, world.account_x, "12.500"))["data"]["paymentOrderCreate"]["order"]["amount"] == "12.50"


async def test_a_company_without_acquiring_refuses_online_payment(rt, resident):
    world = await build_world(resident.user)
    await ManagementCompany.filter(id=world.company_x.id).update(acquiring_enabled=False)
    assert codes(await _create(resident, world.account_x), "paymentOrderCreate") == ["ACQUIRING_UNAVAILABLE"]


async def test_a_receipt_of_another_account_is_not_found(rt, resident):
    world = await build_world(resident.user)
    own = await add_receipt(rt, world.account_x)
    theirs = await add_receipt(rt, world.account_y)
    assert (await _create(resident, world.account_x, receiptId=str(own.id)))["data"]["paymentOrderCreate"]["errors"] == []
    body = await _create(resident, world.account_x, receiptId=str(theirs.id))
    assert [(e["field"], e["code"]) for e in body["data"]["paymentOrderCreate"]["errors"]] == [("receiptId", "NOT_FOUND")]


async def test_orders_are_seen_by_the_account_and_its_company_only(rt, resident, uk_staff, citizen):
    # given
    world = await build_world(resident.user, staff_x=uk_staff.user)
    order = (await _create(resident, world.account_x))["data"]["paymentOrderCreate"]["order"]
    # then
    assert (await resident.data(ORDER, {"id": order["id"]}))["paymentOrder"]["id"] == order["id"]
    assert (await uk_staff.data(ORDER, {"id": order["id"]}))["paymentOrder"]["id"] == order["id"]
    assert (await citizen.data(ORDER, {"id": order["id"]}))["paymentOrder"] is None


async def test_staff_of_another_company_see_no_orders_or_payments(rt, resident, uk_staff):
    world = await build_world(resident.user, staff_y=uk_staff.user)
    order = (await _create(resident, world.account_x))["data"]["paymentOrderCreate"]["order"]
    await Payment.create(account=world.account_x, company=world.company_x, number="1", amount=100, paid_at=world.account_x.created_at,
                         source="company", external_id="e1")
    assert (await uk_staff.data(ORDER, {"id": order["id"]}))["paymentOrder"] is None
    assert (await uk_staff.data(PAYMENTS, {"a": str(world.account_x.id)}))["accountPayments"]["totalCount"] == 0
    assert (await resident.data(PAYMENTS, {"a": str(world.account_x.id)}))["accountPayments"]["totalCount"] == 1


async def test_a_partner_key_cannot_read_payments_or_create_orders(rt, settings, anon, resident):
    world = await build_world(resident.user)
    org = await world.company_x.organization
    partner = await make_partner(settings, anon.http, org.bin, scopes={ApiScope.BILLING_WRITE})
    assert codes(await _create(partner, world.account_x), "paymentOrderCreate") == ["UNAUTHENTICATED"]
    body = await partner.gql(PAYMENTS, {"a": str(world.account_x.id)})
    assert body["data"]["accountPayments"]["totalCount"] == 0 and body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


async def test_only_a_billing_write_key_reports_payments(rt, settings, anon, resident):
    # given
    world = await build_world(resident.user)
    org = await world.company_x.organization
    reader = await make_partner(settings, anon.http, org.bin, scopes={ApiScope.CONTRACTS_READ}, name="Reader")
    variables = {"i": {"payments": [{"accountNumber": "10117", "externalId": "k-1", "amount": "10.00", "paidAt": "2026-12-01T10:00:00+05:00"}]}}
    # then
    assert codes(await anon.gql(REPORT, variables), "partnerPaymentsReport") == ["API_KEY_REQUIRED"]
    assert codes(await resident.gql(REPORT, variables), "partnerPaymentsReport") == ["API_KEY_REQUIRED"]
    assert codes(await reader.gql(REPORT, variables), "partnerPaymentsReport") == ["SCOPE_MISSING"]
    assert await Payment.all().count() == 0
