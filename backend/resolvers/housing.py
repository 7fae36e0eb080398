"""Resolvers of the cabinet's accounts: who is viewing → services/housing → schema types."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

from strawberry.types import Info

from backend.errors import DomainError, DomainErrors
from backend.models.housing import AccountLink as LinkRow, AccountLinkStatus as LinkStatusRow
from backend.models.identity import Role
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import housing as s
from backend.schema.common import Connection, to_connection, user_errors
from backend.schema.permissions import denial
from backend.services.housing import companies, decisions, linking, partner_accounts
from backend.services.housing.access import get_account, scope_for
from backend.services.pagination import paginate
from backend.services.sessions import session_alive


async def my_account_links(info: Info) -> list[s.AccountLink]:
    rows = await linking.my_links(info.context.viewer.user.id)
    return [s.AccountLink.from_row(row) for row in rows]


async def personal_account(info: Info, account_id: str) -> s.PersonalAccount | None:
    try:
        row = await get_account(await scope_for(info.context.viewer), account_id)
    except DomainError:
        return None
    return s.PersonalAccount.from_row(row)


async def management_companies(info: Info, search: str | None) -> list[s.ManagementCompany]:
    return [s.ManagementCompany.from_row(row) for row in await companies.directory(search)]


async def company_account_links(info: Info, status: s.AccountLinkStatus | None, first: int | None,
                                after: str | None) -> Connection[s.AccountLink]:
    scope = await scope_for(info.context.viewer)
    query = decisions.company_links(scope, LinkStatusRow(status.value) if status else None)
    try:
        page = await paginate(query, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.AccountLink](**to_connection(page, lambda row: s.AccountLink.from_row(row, reveal_account=True)))


async def company_accounts(info: Info, search: str | None, first: int | None, after: str | None) -> Connection[s.PersonalAccount]:
    scope = await scope_for(info.context.viewer)
    try:
        page = await paginate(companies.company_accounts(scope, search), first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.PersonalAccount](**to_connection(page, s.PersonalAccount.from_row))


async def account_link_by_login(info: Info, input: s.AccountLinkByLoginInput) -> s.AccountLinkPayload:
    async def work():
        ctx = info.context
        row = await linking.link_by_login(ctx.rt, ctx.viewer.user, input.login, input.password, ctx.req)
        return s.AccountLinkPayload(link=s.AccountLink.from_row(row))

    return await payload_or_errors(s.AccountLinkPayload, work)


async def account_link_by_address(info: Info, input: s.AccountLinkByAddressInput) -> s.AccountLinkPayload:
    async def work():
        ctx = info.context
        row = await linking.link_by_address(ctx.rt, ctx.viewer.user, input.account_number, input.address, input.flat,
                                            input.company_id, ctx.req)
        return s.AccountLinkPayload(link=s.AccountLink.from_row(row))

    return await payload_or_errors(s.AccountLinkPayload, work)


async def account_link_remove(info: Info, input: s.AccountLinkRemoveInput) -> s.AccountLinkPayload:
    async def work():
        row = await linking.remove_link(info.context.viewer.user, input.link_id, info.context.req)
        return s.AccountLinkPayload(link=None if row.status is LinkStatusRow.REMOVED else s.AccountLink.from_row(row))

    return await payload_or_errors(s.AccountLinkPayload, work)


async def account_link_decide(info: Info, input: s.AccountLinkDecideInput) -> s.AccountLinkPayload:
    async def work():
        ctx = info.context
        scope = await scope_for(ctx.viewer)
        row = await decisions.decide(ctx.rt, scope, ctx.viewer.user.id, input.link_id, input.approve, input.reason, ctx.req)
        return s.AccountLinkPayload(link=s.AccountLink.from_row(row, reveal_account=True))

    return await payload_or_errors(s.AccountLinkPayload, work)


async def partner_accounts_upsert(info: Info, input: s.PartnerAccountsUpsertInput) -> s.PartnerAccountsUpsertPayload:
    async def work():
        client = info.context.client
        company = await companies.company_of_client(client)
        items = [partner_accounts.AccountData(**{f.name: getattr(item, f.name) for f in dataclasses.fields(partner_accounts.AccountData)})
                 for item in input.accounts]
        result = await partner_accounts.upsert_accounts(client, company, items, info.context.req)
        return s.PartnerAccountsUpsertPayload(created=result.created, updated=result.updated,
                                              errors=user_errors_of(result.errors))

    return await payload_or_errors(s.PartnerAccountsUpsertPayload, work)


def user_errors_of(errors: list[DomainError]) -> list:
    return user_errors(DomainErrors(errors)) if errors else []


async def account_link_updates(info: Info) -> AsyncIterator[s.AccountLink]:
    viewer = info.context.viewer
    if viewer is None:
        raise denial("UNAUTHENTICATED")
    if not viewer.has(Role.RESIDENT):
        raise denial("FORBIDDEN")
    async with info.context.rt.pubsub.subscribe(decisions.links_channel(viewer.user.id)) as messages:
        async for message in messages:
            if not await session_alive(viewer.session_id):
                return
            row = await LinkRow.get_or_none(id=message.get("linkId"), user_id=viewer.user.id)
            if row is None or row.status is LinkStatusRow.REMOVED:
                continue
            # Each event is a fresh read: loaders must not serve what the previous event cached.
            info.context.loaders = type(info.context.loaders)()
            yield s.AccountLink.from_row(row)
