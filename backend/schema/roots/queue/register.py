"""Root fields of the register: the public lists (anyone), "my queue number", and taking an
application off the register (queue officers)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers.queue import register as r
from backend.schema.common import INPUT
from backend.schema.permissions import Allow
from backend.schema.queue.applications import QueueListType
from backend.schema.queue.register import QueueEntryRemoveInput, QueueEntryRemovePayload, QueuePublicConnection


@strawberry.type
class QueueRegisterQuery:
    @strawberry.field(description="A public list: the entries of one locality's list whose applicants consented to "
                                  "publication, in number order, names masked (anyone, no sign-in).")
    async def queue_public_list(
        self, info: Info,
        locality: Annotated[str, strawberry.argument(description="A `queueLocalities` code, e.g. astana.")],
        list_kind: Annotated[QueueListType, strawberry.argument(description="General or socially vulnerable.")],  # type: ignore[valid-type]
        search: Annotated[str | None, strawberry.argument(
            description="An application number, exact, any letter case: that one entry if it is published.")] = None,
        first: Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")] = 20,
        after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
    ) -> QueuePublicConnection:
        return await r.queue_public_list(info, locality, list_kind, search, first, after)

    @strawberry.field(extensions=[Allow()], description="Today's queue number of one of the viewer's applications "
                                                        "(filed by or for them); null when it is not on the register or not theirs.")
    async def my_queue_number(
        self, info: Info, application_id: Annotated[strawberry.ID, strawberry.argument(description="The application.")],
    ) -> int | None:
        return await r.my_queue_number(info, application_id)


@strawberry.type
class QueueRegisterMutation:
    @strawberry.mutation(extensions=[Allow(Role.QUEUE_OFFICER, Role.ADMIN)],
                         description="Take a registered application off its list with a reason (queue officers): "
                                     "everyone behind it moves up by one, and their \"why my number changed\" says why.")
    async def queue_entry_remove(self, info: Info, input: Annotated[QueueEntryRemoveInput, INPUT]) -> QueueEntryRemovePayload:
        return await r.queue_entry_remove(info, input)
