"""The register of those in need of housing: a registered application's place (today's number and
why it changed) and the public lists of those who consented to publication."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from backend.schema.common import Edge, PageInfo, UserError
from backend.schema.queue.applications import QueueApplication, QueueListType, QueueLocality
from backend.services.queue import register


@strawberry.type(description="One change of a queue number: someone ahead left the list.")
class QueueNumberChange:
    at: dt.datetime = strawberry.field(description="When the one ahead left.")
    from_: int = strawberry.field(name="from", description="The number before.")
    to: int = strawberry.field(description="The number after (one less).")
    reason: str = strawberry.field(
        description="Why the one ahead left: housing_provided, removed_on_request, removed_by_decision, deceased or "
        "moved_away.")
    explanation: str = strawberry.field(description="The change in words, in the request's language.")

    @classmethod
    def of(cls, change: register.NumberChange, locale: str) -> QueueNumberChange:
        return cls(at=change.at, from_=change.from_number, to=change.to_number, reason=change.reason,
                   explanation=register.explain(change.reason, locale, change.from_number, change.to_number))


@strawberry.type(description="A registered application's place on the register.")
class QueueEntry:
    list_kind: QueueListType = strawberry.field(description="The list.")  # type: ignore[valid-type]
    registered_at: dt.datetime = strawberry.field(description="Registration date and time, which order the list.")
    number: int | None = strawberry.field(description="Today's queue number in the list; null once it left the list.")
    active: bool = strawberry.field(description="Still on the list.")
    left_at: dt.datetime | None = strawberry.field(description="When it left the list.")
    left_reason: str | None = strawberry.field(description="Why it left (the reason codes of `changes`).")
    row: strawberry.Private[Any]
    given_number: strawberry.Private[int | None] = None  # the application's, when already read

    @classmethod
    def from_row(cls, row, given_number: int | None = None) -> QueueEntry:
        return cls(list_kind=row.list_kind, registered_at=row.registered_at, number=row.position,
                   active=row.position is not None, left_at=row.left_at, left_reason=row.left_reason or None, row=row,
                   given_number=given_number)

    @strawberry.field(description="The locality whose list it is.")
    def locality(self, info: Info) -> QueueLocality:
        return QueueLocality.of(self.row.locality, info.context.locale)

    @strawberry.field(description="Why my number changed: every change since registration, newest first, each with "
                                  "its reason; the oldest starts from the number given at registration.")
    async def changes(self, info: Info) -> list[QueueNumberChange]:
        locale = info.context.locale
        return [QueueNumberChange.of(c, locale) for c in await register.number_changes(self.row, self.given_number)]


async def application_entry(info: Info, row) -> QueueEntry | None:
    """`QueueApplication.entry`: one statement for every application of a list (a DataLoader)."""
    entry = await info.context.loaders.queue_entry_by_application.load(row.id)
    return QueueEntry.from_row(entry, row.queue_number) if entry is not None else None


@strawberry.type(description="A line of a public list: no name in full, nothing that identifies the person.")
class QueuePublicEntry:
    number: int = strawberry.field(description="Today's queue number.")
    masked_name: str = strawberry.field(description="The first and last letters of the name and the surname's initial, e.g. А***м Б.")
    application_number: str = strawberry.field(description="The application number, which the list is searched by.")
    registered_at: dt.datetime = strawberry.field(description="Registration date and time.")

    @classmethod
    def from_row(cls, row) -> QueuePublicEntry:
        return cls(number=row.position, masked_name=row.masked_name, application_number=row.application_number,
                   registered_at=row.registered_at)


@strawberry.type(description="A page of a public list, in number order.")
class QueuePublicConnection:
    edges: list[Edge[QueuePublicEntry]] = strawberry.field(description="The entries of this page.")
    page_info: PageInfo = strawberry.field(description="Whether more pages follow.")

    @classmethod
    def from_page(cls, page: register.PublicPage) -> QueuePublicConnection:
        edges = [Edge(cursor=c, node=QueuePublicEntry.from_row(r)) for r, c in zip(page.rows, page.cursors)]
        return cls(edges=edges, page_info=PageInfo(has_next_page=page.has_next,
                                                   end_cursor=page.cursors[-1] if page.cursors else None))


@strawberry.input(description="Take a registered application off its list.")
class QueueEntryRemoveInput:
    application_id: strawberry.ID = strawberry.field(description="The registered application.")
    reason: str = strawberry.field(
        description="housing_provided, removed_on_request, removed_by_decision, deceased or moved_away.")


@strawberry.type(description="Result of taking an application off the register.")
class QueueEntryRemovePayload:
    application: QueueApplication | None = strawberry.field(
        default=None, description="The application, now REMOVED; everyone behind it moved up by one.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why nothing changed.")
