"""In-app notifications: list, mark read, and a live stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator
from enum import Enum

from typing import Annotated

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.auth.permissions import Allow
from backend.resolvers import notifications as r
from backend.schema.common import INPUT, Connection, UserError
from backend.services.notifications import NotificationKind

NotificationKindType = strawberry.enum(
    NotificationKind,
    name="NotificationKind",
    description="What happened; clients render it in the user's language with `params`.",
)


@strawberry.type(description="A notice for the viewer.")
class Notification:
    id: strawberry.ID = strawberry.field(description="Notification id.")
    kind: NotificationKindType = strawberry.field(description="What happened.")  # type: ignore[valid-type]
    params: JSON = strawberry.field(description="Details, e.g. `{method, ip, userAgent}` for NEW_SIGN_IN.")
    created_at: dt.datetime = strawberry.field(description="When it happened.")
    read_at: dt.datetime | None = strawberry.field(description="When the viewer marked it read.")


@strawberry.input(description="Which notifications to mark read.")
class NotificationMarkReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="At most 100 ids; omit to mark every notification read."
    )


@strawberry.type(description="Result of marking notifications read.")
class NotificationMarkReadPayload:
    updated: int = strawberry.field(default=0, description="How many were unread and are read now.")
    unread_count: int = strawberry.field(default=0, description="Unread notifications left.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.type
class NotificationQuery:
    @strawberry.field(extensions=[Allow()], description="The viewer's notifications, newest first.")
    async def notifications(
        self,
        info: Info,
        unread_only: Annotated[bool, strawberry.argument(description="Only the unread ones.")] = False,
        first: Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")] = 20,
        after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
    ) -> Connection[Notification]:
        return await r.notifications(info, unread_only, first, after)

    @strawberry.field(extensions=[Allow()], description="How many notifications the viewer has not read.")
    async def unread_notification_count(self, info: Info) -> int:
        return await r.unread_count(info)


@strawberry.type
class NotificationMutation:
    @strawberry.mutation(extensions=[Allow()], description="Mark some or all notifications read.")
    async def notification_mark_read(self, info: Info, input: Annotated[NotificationMarkReadInput, INPUT]) -> NotificationMarkReadPayload:
        return await r.mark_read(info, input)


@strawberry.type
class NotificationSubscription:
    @strawberry.subscription(description="Each new notification of the viewer, as it happens.")
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        async for item in r.received(info):
            yield item
