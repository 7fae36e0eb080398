"""Root fields of notification settings, outage notices and the company's buildings."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import outages as r
from backend.schema.common import INPUT, Connection
from backend.schema.housing import Building
from backend.schema.outages import (
    OutageNotice,
    OutageNoticePayload,
    OutageNoticePublishInput,
    ResidentPreferences,
    ResidentPreferencesInput,
    ResidentPreferencesPayload,
)
from backend.schema.permissions import Allow

STAFF = (Role.UK_STAFF, Role.ADMIN)


@strawberry.type
class OutageQuery:
    @strawberry.field(extensions=[Allow(Role.RESIDENT)], description="The viewer's SMS choices (Уведомления).")
    async def my_resident_preferences(self, info: Info) -> ResidentPreferences | None:
        return await r.my_preferences(info)

    @strawberry.field(extensions=[Allow()], description="Outages of the account's building: current ones and those of "
                      "the last 30 days, newest first (the viewer must see the account).")
    async def account_outages(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Personal account id.")]
    ) -> list[OutageNotice]:
        return await r.account_outages(info, account_id)

    @strawberry.field(extensions=[Allow(*STAFF)], description="The notices the viewer's companies published, newest first.")
    async def company_outages(
        self, info: Info,
        first: Annotated[int | None, strawberry.argument(description="Page size; at most 100.")] = 20,
        after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
    ) -> Connection[OutageNotice]:
        return await r.company_outages(info, first, after)

    @strawberry.field(extensions=[Allow(*STAFF)], description="The buildings of the viewer's companies, by address "
                      "(for the outage and meeting forms); an admin gets every company's, at most 1000.")
    async def company_buildings(self, info: Info) -> list[Building]:
        return await r.company_buildings(info)


@strawberry.type
class OutageMutation:
    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)], description="Save the viewer's SMS choices.")
    async def resident_preferences_update(
        self, info: Info, input: Annotated[ResidentPreferencesInput, INPUT]
    ) -> ResidentPreferencesPayload:
        return await r.preferences_update(info, input)

    @strawberry.mutation(extensions=[Allow(Role.UK_STAFF)], description="Publish an outage for a building of the viewer's "
                         "company: every resident of it is told in-app at once, and by SMS where they opted in.")
    async def outage_notice_publish(self, info: Info, input: Annotated[OutageNoticePublishInput, INPUT]) -> OutageNoticePayload:
        return await r.publish(info, input)
