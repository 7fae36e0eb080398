"""Online payments of personal accounts, the payments history, and live money updates (seed 004)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from backend.models.billing import PaymentOrderStatus, PaymentSource
from backend.schema.common import UserError

PaymentOrderStatusType = strawberry.enum(
    PaymentOrderStatus, name="PaymentOrderStatus",
    description="CREATED: the payer was sent to the acquirer's page; AWAITING_3DS: the bank asks for 3-D Secure; "
                "SUCCEEDED: paid (a Payment exists); DECLINED: refused (see failureCode); EXPIRED: abandoned for 30 minutes.",
)
PaymentSourceType = strawberry.enum(
    PaymentSource, name="PaymentSource",
    description="ONLINE: through the portal's acquirer; COMPANY: reported by the company's billing (cash desk, bank, …).",
)


@strawberry.type(description="One attempt to pay an account online.")
class PaymentOrder:
    id: strawberry.ID = strawberry.field(description="Order id (the `order` of the return URL).")
    amount: Decimal = strawberry.field(description="Tenge to pay.")
    status: PaymentOrderStatusType = strawberry.field(description="Where the payment stands.")  # type: ignore[valid-type]
    pay_url: str = strawberry.field(
        description="The acquirer's payment page: open it as a full-page navigation (not in a frame or a fetch).")
    failure_code: str | None = strawberry.field(
        description="Why it did not go through: INSUFFICIENT_FUNDS, THREE_DS_FAILED, CARD_DECLINED, ORDER_EXPIRED, "
                    "ACQUIRER_UNAVAILABLE, or the acquirer's own code.")
    created_at: dt.datetime = strawberry.field(description="When the payer started.")
    settled_at: dt.datetime | None = strawberry.field(description="When it succeeded, was declined or expired.")
    account_id: strawberry.ID = strawberry.field(description="The personal account paid.")

    @classmethod
    def from_row(cls, row) -> PaymentOrder:
        return cls(id=str(row.id), amount=row.amount, status=row.status, pay_url=row.pay_url, failure_code=row.failure_code,
                   created_at=row.created_at, settled_at=row.settled_at, account_id=str(row.account_id))


@strawberry.type(description="Money received on an account (the payments history: number, date, amount).")
class Payment:
    id: strawberry.ID = strawberry.field(description="Payment id.")
    number: str = strawberry.field(description="The company's payment number, gap-free.")
    amount: Decimal = strawberry.field(description="Tenge received.")
    paid_at: dt.datetime = strawberry.field(description="When it was paid.")
    source: PaymentSourceType = strawberry.field(description="Online or through the company.")  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, row) -> Payment:
        return cls(id=str(row.id), number=row.number, amount=row.amount, paid_at=row.paid_at, source=row.source)


@strawberry.type(description="The account's money changed: a payment, a receipt, or an order settled.")
class AccountMoneyEvent:
    account_id: strawberry.ID = strawberry.field(description="The account.")
    debt: Decimal = strawberry.field(description="The amount due now; zero or less means none (less: an advance).")
    order_id: strawberry.ID | None = strawberry.field(default=None, description="The payment order this is about, if any.")
    order_status: PaymentOrderStatusType | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="That order's status now.")
    receipt_id: strawberry.ID | None = strawberry.field(default=None, description="The receipt this is about, if any.")

    @classmethod
    def from_message(cls, message: dict) -> AccountMoneyEvent:
        status = message.get("orderStatus")
        return cls(account_id=message["accountId"], debt=Decimal(message["debt"]), order_id=message.get("orderId"),
                   order_status=PaymentOrderStatus(status) if status else None, receipt_id=message.get("receiptId"))


@strawberry.input(description="Pay an account online.")
class PaymentOrderCreateInput:
    account_id: strawberry.ID = strawberry.field(description="One of the viewer's confirmed accounts.")
    amount: Decimal = strawberry.field(
        description="Tenge, above zero, at most two decimals, at most 10 000 000; any part of the debt or more (an advance).")
    receipt_id: strawberry.ID | None = strawberry.field(default=None, description="The receipt being paid, if any.")


@strawberry.type(description="The order created, or why not.")
class PaymentOrderPayload:
    order: PaymentOrder | None = strawberry.field(default=None, description="Go to its payUrl.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.input(description="One payment the company took elsewhere.")
class PartnerPaymentInput:
    account_number: str = strawberry.field(description="The company's personal account number.")
    external_id: str = strawberry.field(description="The billing's id of the payment: reporting it again records nothing.")
    amount: Decimal = strawberry.field(description="Tenge, above zero, at most two decimals.")
    paid_at: dt.datetime = strawberry.field(description="When it was paid (with a time zone).")


@strawberry.input(description="Payments to record, at most 1000.")
class PartnerPaymentsReportInput:
    payments: list[PartnerPaymentInput] = strawberry.field(description="The payments.")


@strawberry.type(description="What the report recorded; errors name `payments.<index>.<field>`.")
class PartnerPaymentsReportPayload:
    recorded: int = strawberry.field(default=0, description="Payments recorded now.")
    duplicates: int = strawberry.field(default=0, description="Payments recorded by an earlier report, left as they were.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Items not recorded, and why.")
