"""Paying an account online: the order a resident creates, and what the payments lists show.

A resident pays any amount they choose (part of the debt, all of it, or more: an over-payment
leaves an advance, a negative debt). The order goes to the acquirer outside any transaction
(a slow bank must not hold our locks); an order the payer abandons expires after 30 minutes."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from backend import clock
from backend.errors import DomainError
from backend.adapters.payments import DECLINED, SUCCEEDED, AcquirerUnavailable, WebhookEvent
from backend.models.billing import Payment, PaymentOrder, PaymentOrderStatus, Receipt
from backend.models.housing import ManagementCompany
from backend.runtime import Runtime
from backend.services import history, scheduler
from backend.services.billing import balance
from backend.services.housing import access
from backend.services.pagination import Page, paginate
from backend.services.payments import webhooks
from backend.services.scoping import first_visible
from backend.services.tx import atomic

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("10000000")
ORDER_TTL = dt.timedelta(minutes=30)
EXPIRE_JOB = "payment_order.expire"
OPEN = (PaymentOrderStatus.CREATED, PaymentOrderStatus.AWAITING_3DS)


def checked_amount(value: object, field: str = "amount") -> Decimal:
    """Tenge with at most two decimals, above zero and at most 10 000 000."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DomainError("INVALID_AMOUNT", field=field, message="The amount must be a number of tenge.") from None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(CENT):
        raise DomainError("INVALID_AMOUNT", field=field,
                          message="The amount must be above zero, in tenge with at most two decimals.")
    if amount > MAX_AMOUNT:
        raise DomainError("AMOUNT_TOO_LARGE", field=field, message="At most 10 000 000 tenge at a time.",
                          max=str(MAX_AMOUNT))
    return amount.quantize(CENT)


def return_url(public_url: str, account_id: uuid.UUID, order_id: uuid.UUID) -> str:
    """Where the acquirer sends the payer back: the SPA's payments page, which shows the order."""
    return f"{public_url}/cabinet/{account_id}/payments?order={order_id}"


async def create_order(rt: Runtime, scope: access.Scope, user_id: uuid.UUID, account_id: object, amount: object,
                       receipt_id: object | None = None, ip: str = "") -> PaymentOrder:
    account = await access.resident_account(scope, account_id)
    value = checked_amount(amount)
    company = await ManagementCompany.get(id=account.company_id)
    if not company.acquiring_enabled:
        raise DomainError("ACQUIRING_UNAVAILABLE", field="accountId",
                          message="Your management company does not take online payments; pay by its receipt.")
    receipt = None
    if receipt_id is not None:
        receipt = await first_visible(Receipt.filter(account_id=account.id), receipt_id, "receiptId")
    acquirer = rt.acquirer
    async with atomic():
        order = await PaymentOrder.create(account_id=account.id, company_id=company.id, user_id=user_id, receipt=receipt,
                                          amount=value, provider=acquirer.name)
        await history.record("payment_order", order.id, "created", actor_id=user_id, ip=ip, accountId=str(account.id),
                             amount=str(value), provider=acquirer.name, receiptId=str(receipt.id) if receipt else None)
        await scheduler.schedule(EXPIRE_JOB, str(order.id), clock.now() + ORDER_TTL)
    description = f"Лицевой счёт / Дербес шот {account.number} — {company.name}"[:200]
    try:
        placed = await acquirer.create_order(order.id, value, description, return_url(rt.settings.public_url, account.id, order.id))
    except AcquirerUnavailable as exc:
        async with atomic():
            await PaymentOrder.filter(id=order.id).update(status=PaymentOrderStatus.DECLINED, failure_code=exc.code,
                                                          settled_at=clock.now())
            await history.record("payment_order", order.id, "declined", ip=ip, failureCode=exc.code, **exc.params)
        raise
    async with atomic():
        await PaymentOrder.filter(id=order.id).update(provider_ref=placed.provider_ref, pay_url=placed.pay_url)
        await history.record("payment_order", order.id, "placed", ip=ip, providerRef=placed.provider_ref)
    return await PaymentOrder.get(id=order.id)


async def expire(rt: Runtime, order_id: str) -> bool:
    """The scheduler's job: an order still open after its 30 minutes is EXPIRED (a success that
    arrives later still counts — the money was taken; see webhooks.settle). First the acquirer's
    books are asked, so that a lost webhook does not leave a paid order unpaid."""
    order = await PaymentOrder.get_or_none(id=order_id)
    if order is None or order.status not in OPEN:
        return False
    if order.provider_ref and order.provider == rt.acquirer.name:
        try:
            known = await rt.acquirer.status(order.provider_ref)
        except AcquirerUnavailable:
            known = None  # expire now; the acquirer's webhook, when it comes, still settles the order
        if known in (SUCCEEDED, DECLINED):
            event = WebhookEvent(event_id=f"reconcile:{order.id}", provider_ref=order.provider_ref, status=known,
                                 amount=order.amount, failure_code=None if known == SUCCEEDED else "DECLINED",
                                 occurred_at=clock.now())
            await webhooks.apply(rt, order.provider, event)
            return False
    async with atomic():
        order = await PaymentOrder.filter(id=order_id).select_for_update().first()
        if order is None or order.status not in OPEN:
            return False
        order.status, order.failure_code, order.settled_at = PaymentOrderStatus.EXPIRED, "ORDER_EXPIRED", clock.now()
        await order.save(update_fields=["status", "failure_code", "settled_at", "updated_at"])
        await history.record("payment_order", order.id, "expired")
        await balance.recompute(rt, order.account_id, orderId=order.id, orderStatus=order.status.value)
    return True


async def get_order(scope: access.Scope, order_id: object) -> PaymentOrder:
    """An order of an account the viewer sees (its residents, its company's staff), or NOT_FOUND."""
    return await first_visible(access.visible_by_account(scope, PaymentOrder), order_id, "id")


async def account_payments(scope: access.Scope, account_id: object, first: int | None, after: str | None) -> Page[Payment]:
    """The account's payments, newest recorded first; NOT_FOUND when the account is not the viewer's."""
    account = await access.get_account(scope, account_id)
    return await paginate(Payment.filter(account_id=account.id), first, after)
