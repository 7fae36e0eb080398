"""Complaints against decisions on queue applications (order No. 130 §§18–19).

The applicant (the one who filed the application) complains about a decision — a registration, a
refusal (also one after a hearing), or a removal from the register — either to the provider's head,
who reviews it within 5 working days of its registration, or to the service-quality authority,
within 15. On the provider path the provider may instead satisfy it within 3 working days, or
forward it to the authority, whose 15 working days then run from the forwarding. A queue officer
(or an admin) works them: opens one (IN_REVIEW), then satisfies, rejects with reasons or forwards it;
each answer is also a PDF in Kazakh and Russian signed with the provider's EDS (complaint_answer.py).

Terms run from the day after the registration date (a complaint registered on Monday with 5 working
days is due the next Monday); the registration date is the provider's working day the complaint
arrived on (after 18:30 or on a day off, the next working day), so the portal accepts complaints
around the clock. Every date comes from backend/calendar.py, decree days included.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet

from backend import clock
from backend.calendar import ALMATY, OTBASY_HOURS, add_working_days
from backend.errors import DomainError
from backend.models.identity import User
from backend.models.queue import (
    ComplaintAddressee,
    ComplaintStatus,
    QueueApplication,
    QueueComplaint,
    QueueFile,
    QueueFileKind,
    QueueStatus,
)
from backend.runtime import Runtime
from backend.services import history, uploads
from backend.services.notifications import NotificationKind, notify
from backend.services.queue import complaint_answer, deadlines, numbers
from backend.services.queue.access import Scope, get_application, get_complaint, visible_complaints
from backend.services.queue.events import OFFICE_CHANNEL, user_channel
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic, on_commit

ENTITY = "queue_complaint"
COMPLAINT = "complaint"
COMPLAINT_SATISFY = "complaint_satisfy"

PROVIDER_WORKING_DAYS = 5  # §18: the provider's head
AUTHORITY_WORKING_DAYS = 15  # §18: the service-quality authority
SATISFY_WORKING_DAYS = 3  # §19: the provider may satisfy it instead of forwarding

TEXT_MIN, TEXT_MAX = 10, 10_000
ANSWER_MAX = 10_000
MAX_FILES = 10
MAX_REQUEST_ID = 64

# A complaint is against a decision: what the provider decided, not what is still pending.
DECIDED = frozenset({QueueStatus.REGISTERED, QueueStatus.REFUSED, QueueStatus.REMOVED})
OPEN = frozenset({ComplaintStatus.REGISTERED, ComplaintStatus.IN_REVIEW})
FINAL = frozenset({ComplaintStatus.SATISFIED, ComplaintStatus.REJECTED})


@dataclasses.dataclass(frozen=True)
class ComplaintInput:
    application_id: str
    addressee: ComplaintAddressee
    text: str
    upload_ids: tuple[str, ...]
    request_id: str


# Deadlines ---------------------------------------------------------------------------------


def terms(addressee: ComplaintAddressee, registered_on: dt.date) -> tuple[dt.date, dt.date | None]:
    """(due, satisfy_due) of a complaint registered on `registered_on`."""
    if addressee is ComplaintAddressee.PROVIDER:
        return (add_working_days(registered_on, PROVIDER_WORKING_DAYS),
                add_working_days(registered_on, SATISFY_WORKING_DAYS))
    return add_working_days(registered_on, AUTHORITY_WORKING_DAYS), None


def complaint_deadlines(row: QueueComplaint, on: dt.date | None = None) -> list[deadlines.Deadline]:
    """The deadlines running now: the review term, and on the provider path while it is still the
    provider's the term to satisfy it; none once answered."""
    status = ComplaintStatus(row.status)
    if status in FINAL:
        return []
    running = [deadlines.deadline(COMPLAINT, row.due, on)]
    if status in OPEN and row.satisfy_due is not None:
        running.append(deadlines.deadline(COMPLAINT_SATISFY, row.satisfy_due, on))
    return running


# Reading -----------------------------------------------------------------------------------


def mine(scope: Scope) -> QuerySet[QueueComplaint]:
    """The viewer's own complaints, newest first (an officer's own too, never everyone's)."""
    if scope.user_id is None:
        return QueueComplaint.filter(id__in=[])
    return QueueComplaint.filter(author_id=scope.user_id).order_by("-created_at", "-id")


def office(scope: Scope, status: ComplaintStatus | None = None) -> QuerySet[QueueComplaint]:
    """Every complaint for the back office, the nearest deadline first."""
    scope.require_office()
    query = visible_complaints(scope)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("due", "created_at", "id")


# Filing ------------------------------------------------------------------------------------


def _request_id(value: str | None) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError("REQUIRED", field="requestId")
    if len(value) > MAX_REQUEST_ID:
        raise DomainError("TOO_LONG", field="requestId", max=MAX_REQUEST_ID)
    return value


def _text(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError("REQUIRED", field="text")
    if len(text) < TEXT_MIN:
        raise DomainError("TOO_SHORT", field="text", min=TEXT_MIN)
    if len(text) > TEXT_MAX:
        raise DomainError("TOO_LONG", field="text", max=TEXT_MAX)
    return text


def _upload_ids(ids: tuple[str, ...] | list[str]) -> list[str]:
    unique = list(dict.fromkeys(str(i).strip() for i in ids if str(i).strip()))
    if len(unique) > MAX_FILES:
        raise DomainError("TOO_MANY", field="uploadIds", max=MAX_FILES)
    return unique


async def _own_application(scope: Scope, application_id: str) -> QueueApplication:
    app = await get_application(scope, application_id)
    # The person an application was filed for sees it, but the complaint is the applicant's to make.
    if app.filed_by_id != scope.user_id:
        raise DomainError("NOT_ALLOWED", field="applicationId")
    if QueueStatus(app.status) not in DECIDED:
        raise DomainError("WRONG_STATUS", field="applicationId", status=QueueStatus(app.status).value)
    return app


async def file(rt: Runtime, scope: Scope, data: ComplaintInput, req: RequestInfo) -> QueueComplaint:
    """Files the applicant's complaint; a repeated `requestId` returns what it filed the first time."""
    scope.require_person()
    request_id = _request_id(data.request_id)
    existing = await QueueComplaint.get_or_none(author_id=scope.user_id, request_id=request_id)
    if existing is not None:
        return existing
    app = await _own_application(scope, data.application_id)
    text = _text(data.text)
    upload_ids = _upload_ids(data.upload_ids)
    now = clock.now()
    registered_on = OTBASY_HOURS.business_date(now)
    due, satisfy_due = terms(data.addressee, registered_on)
    try:
        async with atomic():
            number = await numbers.COMPLAINTS.next(now.astimezone(ALMATY).year)
            twin = await QueueComplaint.get_or_none(author_id=scope.user_id, request_id=request_id)
            if twin is not None:
                return twin
            row = await QueueComplaint.create(
                number=number, application=app, author_id=scope.user_id, addressee=data.addressee, text=text,
                status=ComplaintStatus.REGISTERED, registered_on=registered_on, due=due, satisfy_due=satisfy_due,
                request_id=request_id,
                # The queue's clock, like the application's filed_at, so that the two order together.
                created_at=now,
            )
            for upload_id in upload_ids:
                try:
                    upload = await uploads.claim(upload_id, storage=rt.storage, user_id=scope.user_id)
                except DomainError as exc:
                    raise DomainError(exc.code, field="uploadIds", uploadId=upload_id, **exc.params) from None
                await QueueFile.create(
                    application=app, complaint=row, kind=QueueFileKind.COMPLAINT,
                    title=(upload.filename or "complaint")[:300], storage_key=upload.storage_key, size=upload.length,
                    sha256=upload.sha256, content_type=upload.content_type or "application/octet-stream",
                    added_by_id=scope.user_id,
                )
            await history.record(
                ENTITY, row.id, "filed", actor_id=scope.user_id, ip=req.ip, applicationId=str(app.id),
                addressee=data.addressee.value, status=ComplaintStatus.REGISTERED.value, due=due.isoformat(),
                satisfyDue=satisfy_due.isoformat() if satisfy_due else None, files=len(upload_ids),
            )
            await _changed(rt, row, app)
    except IntegrityError:
        # The same request twice at once: the other one filed it.
        existing = await QueueComplaint.get_or_none(author_id=scope.user_id, request_id=request_id)
        if existing is None:
            raise
        return existing
    return await QueueComplaint.get(id=row.id)


# Answering ---------------------------------------------------------------------------------

# status -> the statuses it may be reached from
_MOVES: dict[ComplaintStatus, frozenset[ComplaintStatus]] = {
    ComplaintStatus.IN_REVIEW: frozenset({ComplaintStatus.REGISTERED}),
    ComplaintStatus.SATISFIED: OPEN | {ComplaintStatus.FORWARDED},
    ComplaintStatus.REJECTED: OPEN | {ComplaintStatus.FORWARDED},
    ComplaintStatus.FORWARDED: OPEN,
}


def _check_move(row: QueueComplaint, status: ComplaintStatus) -> ComplaintStatus:
    current = ComplaintStatus(row.status)
    if current not in _MOVES[status]:
        raise DomainError("WRONG_STATUS", field="status", status=current.value)
    if status is ComplaintStatus.FORWARDED and ComplaintAddressee(row.addressee) is not ComplaintAddressee.PROVIDER:
        # It is at the authority already.
        raise DomainError("WRONG_STATUS", field="status", status=current.value)
    return current


async def answer(rt: Runtime, scope: Scope, complaint_id: object, status: ComplaintStatus, text: str | None,
                 req: RequestInfo) -> QueueComplaint:
    """An officer's step: IN_REVIEW (taken up; no answer needed), SATISFIED, REJECTED or FORWARDED
    (each with the answer the applicant reads, also as a PDF signed with the provider's EDS). A
    forwarded complaint's answer, once the authority gives it, is recorded the same way (SATISFIED
    or REJECTED)."""
    scope.require_office()
    answer_text = (text or "").strip()
    if status is ComplaintStatus.REGISTERED:
        raise DomainError("INVALID", field="status")
    if status is not ComplaintStatus.IN_REVIEW and not answer_text:
        raise DomainError("REQUIRED", field="answer")
    if len(answer_text) > ANSWER_MAX:
        raise DomainError("TOO_LONG", field="answer", max=ANSWER_MAX)
    row = await get_complaint(scope, complaint_id)
    _check_move(row, status)
    app = await QueueApplication.get(id=row.application_id)
    now = clock.now()
    pdf = None
    if status is not ComplaintStatus.IN_REVIEW:
        # Signed before the transaction (the signer may be slow); the move is checked again inside.
        officer = await User.get_or_none(id=scope.user_id)
        doc = complaint_answer.document(row, app, status, answer_text, officer.full_name if officer else "", now)
        pdf = await complaint_answer.render(rt, doc)
    async with atomic():
        row = await QueueComplaint.filter(id=row.id).select_for_update().get()
        current = _check_move(row, status)
        updates: dict = {"status": status}
        if status is ComplaintStatus.FORWARDED:
            forwarded_on = OTBASY_HOURS.business_date(now)
            updates["due"] = add_working_days(forwarded_on, AUTHORITY_WORKING_DAYS)
        if status is not ComplaintStatus.IN_REVIEW:
            updates.update(answer=answer_text, answered_by_id=scope.user_id, answered_at=now)
        for key, value in updates.items():
            setattr(row, key, value)
        await row.save(update_fields=[*updates.keys(), "updated_at"])
        answer_file = await complaint_answer.store(rt, row, pdf, scope.user_id) if pdf is not None else None
        await history.record(
            ENTITY, row.id, status.value, actor_id=scope.user_id, ip=req.ip, status=status.value,
            previous=current.value, answer=answer_text, due=row.due.isoformat(),
            file=str(answer_file.id) if answer_file else None,
        )
        await _changed(rt, row, app)
    return await QueueComplaint.get(id=row.id)


# Telling -----------------------------------------------------------------------------------


async def _changed(rt: Runtime, row: QueueComplaint, app: QueueApplication) -> None:
    """The author is told in the cabinet at every status, and open pages (the author's, the back
    office's) hear of it after commit. The message names the application, whose `complaints`
    changed, so that the queue's live subscription carries it."""
    status = ComplaintStatus(row.status).value
    await notify(rt, row.author_id, NotificationKind.QUEUE_COMPLAINT_CHANGED, complaintId=str(row.id),
                 number=row.number, status=status, applicationId=str(app.id), applicationNumber=app.number)
    message = {"applicationId": str(app.id), "status": QueueStatus(app.status).value,
               "complaintId": str(row.id), "complaintStatus": status}
    channels = [user_channel(row.author_id), OFFICE_CHANNEL]

    async def publish() -> None:
        for channel in channels:
            await rt.pubsub.publish(channel, message)

    on_commit(publish)
