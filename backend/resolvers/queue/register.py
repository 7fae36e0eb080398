"""Resolvers of the register: who is asking, one service call, the rows mapped by their types.
What counts as a number, a change or a published line is services/queue/register.py's."""

from __future__ import annotations

from strawberry.types import Info

from backend.errors import DomainError
from backend.models.queue import QueueList
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema.queue import register as s
from backend.schema.queue.applications import QueueApplication
from backend.services.queue import register
from backend.services.queue.access import Scope, scope_for
from backend.services.tx import atomic


def viewer_scope(info: Info) -> Scope:
    ctx = info.context
    return scope_for(ctx.viewer, ctx.locale)


async def queue_public_list(info: Info, locality: str, list_kind: QueueList, search: str | None, first: int | None,
                            after: str | None) -> s.QueuePublicConnection:
    try:
        page = await register.public_page(locality, list_kind, search, first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return s.QueuePublicConnection.from_page(page)


async def my_queue_number(info: Info, application_id: str) -> int | None:
    return await register.my_number(viewer_scope(info), application_id)


async def queue_entry_remove(info: Info, input: s.QueueEntryRemoveInput) -> s.QueueEntryRemovePayload:
    async def work():
        scope = viewer_scope(info)
        scope.require_office()
        async with atomic():
            app = await register.remove(scope, input.application_id, input.reason)
        return s.QueueEntryRemovePayload(application=QueueApplication.from_row(app))

    return await payload_or_errors(s.QueueEntryRemovePayload, work)
