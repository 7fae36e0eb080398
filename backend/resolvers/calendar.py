"""Resolvers of the decree calendar: one service call each; the rules are the service's."""

from __future__ import annotations

import datetime as dt

from strawberry.types import Info

from backend.errors import DomainError
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import calendar as s
from backend.services import calendar_days


async def calendar_overrides(info: Info, year: int) -> list[s.CalendarOverride]:
    rows = await calendar_days.of_year(info.context.viewer, year)
    return [s.CalendarOverride.from_row(r) for r in rows]


def calendar_working_days(start: dt.date, count: int) -> dt.date:
    try:
        return calendar_days.working_days_after(start, count)
    except DomainError as exc:
        raise graphql_error(exc) from None


async def calendar_override_add(info: Info, input: s.CalendarOverrideAddInput) -> s.CalendarOverridePayload:
    async def work():
        ctx = info.context
        row = await calendar_days.add(ctx.viewer, input.day, input.kind, input.decree, ctx.req)
        return s.CalendarOverridePayload(override=s.CalendarOverride.from_row(row))

    return await payload_or_errors(s.CalendarOverridePayload, work)


async def calendar_override_revoke(info: Info, input: s.CalendarOverrideRevokeInput) -> s.CalendarOverridePayload:
    async def work():
        ctx = info.context
        row = await calendar_days.revoke(ctx.viewer, input.id, ctx.req)
        return s.CalendarOverridePayload(override=s.CalendarOverride.from_row(row))

    return await payload_or_errors(s.CalendarOverridePayload, work)
