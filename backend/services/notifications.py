"""In-app notifications: created in the caller's transaction, announced live after commit."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import Enum
from typing import Any

from backend.models.notifications import Notification
from backend.runtime import Runtime
from backend.services.tx import on_commit


class NotificationKind(str, Enum):
    WELCOME = "WELCOME"
    NEW_SIGN_IN = "NEW_SIGN_IN"
    PASSWORD_CHANGED = "PASSWORD_CHANGED"
    EMAIL_CHANGED = "EMAIL_CHANGED"
    PHONE_CHANGED = "PHONE_CHANGED"
    APPLICATION_STATUS_CHANGED = "APPLICATION_STATUS_CHANGED"


MAX_MARK_READ = 100


def channel_for(user_id: uuid.UUID) -> str:
    return f"user:{user_id}:notifications"


async def notify(rt: Runtime, user_id: uuid.UUID, kind: NotificationKind, **params: Any) -> Notification:
    """Must run inside `atomic()`: the live event goes out only once the row is committed."""
    notification = await Notification.create(user_id=user_id, kind=kind.value, params=params)

    async def announce() -> None:
        await rt.pubsub.publish(channel_for(user_id), {"id": str(notification.id)})

    on_commit(announce)
    return notification


async def mark_read(user_id: uuid.UUID, ids: list[uuid.UUID] | None) -> int:
    query = Notification.filter(user_id=user_id, read_at__isnull=True)
    if ids is not None:
        query = query.filter(id__in=ids)
    return await query.update(read_at=dt.datetime.now(dt.timezone.utc))


async def unread_count(user_id: uuid.UUID) -> int:
    return await Notification.filter(user_id=user_id, read_at__isnull=True).count()
