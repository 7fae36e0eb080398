"""In-app notifications: created in the caller's transaction, announced live after commit."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import Enum
from typing import Any

from backend.errors import DomainError
from backend.models.notifications import Notification
from backend.runtime import Runtime
from backend.services.pagination import Page, paginate
from backend.services.tx import on_commit


class NotificationKind(str, Enum):
    WELCOME = "WELCOME"
    NEW_SIGN_IN = "NEW_SIGN_IN"
    PASSWORD_CHANGED = "PASSWORD_CHANGED"
    EMAIL_CHANGED = "EMAIL_CHANGED"
    PHONE_CHANGED = "PHONE_CHANGED"
    APPLICATION_STATUS_CHANGED = "APPLICATION_STATUS_CHANGED"
    QUEUE_APPLICATION_CHANGED = "QUEUE_APPLICATION_CHANGED"  # a (preliminary) decision on a housing-queue application
    QUEUE_COMPLAINT_CHANGED = "QUEUE_COMPLAINT_CHANGED"  # a housing-queue complaint was registered or answered
    # The resident cabinet; params in brackets.
    ACCOUNT_LINK_DECIDED = "ACCOUNT_LINK_DECIDED"  # staff confirmed or rejected a link (accountId, number, status)
    SERVICE_REQUEST_CHANGED = "SERVICE_REQUEST_CHANGED"  # taken into work or closed (requestId, accountId, number, status)
    OUTAGE_NOTICE = "OUTAGE_NOTICE"  # an outage in the resident's building (outageId, accountId, kind, startsAt, endsAt, text)
    PAYMENT_RECEIVED = "PAYMENT_RECEIVED"  # an online payment went through (accountId, number, amount)
    MEETING_OPENED = "MEETING_OPENED"  # an owners' meeting opened for voting (meetingId, accountId, title, closesAt)


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


async def page_of(user_id: uuid.UUID, unread_only: bool, first: int | None, after: str | None) -> Page:
    """One person's notifications, newest first; nobody else's are ever in the query."""
    query = Notification.filter(user_id=user_id)
    if unread_only:
        query = query.filter(read_at__isnull=True)
    return await paginate(query, first, after)


async def own(user_id: uuid.UUID, notification_id: object) -> Notification | None:
    return await Notification.get_or_none(id=notification_id, user_id=user_id)


async def mark_read(user_id: uuid.UUID, ids: list[object] | None) -> int:
    """Marks the person's unread notifications read: all of them, or those of `ids` (at most
    MAX_MARK_READ); an id that cannot exist is simply not among theirs."""
    query = Notification.filter(user_id=user_id, read_at__isnull=True)
    if ids is not None:
        if len(ids) > MAX_MARK_READ:
            raise DomainError("TOO_MANY", field="ids", max=MAX_MARK_READ)
        keys = []
        for raw in ids:
            try:
                keys.append(uuid.UUID(str(raw)))
            except ValueError:
                continue
        query = query.filter(id__in=keys)
    return await query.update(read_at=dt.datetime.now(dt.timezone.utc))


async def unread_count(user_id: uuid.UUID) -> int:
    return await Notification.filter(user_id=user_id, read_at__isnull=True).count()
