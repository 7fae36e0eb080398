"""The amount due on an account, kept on the account row and announced live when it changes.

The company's billing computes each month's receipt, debt at the start of the period included;
the portal only adds what was paid after that receipt was issued. So the amount due is the latest
receipt's total to pay less every payment made after its issue (an account with no receipt yet
owes nothing and holds what it paid as an advance). Negative is an advance."""

from __future__ import annotations

import uuid
from decimal import Decimal

from backend.models.billing import Payment, Receipt
from backend.models.housing import PersonalAccount
from backend.runtime import Runtime
from backend.services.tx import on_commit

CENT = Decimal("0.01")


def account_channel(account_id: uuid.UUID | str) -> str:
    """Where a change of the account's money (new receipt, payment, order settled) is announced."""
    return f"account:{account_id}:money"


async def amount_due(account_id: uuid.UUID) -> Decimal:
    latest = await Receipt.filter(account_id=account_id).order_by("-period").first()
    payments = Payment.filter(account_id=account_id)
    if latest is not None:
        payments = payments.filter(paid_at__gt=latest.issued_at)
    paid = sum((p for p in await payments.values_list("amount", flat=True)), Decimal(0))
    due = (latest.total_to_pay if latest is not None else Decimal(0)) - paid
    return due.quantize(CENT)


async def recompute(rt: Runtime, account_id: uuid.UUID, **event: object) -> Decimal:
    """Must run inside `atomic()` after the receipt or payment is saved: stores the new amount due
    and, after commit, tells the account's open pages (with `event`, e.g. the order settled)."""
    due = await amount_due(account_id)
    await PersonalAccount.filter(id=account_id).update(balance=due)
    message = {"accountId": str(account_id), "debt": str(due), **{k: str(v) for k, v in event.items()}}

    async def announce() -> None:
        await rt.pubsub.publish(account_channel(account_id), message)

    on_commit(announce)
    return due


async def recompute_many(rt: Runtime, events: dict[uuid.UUID, dict[str, object]]) -> dict[uuid.UUID, Decimal]:
    """`recompute` for many accounts at once (a month's import): the same rule in three
    statements whatever their number; each account's page is told after commit with its event."""
    from backend.services.billing.copy import update_rows

    ids = list(events)
    if not ids:
        return {}
    latest: dict = {}
    rows = await Receipt.filter(account_id__in=ids).order_by("period").values_list("account_id", "total_to_pay", "issued_at")
    for account_id, total, issued in rows:
        latest[uuid.UUID(str(account_id))] = (total, issued)
    paid: dict = {}
    for account_id, amount, paid_at in await Payment.filter(account_id__in=ids).values_list("account_id", "amount", "paid_at"):
        key = uuid.UUID(str(account_id))
        receipt = latest.get(key)
        if receipt is None or paid_at > receipt[1]:
            paid[key] = paid.get(key, Decimal(0)) + amount
    dues = {
        key: ((latest[key][0] if key in latest else Decimal(0)) - paid.get(key, Decimal(0))).quantize(CENT) for key in ids
    }
    await update_rows(PersonalAccount, ["balance"], [(due, key) for key, due in dues.items()])
    messages = [
        (account_channel(key), {"accountId": str(key), "debt": str(dues[key]), **{k: str(v) for k, v in events[key].items()}})
        for key in ids
    ]

    async def announce() -> None:
        for channel, message in messages:
            await rt.pubsub.publish(channel, message)

    on_commit(announce)
    return dues
