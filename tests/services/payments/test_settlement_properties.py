"""Property tests (hypothesis) of the settlement state machine: whatever an acquirer retries,
reorders, duplicates or replays — and whatever forger joins in — each succeeded order is counted
exactly once, a declined one never, and the debt is the latest receipt's total less the counted
payments, after every single delivery."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.adapters.payments import AWAITING_3DS, DECLINED, SUCCEEDED, BadSignature
from backend.models.billing import Payment, PaymentOrder, PaymentOrderStatus
from backend.models.housing import PersonalAccount
from backend.services.housing.access import Scope
from backend.services.payments import orders, webhooks
from tests.api.payments.world import add_receipt, sandbox_webhook
from tests.cabinet_world import link, make_building, make_company, make_personal_account
from tests.helpers import create_user

_n = itertools.count(1)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
order_plans = st.lists(
    st.fixed_dictionaries({
        "amount": amounts,
        "succeeds": st.booleans(),
        "three_ds": st.booleans(),
        "retries": st.integers(min_value=1, max_value=3),  # distinct event ids of the final outcome
        "replays": st.integers(min_value=0, max_value=2),  # the same event delivered again
        "late_decline": st.booleans(),  # a stale "declined" arriving for a succeeded order
    }),
    min_size=1, max_size=4,
)


async def _account_with_orders(rt, plans) -> tuple[PersonalAccount, list[PaymentOrder], Decimal]:
    n = next(_n)
    company = await make_company(f"ОСИ «Проверка {n}»")
    account = await make_personal_account(await make_building(company, house=str(n)), "1", f"P{n}")
    user = await create_user("resident")
    await link(user, account)
    total = Decimal("50000.00")
    await add_receipt(rt, account, str(total))
    placed = [await orders.create_order(rt, Scope(resident_id=user.id), user.id, account.id, p["amount"]) for p in plans]
    return account, placed, total


def _deliveries(rt, plans, placed) -> list[tuple[bytes, dict]]:
    out = []
    for i, (plan, order) in enumerate(zip(plans, placed)):
        events = []
        if plan["three_ds"]:
            events.append(sandbox_webhook(rt, order.provider_ref, AWAITING_3DS, order.amount, event_id=f"{order.id}-3ds"))
        final = SUCCEEDED if plan["succeeds"] else DECLINED
        for r in range(plan["retries"]):
            events.append(sandbox_webhook(rt, order.provider_ref, final, order.amount,
                                          None if plan["succeeds"] else "INSUFFICIENT_FUNDS", event_id=f"{order.id}-{final}-{r}"))
        events += [events[-1]] * plan["replays"]
        if plan["succeeds"] and plan["late_decline"]:
            events.append(sandbox_webhook(rt, order.provider_ref, DECLINED, order.amount, "LATE", event_id=f"{order.id}-late"))
        # a forger replays the succeeded body for every order under a wrong signature
        body, headers = sandbox_webhook(rt, order.provider_ref, SUCCEEDED, order.amount, event_id=f"forged-{i}")
        events.append((body, {**headers, "x-sandbox-signature": "ab" * 32}))
        out += events
    return out


async def _check_invariants(account, plans, placed, total, final: bool) -> None:
    counted = Decimal(0)
    for plan, order in zip(plans, placed):
        paid = await Payment.filter(order_id=order.id).values_list("amount", flat=True)
        assert len(paid) <= 1
        if not plan["succeeds"]:
            assert paid == []
        counted += sum(paid, Decimal(0))
        if final:
            row = await PaymentOrder.get(id=order.id)
            assert row.status is (PaymentOrderStatus.SUCCEEDED if plan["succeeds"] else PaymentOrderStatus.DECLINED)
            assert len(paid) == (1 if plan["succeeds"] else 0)
    assert (await PersonalAccount.get(id=account.id)).balance == total - counted


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plans=order_plans, data=st.data())
async def test_no_sequence_of_webhooks_counts_a_payment_twice_or_a_declined_one_at_all(rt, plans, data):
    # given
    account, placed, total = await _account_with_orders(rt, plans)
    deliveries = data.draw(st.permutations(_deliveries(rt, plans, placed)), label="delivery order")
    # when / then: after every delivery
    for body, headers in deliveries:
        try:
            await webhooks.receive(rt, "sandbox", headers, body)
        except BadSignature:
            pass
        await _check_invariants(account, plans, placed, total, final=False)
    await _check_invariants(account, plans, placed, total, final=True)
    succeeded = [o for p, o in zip(plans, placed) if p["succeeds"]]
    numbers = await Payment.filter(account_id=account.id).order_by("number").values_list("number", flat=True)
    assert sorted(numbers, key=int) == [str(i) for i in range(1, len(succeeded) + 1)]  # gap-free per company


async def test_a_success_after_expiry_still_counts(rt):
    # given: the payer was slow; the order expired before the bank's success arrived
    plans = [{"amount": Decimal("100.00")}]
    account, [order], total = await _account_with_orders(rt, plans)
    assert await orders.expire(rt, str(order.id))
    # when
    body, headers = sandbox_webhook(rt, order.provider_ref, SUCCEEDED, order.amount, occurred_at=dt.datetime.now(dt.timezone.utc))
    outcome = await webhooks.receive(rt, "sandbox", headers, body)
    # then
    assert outcome == "paid" and (await PaymentOrder.get(id=order.id)).status is PaymentOrderStatus.SUCCEEDED
    assert (await PersonalAccount.get(id=account.id)).balance == total - Decimal("100.00")
