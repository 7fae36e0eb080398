"""Root fields of decisions on queue applications: the back office's list, the emergency review, the
hearing (the applicant's position, the officer's signed result), live changes, and the public check
of a certificate."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers.queue import decisions as r
from backend.schema.common import INPUT, Connection
from backend.schema.permissions import Allow
from backend.schema.queue.applications import QueueApplication, QueueSigningPayload, QueueStatusType
from backend.schema.queue.decisions import (
    QueueApplicationEvent,
    QueueCertificateCheck,
    QueueDecisionInput,
    QueueHearingPositionSubmitInput,
    QueueHearingPositionSubmitPayload,
    QueueHearingResultInput,
    QueueHearingResultPayload,
    QueueOfficeReviewInput,
    QueueOfficeReviewPayload,
)

OFFICE = (Role.QUEUE_OFFICER, Role.ADMIN)
FirstArg = Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")]
AfterArg = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]


@strawberry.type
class QueueDecisionQuery:
    @strawberry.field(extensions=[Allow(*OFFICE)], description="Every queue application, newest first (queue officers, admins).")
    async def queue_office_applications(
        self, info: Info,
        status: Annotated[QueueStatusType | None, strawberry.argument(description="Only this status.")] = None,  # type: ignore[valid-type]
        first: FirstArg = 20, after: AfterArg = None,
    ) -> Connection[QueueApplication]:
        return await r.queue_office_applications(info, status, first, after)

    @strawberry.field(extensions=[Allow(Role.QUEUE_OFFICER, Role.ADMIN)],
                      description="What the officer signs to record a hearing's result: the exact bytes and their "
                                  "SHA-256 (queue officers; null for anyone else).")
    async def queue_decision_payload(self, info: Info, input: Annotated[QueueDecisionInput, INPUT]) -> QueueSigningPayload | None:
        return await r.queue_decision_payload(info, input)

    @strawberry.field(description="What the portal issued under a certificate id (the one its QR code names), or null. "
                                  "No sign-in needed.")
    async def queue_certificate_check(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The certificate id.")]
    ) -> QueueCertificateCheck | None:
        return await r.queue_certificate_check(info, id)


@strawberry.type
class QueueDecisionMutation:
    @strawberry.mutation(extensions=[Allow(*OFFICE)], description="Review an emergency-path application: eligible -> "
                         "registered with a queue number; not -> a preliminary refusal and a hearing.")
    async def queue_office_review(self, info: Info, input: Annotated[QueueOfficeReviewInput, INPUT]) -> QueueOfficeReviewPayload:
        return await r.queue_office_review(info, input)

    @strawberry.mutation(extensions=[Allow(Role.CITIZEN)], description="Send the applicant's position (text and files) "
                         "for the hearing, until the hearing day's 18:30.")
    async def queue_hearing_position_submit(
        self, info: Info, input: Annotated[QueueHearingPositionSubmitInput, INPUT]
    ) -> QueueHearingPositionSubmitPayload:
        return await r.queue_hearing_position_submit(info, input)

    @strawberry.mutation(extensions=[Allow(*OFFICE)], description="Record the hearing's result, signed with the "
                         "officer's EDS: registration, or a reasoned refusal.")
    async def queue_hearing_result(self, info: Info, input: Annotated[QueueHearingResultInput, INPUT]) -> QueueHearingResultPayload:
        return await r.queue_hearing_result(info, input)


@strawberry.type
class QueueDecisionSubscription:
    @strawberry.subscription(description="The viewer's queue applications (filed by or for them; every one for the "
                                         "office) at every change: a decision arrives here live.")
    async def queue_application_changed(self, info: Info) -> AsyncGenerator[QueueApplicationEvent, None]:
        async for event in r.queue_application_changed(info):
            yield event
