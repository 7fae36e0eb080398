"""What the payments tests start from: the cabinet world with a receipt on the resident's account,
and the sandbox's signed webhooks."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

from backend.models.billing import Receipt
from backend.models.housing import PersonalAccount
from backend.services.billing import balance
from backend.services.tx import atomic

ISSUED_AT = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
CREATE = """
mutation($i: PaymentOrderCreateInput!) {
  paymentOrderCreate(input: $i) { order { id amount status payUrl failureCode accountId settledAt } errors { field code params } }
}"""
ORDER = "query($id: ID!) { paymentOrder(id: $id) { id status amount failureCode settledAt } }"
PAYMENTS = """
query($a: ID!, $first: Int, $after: String) {
  accountPayments(accountId: $a, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id number amount paidAt source } }
  }
}"""
DEBT = "query($id: ID!) { personalAccount(id: $id) { debt } }"


async def add_receipt(rt, account: PersonalAccount, total: str = "47048.00", period: dt.date = dt.date(2026, 11, 1),
                      issued_at: dt.datetime = ISSUED_AT) -> Receipt:
    async with atomic():
        receipt = await Receipt.create(account=account, company_id=account.company_id, period=period,
                                       number=f"R-{uuid.uuid4().hex[:8]}", opening_debt=Decimal("43367.61"),
                                       charged=Decimal("3680.39"), total_to_pay=Decimal(total), issued_at=issued_at)
        await balance.recompute(rt, account.id)
    return receipt


async def debt_of(account_id) -> Decimal:
    return (await PersonalAccount.get(id=account_id)).balance


def sandbox_webhook(rt, provider_ref: str, status: str, amount, failure_code: str | None = None,
                    event_id: str | None = None, occurred_at: dt.datetime | None = None) -> tuple[bytes, dict]:
    acquirer = rt.acquirer
    body = acquirer.event_body(provider_ref, status, Decimal(str(amount)), failure_code, occurred_at, event_id)
    return body, {"content-type": "application/json", "x-sandbox-signature": acquirer.sign(body)}


def ref_of(pay_url: str) -> str:
    return pay_url.rsplit("/", 1)[-1]


def body_json(body: bytes) -> dict:
    return json.loads(body)
