"""The acquirer's webhooks and the settlement state machine of a payment order.

Acquirers retry, reorder and repeat their callbacks. So:
- every callback is stored once, by (provider, event id): a replay finds its row and does nothing;
- the order is settled under its row lock (PostgreSQL; SQLite writes one at a time), so two
  callbacks of one order, even with different event ids and even at the same moment, settle it once;
- SUCCEEDED creates the order's one Payment (the OneToOne on Payment.order is the last guard);
  it wins over DECLINED, EXPIRED and 3-D Secure (the acquirer says the money was taken);
- nothing un-pays: a DECLINED after SUCCEEDED, or a SUCCEEDED for another amount than the order's,
  changes no money and is kept as an anomaly in the order's history and the event's outcome.

Outcomes (WebhookEvent.outcome): paid, declined, awaiting_3ds, duplicate, replay, late_declined,
amount_mismatch, unknown_order, ignored."""

from __future__ import annotations

from collections.abc import Mapping

from tortoise.exceptions import IntegrityError

from backend import clock
from backend.adapters.payments import AWAITING_3DS, DECLINED, SUCCEEDED, WebhookEvent
from backend.models.billing import Payment, PaymentOrder, PaymentOrderStatus, PaymentSource
from backend.models.billing import WebhookEvent as WebhookEventRow
from backend.runtime import Runtime
from backend.services import counters, history
from backend.services.billing import balance
from backend.services.notifications import NotificationKind, notify
from backend.services.tx import atomic

OPEN = (PaymentOrderStatus.CREATED, PaymentOrderStatus.AWAITING_3DS)


async def receive(rt: Runtime, provider: str, headers: Mapping[str, str], raw_body: bytes) -> str:
    """Verifies (BadSignature / MalformedWebhook propagate: nothing is stored) and settles; the outcome."""
    event = rt.acquirer.verify_webhook(headers, raw_body)
    return await apply(rt, provider, event, raw_body)


def _payload(event: WebhookEvent) -> dict:
    return {"eventId": event.event_id, "providerRef": event.provider_ref, "status": event.status,
            "amount": str(event.amount), "failureCode": event.failure_code, "occurredAt": event.occurred_at.isoformat()}


async def apply(rt: Runtime, provider: str, event: WebhookEvent, raw_body: bytes = b"") -> str:
    async with atomic():
        try:
            # Inside a savepoint: a concurrent twin waits on the unique index, then fails here.
            async with atomic():
                row = await WebhookEventRow.create(provider=provider, event_id=event.event_id, payload=_payload(event))
        except IntegrityError:
            row = await WebhookEventRow.filter(provider=provider, event_id=event.event_id).select_for_update().first()
            # An event that came before we knew the order's reference (the acquirer answered our
            # create call after calling back) is settled by its retry; anything else is a replay.
            if row is None or row.outcome != "unknown_order":
                return "replay"
        order = await PaymentOrder.filter(provider=provider, provider_ref=event.provider_ref).select_for_update().first()
        outcome = "unknown_order" if order is None else await settle(rt, order, event)
        await WebhookEventRow.filter(id=row.id).update(outcome=outcome, order_id=order.id if order else None)
    return outcome


async def settle(rt: Runtime, order: PaymentOrder, event: WebhookEvent) -> str:
    """Must run inside `atomic()` with the order's row locked."""
    if event.status == AWAITING_3DS:
        if order.status is not PaymentOrderStatus.CREATED:
            return "ignored"
        order.status = PaymentOrderStatus.AWAITING_3DS
        await order.save(update_fields=["status", "updated_at"])
        await history.record("payment_order", order.id, "awaiting_3ds", eventId=event.event_id)
        await balance.recompute(rt, order.account_id, orderId=order.id, orderStatus=order.status.value)
        return "awaiting_3ds"
    if event.status == DECLINED:
        if order.status is PaymentOrderStatus.SUCCEEDED:
            await history.record("payment_order", order.id, "anomaly", eventId=event.event_id, reason="late_declined",
                                 failureCode=event.failure_code)
            return "late_declined"
        if order.status is PaymentOrderStatus.DECLINED:
            return "duplicate"
        order.status, order.failure_code, order.settled_at = PaymentOrderStatus.DECLINED, event.failure_code or "DECLINED", clock.now()
        await order.save(update_fields=["status", "failure_code", "settled_at", "updated_at"])
        await history.record("payment_order", order.id, "declined", eventId=event.event_id, failureCode=order.failure_code)
        await balance.recompute(rt, order.account_id, orderId=order.id, orderStatus=order.status.value)
        return "declined"
    assert event.status == SUCCEEDED, event.status
    if order.status is PaymentOrderStatus.SUCCEEDED:
        return "duplicate"
    if event.amount != order.amount:
        # Paying another sum than the payer agreed to is for people to sort out, not for us to guess.
        await history.record("payment_order", order.id, "anomaly", eventId=event.event_id, reason="amount_mismatch",
                             orderAmount=str(order.amount), eventAmount=str(event.amount))
        return "amount_mismatch"
    return await _pay(rt, order, event)


async def _pay(rt: Runtime, order: PaymentOrder, event: WebhookEvent) -> str:
    previous = order.status
    number = await counters.next_number(f"payment:{order.company_id}")
    payment = await Payment.create(account_id=order.account_id, company_id=order.company_id, number=str(number),
                                   amount=order.amount, paid_at=event.occurred_at, source=PaymentSource.ONLINE, order=order)
    order.status, order.failure_code, order.settled_at = PaymentOrderStatus.SUCCEEDED, None, clock.now()
    await order.save(update_fields=["status", "failure_code", "settled_at", "updated_at"])
    await history.record("payment_order", order.id, "succeeded", eventId=event.event_id, paymentId=str(payment.id),
                         number=payment.number, amount=str(payment.amount), previousStatus=previous.value)
    await balance.recompute(rt, order.account_id, orderId=order.id, orderStatus=order.status.value)
    if order.user_id is not None:
        await notify(rt, order.user_id, NotificationKind.PAYMENT_RECEIVED, accountId=str(order.account_id),
                     number=payment.number, amount=str(payment.amount))
    return "paid"
