"""Owners' meetings of a building: agenda, documents, the premises' votes and the results weighted
by area (seed 004: собрания собственников)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry
from strawberry.types import Info

from backend.models.meetings import MeetingStatus, VoteChoice
from backend.schema.common import UserError
from backend.schema.housing import Building
from backend.services.files import document_link
from backend.services.meetings import results
from backend.services.meetings.voting import is_votable

MeetingStatusType = strawberry.enum(MeetingStatus, name="MeetingStatus",
                                    description="DRAFT: being prepared (staff only); OPEN: voting; CLOSED: results final.")
VoteChoiceType = strawberry.enum(VoteChoice, name="VoteChoice", description="A premises' vote on one question.")
VIEWABLE_TYPES = ("application/pdf", "image/jpeg", "image/png")


@strawberry.type(description="Results of one question, weighted by the premises' area (m²).")
class MeetingResult:
    for_area: Decimal = strawberry.field(description="Area of the premises that voted FOR.")
    against_area: Decimal = strawberry.field(description="Area of the premises that voted AGAINST.")
    abstain_area: Decimal = strawberry.field(description="Area of the premises that ABSTAINED.")
    voted_area: Decimal = strawberry.field(description="Area of all premises that voted.")
    total_area: Decimal = strawberry.field(description="Area of all premises of the building.")
    for_share: Decimal = strawberry.field(description="forArea / totalArea, 4 decimals (0.5120 = 51.20 %).")
    decided: bool = strawberry.field(description="Adopted: forArea is more than half of totalArea.")

    @classmethod
    def from_tally(cls, t: results.Tally) -> MeetingResult:
        return cls(for_area=t.for_area, against_area=t.against_area, abstain_area=t.abstain_area, voted_area=t.voted_area,
                   total_area=t.total_area, for_share=t.for_share, decided=t.decided)


@strawberry.type(description="One item of the agenda.")
class MeetingQuestion:
    id: strawberry.ID = strawberry.field(description="Question id.")
    position: int = strawberry.field(description="Its number on the agenda, from 1.")
    text: str = strawberry.field(description="What is decided.")
    row_id: strawberry.Private[object]
    meeting: strawberry.Private["Meeting"]

    @strawberry.field(description="The vote of the premises the meeting is seen through (`accountId`); null before voting.")
    async def my_vote(self, info: Info) -> VoteChoiceType | None:  # type: ignore[valid-type]
        if self.meeting.unit_id is None:
            return None
        votes = await info.context.loaders.meetings.votes_of_unit.load((self.meeting.row.id, self.meeting.unit_id))
        choice = votes.get(self.row_id)
        return VoteChoice(choice) if choice else None

    @strawberry.field(description="Results: to residents once the meeting is CLOSED, to the company's staff always.")
    async def result(self, info: Info) -> MeetingResult | None:
        meeting = self.meeting
        if not (meeting.staff or meeting.status is MeetingStatus.CLOSED):
            return None
        loaders = info.context.loaders.meetings
        votes = await loaders.votes_by_question.load(self.row_id)
        total = await loaders.building_area.load(meeting.building_id)
        return MeetingResult.from_tally(results.tally(votes, total))


@strawberry.type(description="A document of the meeting (draft decision, estimate); the link is personal and short-lived.")
class MeetingDocument:
    id: strawberry.ID = strawberry.field(description="Document id.")
    title: str = strawberry.field(description="Title (the file's name).")
    content_type: str = strawberry.field(description="application/pdf, image/jpeg or image/png.")
    size: int = strawberry.field(description="Size in bytes.")

    @strawberry.field(description="A link to open it, for the viewer only; null for anonymous viewers.")
    def url(self, info: Info) -> str | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return document_link(info.context.rt.settings, self.id, viewer.user.id, inline=self.content_type in VIEWABLE_TYPES)

    @classmethod
    def from_row(cls, row) -> MeetingDocument:
        return cls(id=str(row.id), title=row.title, content_type=row.content_type, size=int(row.size))


@strawberry.type(description="An owners' meeting of one building, called by its management company.")
class Meeting:
    id: strawberry.ID = strawberry.field(description="Meeting id.")
    title: str = strawberry.field(description="Title.")
    description: str = strawberry.field(description="What the meeting is about.")
    opens_at: dt.datetime = strawberry.field(description="Voting starts.")
    closes_at: dt.datetime = strawberry.field(description="Voting ends; the meeting closes itself then.")
    status: MeetingStatusType = strawberry.field(description="DRAFT, OPEN or CLOSED.")  # type: ignore[valid-type]
    row: strawberry.Private[object]
    unit_id: strawberry.Private[object]  # the premises it is seen through, if any
    acting: strawberry.Private[bool]  # the viewer is a resident of that premises' account
    staff: strawberry.Private[bool]  # the viewer is staff of the meeting's company

    @property
    def building_id(self):
        return self.row.building_id

    @strawberry.field(description="The building whose owners meet.")
    async def building(self, info: Info) -> Building:
        return Building.from_row(await info.context.loaders.meetings.building_by_id.load(self.row.building_id))

    @strawberry.field(description="The agenda, in order.")
    async def questions(self, info: Info) -> list[MeetingQuestion]:
        rows = await info.context.loaders.meetings.questions_by_meeting.load(self.row.id)
        return [MeetingQuestion(id=str(q.id), position=q.position, text=q.text, row_id=q.id, meeting=self) for q in rows]

    @strawberry.field(description="Its documents, oldest first.")
    async def documents(self, info: Info) -> list[MeetingDocument]:
        rows = await info.context.loaders.meetings.documents_by_meeting.load(self.row.id)
        return [MeetingDocument.from_row(d) for d in rows]

    @strawberry.field(description="The viewer may vote now for the premises of `accountId`: it is theirs, the meeting is "
                      "open, and some question has no vote of these premises yet.")
    async def can_vote(self, info: Info) -> bool:
        if not self.acting or self.unit_id is None:
            return False
        loaders = info.context.loaders.meetings
        # Read whatever the status: every meeting of a page then asks in the same batch (myVote hits the cache).
        votes = await loaders.votes_of_unit.load((self.row.id, self.unit_id))
        questions = await loaders.questions_by_meeting.load(self.row.id)
        return is_votable(self.row) and len(votes) < len(questions)

    @classmethod
    def from_row(cls, row, unit_id=None, acting: bool = False, staff: bool = False) -> Meeting:
        return cls(id=str(row.id), title=row.title, description=row.description, opens_at=row.opens_at,
                   closes_at=row.closes_at, status=row.status, row=row, unit_id=unit_id, acting=acting, staff=staff)


@strawberry.input(description="One vote of a ballot.")
class MeetingVoteItemInput:
    question_id: strawberry.ID = strawberry.field(description="The question.")
    choice: VoteChoiceType = strawberry.field(description="FOR, AGAINST or ABSTAIN.")  # type: ignore[valid-type]


@strawberry.input(description="A ballot: the votes of the premises of `accountId`, all taken or none.")
class MeetingVoteInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting.")
    account_id: strawberry.ID = strawberry.field(description="The viewer's personal account whose premises vote.")
    votes: list[MeetingVoteItemInput] = strawberry.field(description="One per question; questions left out can be voted later.")


@strawberry.type(description="The meeting with the new votes; or why not (NOT_OPEN, ALREADY_VOTED, NOT_FOUND, DUPLICATE_VOTE).")
class MeetingVotePayload:
    meeting: Meeting | None = strawberry.field(default=None, description="The meeting seen through the account.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.input(description="A new meeting (DRAFT) of one of the company's buildings.")
class MeetingCreateInput:
    building_id: strawberry.ID = strawberry.field(description="The building.")
    title: str = strawberry.field(description="Title, up to 300 characters.")
    description: str = strawberry.field(default="", description="What it is about, up to 10 000 characters.")
    opens_at: dt.datetime = strawberry.field(description="Voting starts.")
    closes_at: dt.datetime = strawberry.field(description="Voting ends; after opensAt and in the future.")
    questions: list[str] = strawberry.field(description="The agenda: 1 to 30 questions.")
    document_upload_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Finished uploads (PDF, JPEG, PNG), up to 10.")


@strawberry.input(description="Which meeting.")
class MeetingIdInput:
    id: strawberry.ID = strawberry.field(description="Meeting id.")


@strawberry.type(description="The meeting after the change; or why not.")
class MeetingPayload:
    meeting: Meeting | None = strawberry.field(default=None, description="The meeting.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it was refused.")
