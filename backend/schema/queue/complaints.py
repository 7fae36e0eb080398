"""Complaints against decisions on queue applications (§§18–19) and the citizen's service history
(seed 002)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from backend.models.queue import ComplaintAddressee, ComplaintStatus
from backend.schema.common import UserError
from backend.schema.queue.applications import QueueDeadline
from backend.schema.queue.decisions import QueueFile
from backend.services.queue import complaints
from backend.services.queue.access import scope_for

QueueComplaintAddresseeType = strawberry.enum(
    ComplaintAddressee, name="QueueComplaintAddressee",
    description="PROVIDER: the provider's head, reviewed within 5 working days of registration (the provider may "
    "satisfy it within 3); QUALITY_AUTHORITY: the service-quality authority, within 15 working days.",
)
QueueComplaintStatusType = strawberry.enum(
    ComplaintStatus, name="QueueComplaintStatus",
    description="REGISTERED: received; IN_REVIEW: an officer took it up; SATISFIED: the demands were met; REJECTED: "
    "refused with reasons; FORWARDED: the provider sent it on to the quality authority (15 working days from then).",
)


def _viewer_sees(info: Info, row) -> bool:
    """A complaint is its author's and the back office's, even where the application is seen by more
    (the person an application was filed for)."""
    scope = scope_for(info.context.viewer)
    return scope.office or (scope.user_id is not None and row.author_id == scope.user_id)


@strawberry.type(description="A complaint against a decision on a queue application.")
class QueueComplaint:
    id: strawberry.ID = strawberry.field(description="Complaint id.")
    number: str = strawberry.field(description="Complaint number, e.g. C-2026-000001.")
    application_id: strawberry.ID = strawberry.field(description="The application whose decision it is against.")
    addressee: QueueComplaintAddresseeType = strawberry.field(description="To whom it was addressed.")  # type: ignore[valid-type]
    text: str = strawberry.field(description="What the applicant wrote.")
    status: QueueComplaintStatusType = strawberry.field(description="Where it is.")  # type: ignore[valid-type]
    registered_on: dt.date = strawberry.field(
        description="Its registration date: the provider's working day it arrived on (the next one after 18:30 or on a "
        "day off); the terms run from the day after.")
    deadlines: list[QueueDeadline] = strawberry.field(
        description="The terms running now with countdowns: complaint (the review), complaint_satisfy (the provider's "
        "3 working days to satisfy it); none once answered.")
    answer: str = strawberry.field(description="The answer (the officer's, or the authority's as recorded); empty until answered.")
    answered_at: dt.datetime | None = strawberry.field(description="When it was answered (last).")
    created_at: dt.datetime = strawberry.field(description="When it was filed.")
    row: strawberry.Private[Any]

    @classmethod
    def from_row(cls, row) -> QueueComplaint:
        return cls(
            id=str(row.id), number=row.number, application_id=str(row.application_id),
            addressee=ComplaintAddressee(row.addressee), text=row.text, status=ComplaintStatus(row.status),
            registered_on=row.registered_on,
            deadlines=[QueueDeadline.from_row(d) for d in complaints.complaint_deadlines(row)],
            answer=row.answer, answered_at=row.answered_at, created_at=row.created_at, row=row,
        )

    @strawberry.field(description="The application's number.")
    async def application_number(self, info: Info) -> str:
        return await info.context.loaders.queue_application_number_by_id.load(self.row.application_id) or ""

    @strawberry.field(description="The files attached to it and those of its answer.")
    async def files(self, info: Info) -> list[QueueFile]:
        rows = await info.context.loaders.queue_files_by_complaint.load(self.row.id)
        return [QueueFile.from_row(info, f) for f in rows]


async def application_complaints(info: Info, app_row) -> list[QueueComplaint]:
    """`QueueApplication.complaints`: those of the application the viewer may see, oldest first."""
    rows = await info.context.loaders.queue_complaints_by_application.load(app_row.id)
    return [QueueComplaint.from_row(r) for r in rows if _viewer_sees(info, r)]


@strawberry.type(description="Result of filing or answering a complaint.")
class QueueComplaintPayload:
    complaint: QueueComplaint | None = strawberry.field(default=None, description="The complaint after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")


@strawberry.input(description="A complaint against the decision on one of the applicant's applications.")
class QueueComplaintFileInput:
    application_id: strawberry.ID = strawberry.field(
        description="An application the viewer filed, decided (REGISTERED, REFUSED — also after a hearing — or REMOVED).")
    addressee: QueueComplaintAddresseeType = strawberry.field(description="To whom.")  # type: ignore[valid-type]
    text: str = strawberry.field(description=f"The complaint, {complaints.TEXT_MIN}–{complaints.TEXT_MAX} characters.")
    upload_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description=f"Finished tus uploads to attach, at most {complaints.MAX_FILES}.")
    request_id: str = strawberry.field(description="The client's id of this request: retries file one complaint.")


@strawberry.input(description="An officer's step on a complaint.")
class QueueComplaintAnswerInput:
    complaint_id: strawberry.ID = strawberry.field(description="The complaint.")
    status: QueueComplaintStatusType = strawberry.field(  # type: ignore[valid-type]
        description="IN_REVIEW (take it up; no answer needed), SATISFIED, REJECTED (a reasoned answer) or FORWARDED "
        "(to the quality authority, provider path only).")
    answer: str = strawberry.field(default="", description=f"The answer the applicant reads; required but for IN_REVIEW, at most {complaints.ANSWER_MAX} characters.")


@strawberry.type(description="One service the citizen requested (Қызметтерді алу тарихы).")
class QueueServiceHistoryItem:
    id: strawberry.ID = strawberry.field(description="The application's or the complaint's id.")
    service: str = strawberry.field(description="queue_application (registration in the housing queue) or queue_complaint.")
    number: str = strawberry.field(description="Its number.")
    requested_at: dt.datetime = strawberry.field(description="When it was requested (filed).")
    status: str = strawberry.field(description="Its status: a QueueStatus or a QueueComplaintStatus value.")
    result: str = strawberry.field(description="The result in words, in the request's language.")
    files: list[QueueFile] = strawberry.field(
        description="Downloads: an application's certificates and notices; a complaint's attachments and answer.")
    application_id: strawberry.ID | None = strawberry.field(description="The application it is or concerns.")

    @classmethod
    def from_item(cls, info: Info, item) -> QueueServiceHistoryItem:
        return cls(
            id=str(item.id), service=item.service, number=item.number, requested_at=item.requested_at,
            status=item.status, result=item.result, files=[QueueFile.from_row(info, f) for f in item.files],
            application_id=str(item.application_id) if item.application_id else None,
        )
