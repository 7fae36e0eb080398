"""Resolvers of online payments, the payments history and live money updates."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.types import Info

from backend.errors import DomainError
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import payments as s
from backend.schema.common import Connection, PageInfo, to_connection, user_errors
from backend.schema.permissions import denial
from backend.services.billing import balance
from backend.services.housing import access
from backend.services.payments import orders, reports
from backend.services.sessions import session_alive


async def account_payments(info: Info, account_id: str, first: int | None, after: str | None) -> Connection[s.Payment]:
    scope = await access.scope_for(info.context.viewer)
    try:
        page = await orders.account_payments(scope, account_id, first, after)
    except DomainError as exc:
        if exc.code == "NOT_FOUND":
            # Another's account looks like one without payments.
            return Connection[s.Payment](edges=[], page_info=PageInfo(has_next_page=False, end_cursor=None), total_count=0)
        raise graphql_error(exc) from None
    return Connection[s.Payment](**to_connection(page, s.Payment.from_row))


async def payment_order(info: Info, order_id: str) -> s.PaymentOrder | None:
    try:
        row = await orders.get_order(await access.scope_for(info.context.viewer), order_id)
    except DomainError:
        return None
    return s.PaymentOrder.from_row(row)


async def payment_order_create(info: Info, input: s.PaymentOrderCreateInput) -> s.PaymentOrderPayload:
    async def work():
        ctx = info.context
        scope = await access.scope_for(ctx.viewer)
        row = await orders.create_order(ctx.rt, scope, ctx.viewer.user.id, input.account_id, input.amount,
                                        input.receipt_id, ip=ctx.ip)
        return s.PaymentOrderPayload(order=s.PaymentOrder.from_row(row))

    return await payload_or_errors(s.PaymentOrderPayload, work)


async def partner_payments_report(info: Info, input: s.PartnerPaymentsReportInput) -> s.PartnerPaymentsReportPayload:
    async def work():
        ctx = info.context
        company = await reports.company_of_organization(ctx.client.organization.id)
        items = [reports.ReportedPayment(p.account_number, p.external_id, p.amount, p.paid_at) for p in input.payments]
        result = await reports.report(ctx.rt, company, items, source=ctx.client.source, ip=ctx.ip)
        errors = [e for err in result.errors for e in user_errors(err)]
        return s.PartnerPaymentsReportPayload(recorded=result.recorded, duplicates=result.duplicates, errors=errors)

    return await payload_or_errors(s.PartnerPaymentsReportPayload, work)


async def account_money_updates(info: Info, account_id: str) -> AsyncIterator[s.AccountMoneyEvent]:
    viewer = info.context.viewer
    if viewer is None:
        raise denial("UNAUTHENTICATED")
    try:
        account = await access.get_account(await access.scope_for(viewer), account_id)
    except DomainError:
        raise GraphQLError("No such account.", extensions={"code": "NOT_FOUND"}) from None
    async with info.context.rt.pubsub.subscribe(balance.account_channel(account.id)) as messages:
        async for message in messages:
            # A connection outlives its token and its link: a signed-out session, an unlinked
            # account or a staff member moved away stop receiving.
            if not await session_alive(viewer.session_id):
                return
            try:
                await access.get_account(await access.scope_for(viewer), account.id)
            except DomainError:
                return
            yield s.AccountMoneyEvent.from_message(message)
