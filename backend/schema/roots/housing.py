"""Root fields of the cabinet's accounts (seed 004): links, the account header, the company's confirmations."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import housing as r
from backend.schema.common import INPUT, Connection
from backend.schema.housing import (
    AccountLink,
    AccountLinkByAddressInput,
    AccountLinkByLoginInput,
    AccountLinkDecideInput,
    AccountLinkPayload,
    AccountLinkRemoveInput,
    AccountLinkStatus,
    ManagementCompany,
    PartnerAccountsUpsertInput,
    PartnerAccountsUpsertPayload,
    PersonalAccount,
)
from backend.schema.permissions import Allow, AllowClient
from backend.services.partners import ApiScope

FIRST = strawberry.argument(description="Page size; at most 100 (more is served as 100).")
AFTER = strawberry.argument(description="`endCursor` of the previous page.")
STAFF = (Role.UK_STAFF, Role.ADMIN)


@strawberry.type
class HousingQuery:
    @strawberry.field(extensions=[Allow(Role.RESIDENT)],
                      description="The resident's accounts list (\"Выберите лицевой счёт\"): every link but removed ones, oldest first.")
    async def my_account_links(self, info: Info) -> list[AccountLink]:
        return await r.my_account_links(info)

    @strawberry.field(extensions=[Allow()], description="One personal account the viewer may see (a confirmed link, or staff of its company), or null.")
    async def personal_account(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")]) -> PersonalAccount | None:
        return await r.personal_account(info, id)

    @strawberry.field(extensions=[Allow(Role.RESIDENT, *STAFF)], description="Management companies by name, at most 50 (the address form's picker).")
    async def management_companies(
        self, info: Info, search: Annotated[str | None, strawberry.argument(description="Part of the name.")] = None
    ) -> list[ManagementCompany]:
        return await r.management_companies(info, search)

    @strawberry.field(extensions=[Allow(*STAFF)], description="Links to the accounts of the staff's company, newest first (admin: all).")
    async def company_account_links(
        self,
        info: Info,
        status: Annotated[AccountLinkStatus | None, strawberry.argument(description="Only links in this state, e.g. PENDING.")] = None,
        first: Annotated[int | None, FIRST] = 20,
        after: Annotated[str | None, AFTER] = None,
    ) -> Connection[AccountLink]:
        return await r.company_account_links(info, status, first, after)

    @strawberry.field(extensions=[Allow(*STAFF)], description="The personal accounts of the staff's company, newest first (admin: all).")
    async def company_accounts(
        self,
        info: Info,
        search: Annotated[str | None, strawberry.argument(description="Part of the number, login, owner or phone.")] = None,
        first: Annotated[int | None, FIRST] = 20,
        after: Annotated[str | None, AFTER] = None,
    ) -> Connection[PersonalAccount]:
        return await r.company_accounts(info, search, first, after)


@strawberry.type
class HousingMutation:
    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)],
                         description="Add an account by the login and password the company gave: confirmed at once. Wrong ones: INVALID_CREDENTIALS (throttled: LOGIN_LOCKED).")
    async def account_link_by_login(self, info: Info, input: Annotated[AccountLinkByLoginInput, INPUT]) -> AccountLinkPayload:
        return await r.account_link_by_login(info, input)

    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)],
                         description="Add an account by number, address and flat: confirmed at once when the account's phone is the resident's, "
                                     "else PENDING for the company's staff; no match: ACCOUNT_NOT_MATCHED.")
    async def account_link_by_address(self, info: Info, input: Annotated[AccountLinkByAddressInput, INPUT]) -> AccountLinkPayload:
        return await r.account_link_by_address(info, input)

    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)], description="Take a link off the resident's list; `link` is null after it.")
    async def account_link_remove(self, info: Info, input: Annotated[AccountLinkRemoveInput, INPUT]) -> AccountLinkPayload:
        return await r.account_link_remove(info, input)

    @strawberry.mutation(extensions=[Allow(*STAFF)], description="Confirm or reject a pending link to an account of the staff's company; the resident is notified.")
    async def account_link_decide(self, info: Info, input: Annotated[AccountLinkDecideInput, INPUT]) -> AccountLinkPayload:
        return await r.account_link_decide(info, input)

    @strawberry.mutation(extensions=[AllowClient(ApiScope.BILLING_WRITE)],
                         description="The billing's bulk create-or-update of the key's company's accounts (by number), at most 1000 per call.")
    async def partner_accounts_upsert(self, info: Info, input: Annotated[PartnerAccountsUpsertInput, INPUT]) -> PartnerAccountsUpsertPayload:
        return await r.partner_accounts_upsert(info, input)


@strawberry.type
class HousingSubscription:
    @strawberry.subscription(description="The resident's link each time the company's staff decide on it.")
    async def account_link_updated(self, info: Info) -> AsyncGenerator[AccountLink | None, None]:
        async for item in r.account_link_updates(info):
            yield item
