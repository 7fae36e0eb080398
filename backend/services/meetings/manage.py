"""Calling an owners' meeting (DRAFT), opening it for votes (OPEN, residents notified) and closing
it (CLOSED), by its company's staff — and by itself at `closes_at`, through the scheduler."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from backend import clock
from backend.errors import DomainError, DomainErrors
from backend.models.housing import AccountLink, AccountLinkStatus, Building, HousingUnit
from backend.models.meetings import Meeting, MeetingDocument, MeetingQuestion, MeetingStatus, MeetingVote
from backend.runtime import Runtime
from backend.services import history, uploads
from backend.services.housing.access import Scope
from backend.services.meetings import results
from backend.services.meetings.visibility import staff_meetings
from backend.services.notifications import NotificationKind, notify
from backend.services.scheduler import handler, schedule
from backend.services.scoping import first_visible
from backend.services.tx import atomic

CLOSE_JOB = "meeting_close"
MAX_QUESTIONS = 30
MAX_DOCUMENTS = 10
TITLE_MAX = 300
DESCRIPTION_MAX = 10_000
QUESTION_MAX = 2_000
DOCUMENT_TYPES = ("application/pdf", "image/jpeg", "image/png")


@dataclass
class MeetingDraft:
    building_id: object
    title: str
    description: str
    opens_at: dt.datetime
    closes_at: dt.datetime
    questions: list[str]
    document_upload_ids: list[str] = field(default_factory=list)


def _check(draft: MeetingDraft) -> tuple[str, str, list[str]]:
    """Every form error at once, so the back office shows them together."""
    errors: list[DomainError] = []
    title, description = (draft.title or "").strip(), (draft.description or "").strip()
    if not title:
        errors.append(DomainError("REQUIRED", field="title"))
    elif len(title) > TITLE_MAX:
        errors.append(DomainError("TOO_LONG", field="title", max=TITLE_MAX))
    if len(description) > DESCRIPTION_MAX:
        errors.append(DomainError("TOO_LONG", field="description", max=DESCRIPTION_MAX))
    if draft.opens_at.tzinfo is None or draft.closes_at.tzinfo is None:
        errors.append(DomainError("INVALID_VALUE", field="opensAt"))
    elif draft.closes_at <= draft.opens_at:
        errors.append(DomainError("ENDS_BEFORE_START", field="closesAt"))
    elif draft.closes_at <= clock.now():
        errors.append(DomainError("DATE_IN_PAST", field="closesAt"))
    questions = [(q or "").strip() for q in draft.questions]
    if not questions:
        errors.append(DomainError("REQUIRED", field="questions"))
    elif len(questions) > MAX_QUESTIONS:
        errors.append(DomainError("TOO_MANY", field="questions", max=MAX_QUESTIONS))
    for i, text in enumerate(questions[:MAX_QUESTIONS]):
        if not text:
            errors.append(DomainError("REQUIRED", field=f"questions.{i}"))
        elif len(text) > QUESTION_MAX:
            errors.append(DomainError("TOO_LONG", field=f"questions.{i}", max=QUESTION_MAX))
    if len(draft.document_upload_ids) > MAX_DOCUMENTS:
        errors.append(DomainError("TOO_MANY", field="documentUploadIds", max=MAX_DOCUMENTS))
    if errors:
        raise DomainErrors(errors)
    return title, description, questions


async def _staff_building(scope: Scope, building_id: object) -> Building:
    query = Building.all() if scope.everything else Building.filter(company_id__in=list(scope.company_ids))
    return await first_visible(query, building_id, "buildingId")


async def create(rt: Runtime, scope: Scope, user_id: uuid.UUID, draft: MeetingDraft, ip: str = "") -> Meeting:
    building = await _staff_building(scope, draft.building_id)
    title, description, questions = _check(draft)
    async with atomic():
        meeting = await Meeting.create(company_id=building.company_id, building=building, title=title,
                                       description=description, opens_at=draft.opens_at, closes_at=draft.closes_at,
                                       created_by_id=user_id)
        for position, text in enumerate(questions, start=1):
            await MeetingQuestion.create(meeting=meeting, position=position, text=text)
        documents = []
        for i, upload_id in enumerate(draft.document_upload_ids):
            try:
                upload = await uploads.claim(str(upload_id), storage=rt.storage, user_id=user_id)
            except DomainError as exc:
                # Every upload error names the list item; the claims already made roll back with the meeting.
                raise DomainError(exc.code, field=f"documentUploadIds.{i}", **exc.params) from None
            if upload.content_type not in DOCUMENT_TYPES:
                raise DomainError("UPLOAD_TYPE_NOT_ALLOWED", field=f"documentUploadIds.{i}", allowed=list(DOCUMENT_TYPES))
            document = await MeetingDocument.create(
                meeting=meeting, title=(upload.filename or "document")[:300], storage_key=upload.storage_key,
                size=upload.length, sha256=upload.sha256, content_type=upload.content_type)
            documents.append(str(document.id))
        await history.record("meeting", meeting.id, "created", actor_id=user_id, ip=ip, title=title,
                             buildingId=str(building.id), questions=len(questions), documents=documents)
    return meeting


async def _locked(scope: Scope, meeting_id: object) -> Meeting:
    meeting = await first_visible(staff_meetings(scope), meeting_id, "id")
    return await Meeting.select_for_update().get(id=meeting.id)


async def open_meeting(rt: Runtime, scope: Scope, user_id: uuid.UUID | None, meeting_id: object, ip: str = "") -> Meeting:
    """DRAFT → OPEN: every resident with a confirmed link in the building is told, once per account."""
    async with atomic():
        meeting = await _locked(scope, meeting_id)
        if meeting.status is not MeetingStatus.DRAFT:
            raise DomainError("WRONG_STATUS", field="id", status=meeting.status.value.upper())
        if meeting.closes_at <= clock.now():
            raise DomainError("DATE_IN_PAST", field="closesAt")
        meeting.status = MeetingStatus.OPEN
        await meeting.save(update_fields=["status", "updated_at"])
        links = await AccountLink.filter(status=AccountLinkStatus.CONFIRMED, account__unit__building_id=meeting.building_id,
                                         account__is_active=True).values_list("user_id", "account_id")
        for user, account in links:
            await notify(rt, user, NotificationKind.MEETING_OPENED, meetingId=str(meeting.id), accountId=str(account),
                         title=meeting.title, closesAt=meeting.closes_at.isoformat())
        await schedule(CLOSE_JOB, str(meeting.id), meeting.closes_at)
        await history.record("meeting", meeting.id, "opened", actor_id=user_id, ip=ip, notified=len(links))
    return meeting


async def question_tallies(meeting: Meeting) -> list[tuple[MeetingQuestion, results.Tally]]:
    total = sum((a for a in await HousingUnit.filter(building_id=meeting.building_id).values_list("area", flat=True)),
                results.ZERO)
    questions = await MeetingQuestion.filter(meeting_id=meeting.id).order_by("position")
    votes = await MeetingVote.filter(question__meeting_id=meeting.id).values_list("question_id", "choice", "weight")
    return [(q, results.tally(((c, w) for qid, c, w in votes if qid == q.id), total)) for q in questions]


async def _close(meeting: Meeting, user_id: uuid.UUID | None, ip: str, by: str) -> Meeting:
    meeting.status = MeetingStatus.CLOSED
    meeting.closed_at = clock.now()
    await meeting.save(update_fields=["status", "closed_at", "updated_at"])
    # What was announced is kept with the closing: areas of premises may change later.
    tallies = {str(q.id): t.as_data() for q, t in await question_tallies(meeting)}
    await history.record("meeting", meeting.id, "closed", actor_id=user_id, ip=ip, by=by, results=tallies)
    return meeting


async def close_meeting(scope: Scope, user_id: uuid.UUID | None, meeting_id: object, ip: str = "") -> Meeting:
    """OPEN → CLOSED by staff, before or after `closes_at`; no vote is taken after it."""
    async with atomic():
        meeting = await _locked(scope, meeting_id)
        if meeting.status is not MeetingStatus.OPEN:
            raise DomainError("WRONG_STATUS", field="id", status=meeting.status.value.upper())
        return await _close(meeting, user_id, ip, by="staff")


@handler(CLOSE_JOB)
async def close_when_due(rt: Runtime, ref: str) -> None:
    """The scheduler's job at `closes_at`; idempotent: a meeting closed by staff (or a second run)
    is left alone, and one whose end was moved later is not closed early."""
    async with atomic():
        meeting = await Meeting.select_for_update().get_or_none(id=ref)
        if meeting is None or meeting.status is not MeetingStatus.OPEN or meeting.closes_at > clock.now():
            return
        await _close(meeting, None, "", by="schedule")
