"""In-app notifications: list, mark read, and a live stream."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.scalars import JSON

from backend.schema.common import UserError
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

    @classmethod
    def from_row(cls, row) -> Notification:
        return cls(
            id=str(row.id),
            kind=NotificationKind(row.kind),
            params=row.params,
            created_at=row.created_at,
            read_at=row.read_at,
        )


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
