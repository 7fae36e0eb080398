"""Meetings, questions and the GraphQL documents of the meetings tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from backend.models.meetings import Meeting, MeetingDocument, MeetingQuestion, MeetingStatus

ALMATY = ZoneInfo("Asia/Almaty")
NOW = dt.datetime(2026, 12, 10, 12, 0, tzinfo=ALMATY)  # every test's clock: inside the meetings' voting time

ACCOUNT_MEETINGS = """
query ($accountId: ID!) { accountMeetings(accountId: $accountId) {
  id title status canVote building { address }
  questions { id position text myVote result { forArea againstArea abstainArea votedArea totalArea forShare decided } }
  documents { id title contentType size url } } }
"""
MEETING = """
query ($id: ID!, $accountId: ID) { meeting(id: $id, accountId: $accountId) {
  id status canVote questions { myVote result { forArea totalArea decided } } } }
"""
COMPANY_MEETINGS = """
query { companyMeetings(first: 50) { totalCount edges { node { id status } } } }
"""
VOTE = """
mutation ($input: MeetingVoteInput!) { meetingVote(input: $input) {
  meeting { id canVote questions { id myVote } } errors { field code params } } }
"""
CREATE = """
mutation ($input: MeetingCreateInput!) { meetingCreate(input: $input) {
  meeting { id status title questions { position text } documents { title contentType size url } building { id } }
  errors { field code params } } }
"""
OPEN = """
mutation ($id: ID!) { meetingOpen(input: {id: $id}) { meeting { id status } errors { field code params } } }
"""
CLOSE = """
mutation ($id: ID!) { meetingClose(input: {id: $id}) {
  meeting { id status questions { result { forArea decided } } } errors { field code params } } }
"""


async def make_meeting(building, status: MeetingStatus = MeetingStatus.OPEN, questions: int = 3,
                       opens_at: dt.datetime | None = None, closes_at: dt.datetime | None = None,
                       documents: int = 0, title: str = "Ремонт системы отопления") -> Meeting:
    meeting = await Meeting.create(company_id=building.company_id, building=building, title=title,
                                   opens_at=opens_at or NOW - dt.timedelta(days=5),
                                   closes_at=closes_at or NOW + dt.timedelta(days=5), status=status)
    for i in range(questions):
        await MeetingQuestion.create(meeting=meeting, position=i + 1, text=f"Вопрос {i + 1}")
    for i in range(documents):
        await MeetingDocument.create(meeting=meeting, title=f"Смета {i}.pdf", storage_key=f"m/{meeting.id}/{i}",
                                     size=100, sha256="0" * 64, content_type="application/pdf")
    return meeting


async def question_ids(meeting: Meeting) -> list[str]:
    return [str(q) for q in await MeetingQuestion.filter(meeting_id=meeting.id).order_by("position").values_list("id", flat=True)]


def ballot(meeting: Meeting, account, qids: list[str], choices: list[str]) -> dict:
    return {"input": {"meetingId": str(meeting.id), "accountId": str(account.id),
                      "votes": [{"questionId": q, "choice": c} for q, c in zip(qids, choices)]}}


def codes(body: dict, name: str) -> list[str]:
    return [e["code"] for e in body[name]["errors"]]
