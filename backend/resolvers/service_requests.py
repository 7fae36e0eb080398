"""Resolvers of service requests: who is viewing → the service → the types."""

from __future__ import annotations

from collections.abc import AsyncIterator

import strawberry
from strawberry.types import Info

from backend.errors import DomainError
from backend.models.housing import AccountLink, AccountLinkStatus
from backend.models.identity import Role
from backend.models.service_requests import ServiceRequestStatus
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import service_requests as s
from backend.schema.common import Connection, PageInfo, to_connection
from backend.schema.permissions import denial
from backend.services.housing.access import scope_for
from backend.services.pagination import paginate
from backend.services.service_requests import access, catalog, editing, events, filing, rating, work
from backend.services.sessions import session_alive


async def _page(query, first, after) -> Connection[s.ServiceRequest]:
    try:
        page = await paginate(query, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.ServiceRequest](**to_connection(page, s.ServiceRequest.from_row))


def _empty() -> Connection[s.ServiceRequest]:
    return Connection[s.ServiceRequest](edges=[], page_info=PageInfo(has_next_page=False, end_cursor=None), total_count=0)


async def request_types(info: Info) -> list[s.ServiceRequestType]:
    return [s.ServiceRequestType.from_row(row, info.context.locale) for row in await catalog.active_types()]


async def account_requests(info: Info, account_id: str, status: ServiceRequestStatus | None, first, after):
    scope = await scope_for(info.context.viewer)
    try:
        query = await access.account_requests(scope, account_id, status)
    except DomainError:
        return _empty()  # another's account looks like one without requests
    return await _page(query, first, after)


async def company_requests(info: Info, data: s.CompanyServiceRequestFilter | None, first, after):
    scope = await scope_for(info.context.viewer)
    data = data or s.CompanyServiceRequestFilter()
    try:
        query = access.company_queue(scope, access.QueueFilter(
            status=data.status, type_id=data.type_id, building_id=data.building_id, search=data.search))
    except DomainError:
        return _empty()  # a type or building that cannot exist matches nothing
    return await _page(query, first, after)


async def service_request(info: Info, request_id: str) -> s.ServiceRequest | None:
    try:
        return s.ServiceRequest.from_row(await access.get_request(await scope_for(info.context.viewer), request_id))
    except DomainError:
        return None


def _given(value):
    return editing.KEEP if value is strawberry.UNSET else value


async def _act(info: Info, work_fn) -> s.ServiceRequestPayload:
    async def run():
        ctx = info.context
        row = await work_fn(ctx, await scope_for(ctx.viewer))
        return s.ServiceRequestPayload(service_request=s.ServiceRequest.from_row(row))

    return await payload_or_errors(s.ServiceRequestPayload, run)


async def create(info: Info, input: s.ServiceRequestCreateInput) -> s.ServiceRequestPayload:
    data = filing.FilingInput(
        account_id=input.account_id, type_id=input.type_id, content=input.content, visit_date=input.visit_date,
        visit_from=input.visit_from, visit_to=input.visit_to, photo_upload_ids=list(input.photo_upload_ids or []))
    return await _act(info, lambda ctx, scope: filing.create(ctx.rt, scope, ctx.viewer.user, data, ip=ctx.ip))


async def update(info: Info, input: s.ServiceRequestUpdateInput) -> s.ServiceRequestPayload:
    type_id, content = _given(input.type_id), _given(input.content)
    data = editing.UpdateInput(
        id=input.id,
        type_id=editing.KEEP if type_id is None else type_id,  # a type cannot be cleared
        content="" if content is None else content,  # an emptied content is refused as REQUIRED
        visit_date=_given(input.visit_date), visit_from=_given(input.visit_from), visit_to=_given(input.visit_to),
        add_photo_upload_ids=list(input.add_photo_upload_ids or []), remove_photo_ids=list(input.remove_photo_ids or []))
    return await _act(info, lambda ctx, scope: editing.update(ctx.rt, scope, ctx.viewer.user, data, ip=ctx.ip))


async def cancel(info: Info, input: s.ServiceRequestRefInput) -> s.ServiceRequestPayload:
    return await _act(info, lambda ctx, scope: editing.cancel(ctx.rt, scope, ctx.viewer.user, input.id, ip=ctx.ip))


async def take(info: Info, input: s.ServiceRequestRefInput) -> s.ServiceRequestPayload:
    return await _act(info, lambda ctx, scope: work.take(ctx.rt, scope, ctx.viewer.user, input.id, ip=ctx.ip))


async def close(info: Info, input: s.ServiceRequestCloseInput) -> s.ServiceRequestPayload:
    return await _act(info, lambda ctx, scope: work.close(ctx.rt, scope, ctx.viewer.user, input.id, input.comment, ip=ctx.ip))


async def rate(info: Info, input: s.ServiceRequestRateInput) -> s.ServiceRequestPayload:
    return await _act(info, lambda ctx, scope: rating.rate(
        ctx.rt, scope, ctx.viewer.user, input.id, input.rating, bool(input.not_done), input.comment, ip=ctx.ip))


async def updates(info: Info, account_id: str | None) -> AsyncIterator[s.ServiceRequest]:
    """Residents: the requests of one account of theirs, or of all; staff: their companies' (or one
    account's); an admin: every request, or one account's."""
    viewer = info.context.viewer
    if viewer is None:
        raise denial("UNAUTHENTICATED")
    if not viewer.has(Role.RESIDENT, Role.UK_STAFF, Role.ADMIN):
        raise denial("FORBIDDEN")
    scope = await scope_for(viewer)
    if account_id is not None:
        try:
            account = await access.get_account(scope, account_id)
        except DomainError:
            raise denial("FORBIDDEN") from None
        channels = [events.account_channel(account.id)]
    elif scope.everything:
        channels = [events.ALL_CHANNEL]
    else:
        channels = [events.company_channel(c) for c in scope.company_ids]
        if scope.resident_id is not None:
            linked = await AccountLink.filter(user_id=viewer.user.id, status=AccountLinkStatus.CONFIRMED).values_list(
                "account_id", flat=True)
            channels += [events.account_channel(a) for a in linked]
    async with events.subscribe_many(info.context.rt, channels) as messages:
        async for message in messages:
            if not await session_alive(viewer.session_id):
                return
            try:
                row = await access.get_request(scope, message["requestId"])
            except DomainError:
                continue  # the link was removed meanwhile: no longer theirs to see
            # Each event is a fresh read: loaders must not serve what the previous event cached.
            info.context.loaders = type(info.context.loaders)()
            yield s.ServiceRequest.from_row(row)
