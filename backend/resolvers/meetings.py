"""Resolvers of owners' meetings: who is viewing → services/meetings → types."""

from __future__ import annotations

from strawberry.types import Info

from backend.errors import DomainError
from backend.models.housing import AccountLink, AccountLinkStatus
from backend.resolvers.errors import graphql_error, payload_or_errors
from backend.schema import meetings as s
from backend.schema.common import Connection, to_connection
from backend.services.housing.access import Scope, scope_for
from backend.services.meetings import manage, visibility, voting
from backend.services.pagination import paginate


async def _acting(scope: Scope, account) -> bool:
    """The viewer holds the account as a resident (and so may vote for its premises)."""
    if account is None or scope.resident_id is None:
        return False
    return await AccountLink.exists(user_id=scope.resident_id, account_id=account.id, status=AccountLinkStatus.CONFIRMED)


def _view(scope: Scope, row, account=None, acting: bool = False) -> s.Meeting:
    return s.Meeting.from_row(row, unit_id=account.unit_id if account else None, acting=acting,
                              staff=visibility.is_staff_of(scope, row))


async def account_meetings(info: Info, account_id: str) -> list[s.Meeting]:
    scope = await scope_for(info.context.viewer)
    try:
        account, rows = await visibility.account_meetings(scope, account_id)
    except DomainError:
        return []
    acting = await _acting(scope, account)
    return [_view(scope, r, account, acting) for r in rows]


async def meeting(info: Info, meeting_id: str, account_id: str | None) -> s.Meeting | None:
    scope = await scope_for(info.context.viewer)
    try:
        row, account = await visibility.visible_meeting(scope, meeting_id, account_id)
    except DomainError:
        return None
    return _view(scope, row, account, await _acting(scope, account))


async def company_meetings(info: Info, first: int | None, after: str | None) -> Connection[s.Meeting]:
    scope = await scope_for(info.context.viewer)
    try:
        page = await paginate(visibility.staff_meetings(scope), first, after)
    except DomainError as exc:  # a cursor that is not one: BAD_USER_INPUT with its reason
        raise graphql_error(exc) from None
    return Connection[s.Meeting](**to_connection(page, lambda r: _view(scope, r)))


async def meeting_vote(info: Info, input: s.MeetingVoteInput) -> s.MeetingVotePayload:
    async def work():
        ctx = info.context
        scope = await scope_for(ctx.viewer)
        ballots = [voting.Ballot(v.question_id, v.choice) for v in input.votes]
        row, _ = await voting.vote(scope, ctx.viewer.user.id, input.meeting_id, input.account_id, ballots, ip=ctx.ip)
        _, account = await visibility.visible_meeting(scope, row.id, input.account_id)
        return s.MeetingVotePayload(meeting=_view(scope, row, account, acting=True))

    return await payload_or_errors(s.MeetingVotePayload, work)


async def meeting_create(info: Info, input: s.MeetingCreateInput) -> s.MeetingPayload:
    async def work():
        ctx = info.context
        scope = await scope_for(ctx.viewer)
        draft = manage.MeetingDraft(building_id=input.building_id, title=input.title, description=input.description,
                                    opens_at=input.opens_at, closes_at=input.closes_at, questions=list(input.questions),
                                    document_upload_ids=[str(i) for i in input.document_upload_ids or []])
        row = await manage.create(ctx.rt, scope, ctx.viewer.user.id, draft, ip=ctx.ip)
        return s.MeetingPayload(meeting=_view(scope, row))

    return await payload_or_errors(s.MeetingPayload, work)


async def meeting_open(info: Info, input: s.MeetingIdInput) -> s.MeetingPayload:
    async def work():
        ctx = info.context
        scope = await scope_for(ctx.viewer)
        row = await manage.open_meeting(ctx.rt, scope, ctx.viewer.user.id, input.id, ip=ctx.ip)
        return s.MeetingPayload(meeting=_view(scope, row))

    return await payload_or_errors(s.MeetingPayload, work)


async def meeting_close(info: Info, input: s.MeetingIdInput) -> s.MeetingPayload:
    async def work():
        ctx = info.context
        scope = await scope_for(ctx.viewer)
        row = await manage.close_meeting(scope, ctx.viewer.user.id, input.id, ip=ctx.ip)
        return s.MeetingPayload(meeting=_view(scope, row))

    return await payload_or_errors(s.MeetingPayload, work)
