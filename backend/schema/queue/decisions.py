"""Decisions on queue applications: their files (certificates, notices, the applicant's hearing
files), the hearing, the officer's inputs and payloads, live events, and the public check of a
certificate behind its QR code."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info

from backend.models.queue import HearingOutcome, QueueFileKind
from backend.schema.common import UserError
from backend.schema.queue.applications import QueueApplication, QueueReason, QueueStatusType
from backend.services import files as file_links
from backend.services.queue import certificate, deadlines

# Links live long enough to open a PDF viewer, and are personal (services/files.py).
LINK_TTL_SECONDS = 300


def reasons_of(info: Info, app_row, codes: list[str]) -> list[QueueReason]:
    """Reason codes with their texts in the request's language, filled with the checks' details."""
    locale = info.context.locale
    return [QueueReason(code=code, explanation=text)
            for code, text in zip(codes, certificate.reason_explanations(app_row, codes, locale))]


@strawberry.type(description="A file of a queue application: a certificate, a notice, or one the applicant attached.")
class QueueFile:
    id: strawberry.ID = strawberry.field(description="File id; a certificate's id is the one its QR code names.")
    kind: str = strawberry.field(
        description="certificate_kk, certificate_ru, preliminary_notice, hearing_position, technical_conclusion, "
        "complaint or complaint_answer.")
    title: str = strawberry.field(description="Title, used as the download's file name.")
    size: int = strawberry.field(description="Bytes.")
    content_type: str = strawberry.field(description="MIME type, from the content.")
    sha256: str = strawberry.field(description="SHA-256 of the content, hex.")
    created_at: dt.datetime = strawberry.field(description="When it was issued or attached.")
    url: str = strawberry.field(description="A personal download link for the viewer that expires in minutes.")

    @classmethod
    def from_row(cls, info: Info, row) -> QueueFile:
        ctx = info.context
        # Files are reached only through an application the viewer may see, so a viewer exists.
        url = file_links.document_link(ctx.rt.settings, row.id, ctx.viewer.user.id, inline=False,
                                       ttl_seconds=LINK_TTL_SECONDS) if ctx.viewer is not None else ""
        kind = QueueFileKind(row.kind).value
        return cls(id=str(row.id), kind=kind, title=row.title, size=int(row.size), content_type=row.content_type,
                   sha256=row.sha256, created_at=row.created_at, url=url)


@strawberry.type(description="The preliminary decision and the hearing before a refusal (§17).")
class QueueHearing:
    id: strawberry.ID = strawberry.field(description="Hearing id.")
    reasons: list[QueueReason] = strawberry.field(description="The grounds the preliminary decision names.")
    notice_date: dt.date = strawberry.field(description="The date of the notice (the provider's working day it was sent on).")
    hearing_due: dt.date = strawberry.field(
        description="The hearing day: within 2 working days of the notice. The position is accepted until 18:30 Almaty.")
    final_decision_due: dt.date = strawberry.field(
        description="The service term's end after a preliminary decision: 3 working days after the notice.")
    position_text: str = strawberry.field(description="The applicant's position; empty until sent.")
    position_submitted_at: dt.datetime | None = strawberry.field(description="When the position was (last) sent.")
    outcome: str | None = strawberry.field(description="registered or refused, once the officer recorded the result.")
    outcome_reasoning: str = strawberry.field(description="The officer's reasoning of the result.")
    held_at: dt.datetime | None = strawberry.field(description="When the result was recorded.")
    working_days_left: int = strawberry.field(
        description="Working days until the hearing day: 0 = today, negative = past.")
    row: strawberry.Private[Any]
    app_row: strawberry.Private[Any]

    @classmethod
    def from_row(cls, info: Info, row, app_row) -> QueueHearing:
        outcome = HearingOutcome(row.outcome).value if row.outcome else None
        return cls(
            id=str(row.id), reasons=reasons_of(info, app_row, list(row.reasons or [])), notice_date=row.notice_date,
            hearing_due=row.hearing_due, final_decision_due=deadlines.final_decision_due(row.notice_date),
            position_text=row.position_text, position_submitted_at=row.position_submitted_at, outcome=outcome,
            outcome_reasoning=row.outcome_reasoning, held_at=row.held_at,
            working_days_left=deadlines.working_days_left(row.hearing_due, deadlines.today()), row=row, app_row=app_row,
        )

    @strawberry.field(description="The files the applicant attached to the position.")
    async def files(self, info: Info) -> list[QueueFile]:
        rows = await info.context.loaders.queue_files_by_hearing.load(self.row.id)
        # The notice belongs to the hearing too, and is listed with the application's files.
        return [QueueFile.from_row(info, f) for f in rows if QueueFileKind(f.kind) is QueueFileKind.HEARING_POSITION]


# A complaint's files are shown with the complaint, to its author (services/queue/access.py).
_COMPLAINT_FILES = frozenset({QueueFileKind.COMPLAINT, QueueFileKind.COMPLAINT_ANSWER})


async def application_files(info: Info, app_row) -> list[QueueFile]:
    rows = await info.context.loaders.queue_files_by_application.load(app_row.id)
    return [QueueFile.from_row(info, f) for f in rows if QueueFileKind(f.kind) not in _COMPLAINT_FILES]


async def application_hearing(info: Info, app_row) -> QueueHearing | None:
    row = await info.context.loaders.queue_latest_hearing.load(app_row.id)
    return QueueHearing.from_row(info, row, app_row) if row is not None else None


@strawberry.type(description="A queue application changed: its status now, and the application as the viewer sees it.")
class QueueApplicationEvent:
    application_id: strawberry.ID = strawberry.field(description="The application.")
    status: QueueStatusType = strawberry.field(description="Its status now.")  # type: ignore[valid-type]
    application: QueueApplication | None = strawberry.field(description="The application, read afresh.")


@strawberry.type(description="What the portal issued under a certificate id (its QR code), for comparing a paper or a file.")
class QueueCertificateCheck:
    id: strawberry.ID = strawberry.field(description="The certificate id.")
    kind: str = strawberry.field(description="registration or refusal.")
    language: str = strawberry.field(description="kk or ru.")
    application_number: str = strawberry.field(description="The application's number.")
    queue_number: int | None = strawberry.field(description="The queue number given at registration (registration only).")
    registered_at: dt.datetime | None = strawberry.field(description="Registration date and time (registration only).")
    issued_at: dt.datetime = strawberry.field(description="When the certificate was issued.")
    sha256: str = strawberry.field(description="SHA-256 of the issued PDF: a file with another hash is not this certificate.")
    size: int = strawberry.field(description="Bytes of the issued PDF.")

    @classmethod
    def from_check(cls, c: certificate.CertificateCheck) -> QueueCertificateCheck:
        return cls(id=str(c.id), kind=c.kind, language=c.language, application_number=c.application_number,
                   queue_number=c.queue_number, registered_at=c.registered_at, issued_at=c.issued_at,
                   sha256=c.sha256, size=c.size)


@strawberry.input(description="The officer's review of an emergency-path application.")
class QueueOfficeReviewInput:
    application_id: strawberry.ID = strawberry.field(description="An application IN_REVIEW.")
    eligible: bool = strawberry.field(description="True: register it; false: a preliminary refusal and a hearing.")
    reasons: list[str] = strawberry.field(description="Refusal reason codes when not eligible; empty when eligible.")
    comment: str = strawberry.field(description="The officer's note on the review; required when not eligible.")


@strawberry.input(description="The applicant's position for the hearing.")
class QueueHearingPositionSubmitInput:
    application_id: strawberry.ID = strawberry.field(description="An application in HEARING.")
    text: str = strawberry.field(description="The position, at most 10,000 characters.")
    upload_ids: list[strawberry.ID] = strawberry.field(description="Finished tus uploads to attach, at most 10.")


@strawberry.input(description="The result of a hearing, as the officer signs it.")
class QueueDecisionInput:
    application_id: strawberry.ID = strawberry.field(description="An application in HEARING.")
    outcome: str = strawberry.field(description="registered or refused.")
    reasoning: str = strawberry.field(description="Why; required for a refusal, at most 5,000 characters.")


@strawberry.input(description="The hearing's result with the officer's EDS signature.")
class QueueHearingResultInput:
    decision: QueueDecisionInput = strawberry.field(description="What is decided (the same as for queueDecisionPayload).")
    cms: str = strawberry.field(description="Base64 DER of the officer's detached CMS over queueDecisionPayload's payload.")


@strawberry.type(description="Result of the officer's review.")
class QueueOfficeReviewPayload:
    application: QueueApplication | None = strawberry.field(default=None, description="The application after it.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")


@strawberry.type(description="Result of sending the position.")
class QueueHearingPositionSubmitPayload:
    application: QueueApplication | None = strawberry.field(default=None, description="The application after it.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")


@strawberry.type(description="Result of recording the hearing's result.")
class QueueHearingResultPayload:
    application: QueueApplication | None = strawberry.field(default=None, description="The application after it.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing changed.")

