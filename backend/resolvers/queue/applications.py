"""Resolvers of queue applications: who is asking, one service call, the row mapped by its type."""

from __future__ import annotations

from strawberry.types import Info

from backend.errors import DomainError
from backend.resolvers.errors import graphql_error
from backend.schema.common import Connection, to_connection
from backend.schema.queue import applications as s
from backend.services.pagination import paginate
from backend.services.queue import filing
from backend.services.queue.access import Scope, scope_for


def viewer_scope(info: Info) -> Scope:
    ctx = info.context
    return scope_for(ctx.viewer, ctx.locale)


async def my_queue_applications(info: Info, first: int | None, after: str | None) -> Connection[s.QueueApplication]:
    try:
        page = await paginate(filing.mine(viewer_scope(info)), first, after)
    except DomainError as exc:
        raise graphql_error(exc) from None
    return Connection[s.QueueApplication](**to_connection(page, s.QueueApplication.from_row))


async def queue_application(info: Info, application_id: str) -> s.QueueApplication | None:
    try:
        return s.QueueApplication.from_row(await filing.get(viewer_scope(info), application_id))
    except DomainError:
        return None
