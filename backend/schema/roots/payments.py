"""Root fields of online payments and the payments history."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import payments as r
from backend.schema.common import INPUT, Connection
from backend.schema.payments import (
    AccountMoneyEvent,
    PartnerPaymentsReportInput,
    PartnerPaymentsReportPayload,
    Payment,
    PaymentOrder,
    PaymentOrderCreateInput,
    PaymentOrderPayload,
)
from backend.schema.permissions import Allow, AllowClient
from backend.services.partners import ApiScope

AccountArg = Annotated[strawberry.ID, strawberry.argument(description="Personal account id.")]


@strawberry.type
class PaymentQuery:
    @strawberry.field(extensions=[Allow()], description="An account's payments (online and reported by the company), newest first.")
    async def account_payments(
        self,
        info: Info,
        account_id: AccountArg,
        first: Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")] = 20,
        after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
    ) -> Connection[Payment]:
        return await r.account_payments(info, account_id, first, after)

    @strawberry.field(extensions=[Allow()], description="A payment order of an account the viewer sees, or null.")
    async def payment_order(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Order id.")]) -> PaymentOrder | None:
        return await r.payment_order(info, id)


@strawberry.type
class PaymentMutation:
    @strawberry.mutation(
        extensions=[Allow(Role.RESIDENT)],
        description="Pay one of the viewer's confirmed accounts online: creates the order; send the browser to its payUrl.",
    )
    async def payment_order_create(self, info: Info, input: Annotated[PaymentOrderCreateInput, INPUT]) -> PaymentOrderPayload:
        return await r.payment_order_create(info, input)

    @strawberry.mutation(
        extensions=[AllowClient(ApiScope.BILLING_WRITE)],
        description="Payments the company took elsewhere (cash desk, bank): recorded once per externalId; debts recomputed.",
    )
    async def partner_payments_report(
        self, info: Info, input: Annotated[PartnerPaymentsReportInput, INPUT]
    ) -> PartnerPaymentsReportPayload:
        return await r.partner_payments_report(info, input)


@strawberry.type
class PaymentSubscription:
    @strawberry.subscription(description="The account's amount due each time it changes (payment, receipt, order settled).")
    async def account_money_updated(self, info: Info, account_id: AccountArg) -> AsyncGenerator[AccountMoneyEvent, None]:
        async for item in r.account_money_updates(info, account_id):
            yield item
