"""Root fields of the decree calendar: the admin's screen of moved days, and a working-day
calculator for anyone (partners, the admin screen's preview)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import calendar as r
from backend.schema.calendar import (
    CalendarOverride,
    CalendarOverrideAddInput,
    CalendarOverridePayload,
    CalendarOverrideRevokeInput,
)
from backend.schema.common import INPUT
from backend.schema.permissions import Allow


@strawberry.type
class CalendarQuery:
    @strawberry.field(extensions=[Allow(Role.ADMIN)], description="Decree days of one year, by day, revoked ones too (admin).")
    async def calendar_overrides(
        self, info: Info, year: Annotated[int, strawberry.argument(description="Calendar year, e.g. 2026.")]
    ) -> list[CalendarOverride]:
        return await r.calendar_overrides(info, year)

    @strawberry.field(description="The date `count` working days of Kazakhstan after `from` (decree days included); "
                                  "`from` itself need not be a working day. `count` is 0–366.")
    def calendar_working_days(
        self,
        start: Annotated[dt.date, strawberry.argument(name="from", description="The day to count from (not itself counted).")],
        count: Annotated[int, strawberry.argument(description="How many working days, 0–366.")],
    ) -> dt.date:
        return r.calendar_working_days(start, count)


@strawberry.type
class CalendarMutation:
    @strawberry.mutation(extensions=[Allow()], description="Record a decree's extra day off or transferred working day (admin; "
                                                             "NOT_ALLOWED otherwise). Every deadline computed afterwards uses it.")
    async def calendar_override_add(self, info: Info, input: Annotated[CalendarOverrideAddInput, INPUT]) -> CalendarOverridePayload:
        return await r.calendar_override_add(info, input)

    @strawberry.mutation(extensions=[Allow()], description="Withdraw a decree day (admin; NOT_ALLOWED otherwise).")
    async def calendar_override_revoke(self, info: Info, input: Annotated[CalendarOverrideRevokeInput, INPUT]) -> CalendarOverridePayload:
        return await r.calendar_override_revoke(info, input)
