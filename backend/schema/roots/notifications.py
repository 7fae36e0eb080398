"""Root fields of in-app notifications."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.schema.permissions import Allow
from backend.resolvers import notifications as r
from backend.schema.common import INPUT, Connection
from backend.schema.notifications import (
    Notification,
    NotificationMarkReadInput,
    NotificationMarkReadPayload,
)


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
