"""Resolvers of in-app notifications."""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.types import Info

from backend.schema.permissions import denial
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import notifications as s
from backend.schema.common import Connection, to_connection
from backend.services import notifications as service
from backend.errors import DomainError
from backend.services.sessions import session_alive


async def notifications(info: Info, unread_only: bool, first: int | None, after: str | None) -> Connection[s.Notification]:
    try:
        page = await service.page_of(info.context.viewer.user.id, unread_only, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.Notification](**to_connection(page, s.Notification.from_row))


async def unread_count(info: Info) -> int:
    return await service.unread_count(info.context.viewer.user.id)


async def mark_read(info: Info, input: s.NotificationMarkReadInput) -> s.NotificationMarkReadPayload:
    async def work():
        user_id = info.context.viewer.user.id
        updated = await service.mark_read(user_id, input.ids)
        return s.NotificationMarkReadPayload(updated=updated, unread_count=await service.unread_count(user_id))

    return await payload_or_errors(s.NotificationMarkReadPayload, work)


async def received(info: Info) -> AsyncIterator[s.Notification]:
    viewer = info.context.viewer
    if viewer is None:
        raise denial("UNAUTHENTICATED")
    async with info.context.rt.pubsub.subscribe(service.channel_for(viewer.user.id)) as messages:
        async for message in messages:
            # A connection outlives its access token; a signed-out session stops receiving.
            if not await session_alive(viewer.session_id):
                return
            row = await service.own(viewer.user.id, message["id"])
            if row is not None:
                yield s.Notification.from_row(row)
