"""A resident's ballot: for the premises of one of their confirmed accounts, FOR/AGAINST/ABSTAIN on
questions of an open meeting, weighted by the premises' area.

One vote per premises per question, whoever of its residents casts it: the second link holder of
the same flat gets ALREADY_VOTED, and when two ballots race the unique (question, unit) constraint
decides. A ballot is all or nothing (one transaction); it may hold only some of the questions, and
the others can be voted later while the meeting is open."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from backend import clock
from backend.errors import DomainError
from backend.models.housing import HousingUnit
from backend.models.meetings import Meeting, MeetingQuestion, MeetingStatus, MeetingVote, VoteChoice
from backend.services import history
from backend.services.housing.access import Scope, resident_account
from backend.services.scoping import first_visible
from backend.services.tx import atomic


@dataclass(frozen=True)
class Ballot:
    question_id: object
    choice: VoteChoice


def is_votable(meeting: Meeting, now=None) -> bool:
    now = now or clock.now()
    return meeting.status is MeetingStatus.OPEN and meeting.opens_at <= now < meeting.closes_at


def _not_open(meeting: Meeting) -> DomainError:
    return DomainError("NOT_OPEN", field="meetingId", status=meeting.status.value.upper(),
                       opensAt=meeting.opens_at.isoformat(), closesAt=meeting.closes_at.isoformat())


async def vote(scope: Scope, user_id: uuid.UUID, meeting_id: object, account_id: object, ballots: list[Ballot],
               ip: str = "") -> tuple[Meeting, list[MeetingVote]]:
    account = await resident_account(scope, account_id)
    unit = await HousingUnit.get(id=account.unit_id)
    meeting = await first_visible(Meeting.filter(building_id=unit.building_id, status__in=(MeetingStatus.OPEN, MeetingStatus.CLOSED)),
                                  meeting_id, "meetingId")
    if not ballots:
        raise DomainError("REQUIRED", field="votes")
    questions = {q.id: q for q in await MeetingQuestion.filter(meeting_id=meeting.id)}
    keys: list[uuid.UUID] = []
    for i, ballot in enumerate(ballots):
        try:
            key = uuid.UUID(str(ballot.question_id))
        except ValueError:
            key = None
        if key not in questions:
            raise DomainError("NOT_FOUND", field=f"votes.{i}.questionId")
        if key in keys:
            raise DomainError("DUPLICATE_VOTE", field=f"votes.{i}.questionId")
        keys.append(key)
    try:
        async with atomic():
            # Locked so that a close by staff or by the schedule waits for a ballot in progress (PostgreSQL).
            meeting = await Meeting.select_for_update().get(id=meeting.id)
            if not is_votable(meeting):
                raise _not_open(meeting)
            cast = set(await MeetingVote.filter(question_id__in=keys, unit_id=unit.id).values_list("question_id", flat=True))
            for i, key in enumerate(keys):
                if key in cast:
                    raise DomainError("ALREADY_VOTED", field=f"votes.{i}.questionId", questionId=str(key))
            now = clock.now()
            rows = [await MeetingVote.create(question_id=key, unit_id=unit.id, account_id=account.id, user_id=user_id,
                                             choice=ballot.choice, weight=unit.area, created_at=now)
                    for key, ballot in zip(keys, ballots)]
            await history.record("meeting", meeting.id, "voted", actor_id=user_id, ip=ip, accountId=str(account.id),
                                 unitId=str(unit.id), weight=str(unit.area),
                                 votes={str(k): b.choice.value for k, b in zip(keys, ballots)})
    except IntegrityError:
        # Another resident of the same premises voted in the same moment: theirs counts.
        raise DomainError("ALREADY_VOTED", field="votes") from None
    return meeting, rows
