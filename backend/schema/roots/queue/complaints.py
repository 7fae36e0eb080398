"""Root fields of complaints about queue decisions (§§18–19) and of the citizen's service history
(seed 002)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers.queue import complaints as r
from backend.schema.common import INPUT
from backend.schema.permissions import Allow
from backend.schema.queue.complaints import (
    QueueComplaint,
    QueueComplaintAnswerInput,
    QueueComplaintFileInput,
    QueueComplaintPayload,
    QueueComplaintStatusType,
    QueueServiceHistoryItem,
)

OFFICE = (Role.QUEUE_OFFICER, Role.ADMIN)


@strawberry.type
class QueueComplaintQuery:
    @strawberry.field(extensions=[Allow(Role.CITIZEN)], description="The viewer's complaints, newest first.")
    async def my_queue_complaints(self, info: Info) -> list[QueueComplaint]:
        return await r.my_queue_complaints(info)

    @strawberry.field(extensions=[Allow(*OFFICE)], description="Every complaint, the nearest deadline first (queue officers, admins).")
    async def queue_office_complaints(
        self, info: Info,
        status: Annotated[QueueComplaintStatusType | None, strawberry.argument(description="Only this status.")] = None,  # type: ignore[valid-type]
    ) -> list[QueueComplaint]:
        return await r.queue_office_complaints(info, status)

    @strawberry.field(extensions=[Allow(Role.CITIZEN)],
                      description="Service history (Қызметтерді алу тарихы): every housing-queue service the viewer "
                                  "requested — applications filed by or for them, complaints — newest first, with "
                                  "status, result and downloads.")
    async def my_service_history(self, info: Info) -> list[QueueServiceHistoryItem]:
        return await r.my_service_history(info)


@strawberry.type
class QueueComplaintMutation:
    @strawberry.mutation(extensions=[Allow(Role.CITIZEN)],
                         description="Complain about the decision on one's application: to the provider (5 working "
                                     "days) or the quality authority (15). WRONG_STATUS while it is not decided.")
    async def queue_complaint_file(self, info: Info, input: Annotated[QueueComplaintFileInput, INPUT]) -> QueueComplaintPayload:
        return await r.queue_complaint_file(info, input)

    @strawberry.mutation(extensions=[Allow(*OFFICE)],
                         description="Take up, satisfy, reject or forward a complaint (queue officers, admins); the "
                                     "author is told in the cabinet.")
    async def queue_complaint_answer(self, info: Info, input: Annotated[QueueComplaintAnswerInput, INPUT]) -> QueueComplaintPayload:
        return await r.queue_complaint_answer(info, input)
