"""Decree days of the working-day calendar: what an admin records and what the deadlines use."""

from __future__ import annotations

import datetime as dt

import strawberry

from backend.models.calendar import DayKind
from backend.schema.common import UserError

CalendarDayKind = strawberry.enum(
    DayKind, name="CalendarDayKind",
    description="DAY_OFF: a working day declared a day off; WORKING_DAY: a weekend day or holiday declared a working "
    "day (a transfer).",
)


@strawberry.type(description="One decree's change to one day. Revoked ones stay listed: past deadlines were computed with them.")
class CalendarOverride:
    id: strawberry.ID = strawberry.field(description="Override id.")
    day: dt.date = strawberry.field(description="The day moved.")
    kind: CalendarDayKind = strawberry.field(description="What the day is now.")  # type: ignore[valid-type]
    decree: str = strawberry.field(description="The act that moved the day, as people cite it.")
    created_at: dt.datetime = strawberry.field(description="When it was recorded.")
    revoked_at: dt.datetime | None = strawberry.field(description="When it was withdrawn; null while in force.")

    @classmethod
    def from_row(cls, row) -> CalendarOverride:
        return cls(id=str(row.id), day=row.day, kind=DayKind(row.kind), decree=row.decree, created_at=row.created_at,
                   revoked_at=row.revoked_at)


@strawberry.type(description="Result of recording or withdrawing a decree day.")
class CalendarOverridePayload:
    override: CalendarOverride | None = strawberry.field(default=None, description="The override after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")


@strawberry.input(description="A decree's extra day off or transferred working day.")
class CalendarOverrideAddInput:
    day: dt.date = strawberry.field(description="The day moved.")
    kind: CalendarDayKind = strawberry.field(description="What the day becomes.")  # type: ignore[valid-type]
    decree: str = strawberry.field(description="The act, e.g. \"Government decree No. 1017 of 20.12.2025\"; at most 300 characters.")


@strawberry.input(description="An override to withdraw.")
class CalendarOverrideRevokeInput:
    id: strawberry.ID = strawberry.field(description="Override id.")
