"""Resolvers of notification settings, outage notices and the company's buildings."""

from __future__ import annotations

from strawberry.types import Info

from backend.errors import DomainError
from backend.models.outages import OutageKind
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import outages as s
from backend.schema.common import Connection, to_connection
from backend.schema.housing import Building
from backend.services.housing.access import scope_for
from backend.services.outages import notices, preferences
from backend.services.pagination import paginate


async def my_preferences(info: Info) -> s.ResidentPreferences:
    return s.ResidentPreferences.from_prefs(await preferences.get(info.context.viewer.user))


async def preferences_update(info: Info, input: s.ResidentPreferencesInput) -> s.ResidentPreferencesPayload:
    async def work():
        ctx = info.context
        saved = await preferences.update(ctx.viewer.user, input.sms_requests, input.sms_outages, ip=ctx.ip)
        return s.ResidentPreferencesPayload(preferences=s.ResidentPreferences.from_prefs(saved))

    return await payload_or_errors(s.ResidentPreferencesPayload, work)


async def account_outages(info: Info, account_id: str) -> list[s.OutageNotice]:
    try:
        rows = await notices.account_outages(await scope_for(info.context.viewer), account_id)
    except DomainError:
        return []  # another's account looks like one without outages
    return [s.OutageNotice.from_row(r) for r in rows]


async def company_outages(info: Info, first, after) -> Connection[s.OutageNotice]:
    query = notices.company_notices(await scope_for(info.context.viewer))
    try:
        page = await paginate(query, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.OutageNotice](**to_connection(page, s.OutageNotice.from_row))


async def company_buildings(info: Info) -> list[Building]:
    return [Building.from_row(r) for r in await notices.company_buildings(await scope_for(info.context.viewer))]


async def publish(info: Info, input: s.OutageNoticePublishInput) -> s.OutageNoticePayload:
    async def work():
        ctx = info.context
        data = notices.PublishInput(building_id=input.building_id, kind=OutageKind(input.kind), text=input.text,
                                    starts_at=input.starts_at, ends_at=input.ends_at)
        row = await notices.publish(ctx.rt, await scope_for(ctx.viewer), ctx.viewer.user, data, ip=ctx.ip)
        return s.OutageNoticePayload(outage=s.OutageNotice.from_row(await notices.reread(row.id)))

    return await payload_or_errors(s.OutageNoticePayload, work)
