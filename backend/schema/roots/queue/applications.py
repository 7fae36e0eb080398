"""Root fields of queue applications: the catalogues, "check before applying", prefill, signing and
filing, and the citizen's own applications."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers.queue import applications as r
from backend.schema.common import Connection
from backend.schema.permissions import Allow
from backend.schema.queue.applications import QueueApplication

FirstArg = Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")]
AfterArg = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]


@strawberry.type
class QueueApplicationQuery:
    @strawberry.field(extensions=[Allow(Role.CITIZEN)],
                      description="My queue applications (filed by me, or for me by a representative), newest first.")
    async def my_queue_applications(self, info: Info, first: FirstArg = 20, after: AfterArg = None) -> Connection[QueueApplication]:
        return await r.my_queue_applications(info, first, after)

    @strawberry.field(description="One queue application the viewer may see (theirs; any for a queue officer), or null.")
    async def queue_application(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="Application id.")]
    ) -> QueueApplication | None:
        return await r.queue_application(info, id)
