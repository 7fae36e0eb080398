"""Root fields of owners' meetings."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import meetings as r
from backend.schema.common import INPUT, Connection
from backend.schema.meetings import (
    Meeting,
    MeetingCreateInput,
    MeetingIdInput,
    MeetingPayload,
    MeetingVoteInput,
    MeetingVotePayload,
)
from backend.schema.permissions import Allow

FirstArg = Annotated[int | None, strawberry.argument(description="Page size; at most 100 (more is served as 100).")]
AfterArg = Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")]
STAFF = (Role.UK_STAFF, Role.ADMIN)


@strawberry.type
class MeetingQuery:
    @strawberry.field(extensions=[Allow()],
                      description="The open and closed meetings of the account's building, newest first, seen through the "
                      "account (myVote, canVote); empty for an account the viewer may not see.")
    async def account_meetings(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Personal account id.")]
    ) -> list[Meeting]:
        return await r.account_meetings(info, account_id)

    @strawberry.field(extensions=[Allow()],
                      description="One meeting the viewer may see, or null; with `accountId` seen through that account's premises.")
    async def meeting(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Meeting id.")],
        account_id: Annotated[strawberry.ID | None, strawberry.argument(description="The viewer's account whose vote to show.")] = None,
    ) -> Meeting | None:
        return await r.meeting(info, id, account_id)

    @strawberry.field(extensions=[Allow(*STAFF)], description="The company's meetings in every state, newest first (staff).")
    async def company_meetings(self, info: Info, first: FirstArg = 20, after: AfterArg = None) -> Connection[Meeting]:
        return await r.company_meetings(info, first, after)


@strawberry.type
class MeetingMutation:
    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)],
                         description="Vote for the premises of one of the viewer's confirmed accounts; one vote per premises "
                         "per question (ALREADY_VOTED), only while the meeting is open (NOT_OPEN).")
    async def meeting_vote(self, info: Info, input: Annotated[MeetingVoteInput, INPUT]) -> MeetingVotePayload:
        return await r.meeting_vote(info, input)

    @strawberry.mutation(extensions=[Allow(*STAFF)], description="Call a meeting of one of the company's buildings (DRAFT).")
    async def meeting_create(self, info: Info, input: Annotated[MeetingCreateInput, INPUT]) -> MeetingPayload:
        return await r.meeting_create(info, input)

    @strawberry.mutation(extensions=[Allow(*STAFF)],
                         description="Open a DRAFT meeting for votes; its building's residents are notified (MEETING_OPENED).")
    async def meeting_open(self, info: Info, input: Annotated[MeetingIdInput, INPUT]) -> MeetingPayload:
        return await r.meeting_open(info, input)

    @strawberry.mutation(extensions=[Allow(*STAFF)],
                         description="Close an OPEN meeting; results become final and visible to residents. "
                         "It also closes itself at closesAt.")
    async def meeting_close(self, info: Info, input: Annotated[MeetingIdInput, INPUT]) -> MeetingPayload:
        return await r.meeting_close(info, input)
