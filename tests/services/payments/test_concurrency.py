"""Webhooks delivered at the same moment (PostgreSQL: real concurrent transactions on separate
connections; SQLite serializes writers, so there the test shows only the outcome)."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from backend.adapters.payments import SUCCEEDED
from backend.models.billing import Payment, WebhookEvent
from backend.models.housing import PersonalAccount
from backend.services.payments import webhooks
from tests.api.payments.world import sandbox_webhook
from tests.services.payments.test_settlement_properties import _account_with_orders

PLAN = {"amount": Decimal("2500.00")}


async def test_two_identical_webhooks_at_once_make_one_payment(rt):
    # given
    account, [order], total = await _account_with_orders(rt, [PLAN])
    body, headers = sandbox_webhook(rt, order.provider_ref, SUCCEEDED, order.amount, event_id="evt-same")
    # when
    outcomes = await asyncio.gather(*(webhooks.receive(rt, "sandbox", headers, body) for _ in range(2)))
    # then
    assert sorted(outcomes) == ["paid", "replay"]
    assert await Payment.filter(order_id=order.id).count() == 1
    assert await WebhookEvent.filter(event_id="evt-same").count() == 1
    assert (await PersonalAccount.get(id=account.id)).balance == total - order.amount


async def test_retries_with_different_event_ids_at_once_make_one_payment(rt):
    # given
    account, [order], total = await _account_with_orders(rt, [PLAN])
    deliveries = [sandbox_webhook(rt, order.provider_ref, SUCCEEDED, order.amount, event_id=f"evt-{i}") for i in range(4)]
    # when
    outcomes = await asyncio.gather(*(webhooks.receive(rt, "sandbox", h, b) for b, h in deliveries))
    # then
    assert sorted(outcomes) == ["duplicate", "duplicate", "duplicate", "paid"]
    assert await Payment.filter(order_id=order.id).count() == 1
    assert (await PersonalAccount.get(id=account.id)).balance == total - order.amount


async def test_two_orders_of_one_company_paid_at_once_get_consecutive_numbers(rt):
    account, placed, total = await _account_with_orders(rt, [PLAN, PLAN])
    deliveries = [sandbox_webhook(rt, o.provider_ref, SUCCEEDED, o.amount) for o in placed]
    assert await asyncio.gather(*(webhooks.receive(rt, "sandbox", h, b) for b, h in deliveries)) == ["paid", "paid"]
    assert sorted(await Payment.filter(account_id=account.id).values_list("number", flat=True)) == ["1", "2"]
    assert (await PersonalAccount.get(id=account.id)).balance == total - Decimal("5000.00")
