"""Voting: one vote per premises per question whoever of its residents casts it, only while the
meeting is open, all of a ballot or nothing, weighted by the premises' area."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import pytest

from backend import clock
from backend.models.history import HistoryEvent
from backend.models.housing import PersonalAccount
from backend.models.meetings import Meeting, MeetingStatus, MeetingVote, VoteChoice
from tests.api.meetings.helpers import ACCOUNT_MEETINGS, MEETING, NOW, VOTE, ballot, codes, make_meeting, question_ids
from tests.cabinet_world import link
from tests.helpers import ApiClient, make_account


@pytest.fixture(autouse=True)
def _clock():
    with clock.at(NOW):
        yield


@pytest.fixture
async def flatmate(cast, rt) -> ApiClient:
    """A second resident with a confirmed link to the same account (the same flat) as the resident."""
    client = ApiClient(cast.resident.http)
    await make_account(rt, client, "resident")
    await link(client.user, cast.world.account_x)
    return client


async def test_a_ballot_records_each_vote_weighted_by_the_premises_area(cast):
    # given
    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    # when
    body = await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids, ["FOR", "AGAINST", "ABSTAIN"]))
    # then
    payload = body["meetingVote"]
    assert payload["errors"] == [] and payload["meeting"]["canVote"] is False
    assert [q["myVote"] for q in payload["meeting"]["questions"]] == ["FOR", "AGAINST", "ABSTAIN"]
    rows = await MeetingVote.all().order_by("choice")
    assert {(str(r.question_id), r.choice, r.weight, r.user_id) for r in rows} == {
        (qids[0], VoteChoice.FOR, Decimal("61.00"), cast.resident.user.id),
        (qids[1], VoteChoice.AGAINST, Decimal("61.00"), cast.resident.user.id),
        (qids[2], VoteChoice.ABSTAIN, Decimal("61.00"), cast.resident.user.id)}
    [event] = await HistoryEvent.filter(entity="meeting", entity_id=str(meeting.id), action="voted")
    assert event.data["votes"] == {qids[0]: "for", qids[1]: "against", qids[2]: "abstain"}


async def test_some_questions_now_and_the_rest_later(cast):
    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    first = await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids[:1], ["FOR"]))
    assert first["meetingVote"]["meeting"]["canVote"] is True
    rest = await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids[1:], ["FOR", "FOR"]))
    assert rest["meetingVote"]["meeting"]["canVote"] is False
    assert await MeetingVote.all().count() == 3


async def test_a_second_resident_of_the_same_flat_gets_already_voted(cast, flatmate):
    # given: the resident voted
    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids, ["FOR"] * 3))
    # when: the flatmate votes for the same premises
    body = await flatmate.data(VOTE, ballot(meeting, cast.world.account_x, qids, ["AGAINST"] * 3))
    seen = await flatmate.data(MEETING, {"id": str(meeting.id), "accountId": str(cast.world.account_x.id)})
    # then: the first vote stands, and the flatmate sees it as their premises' vote
    assert [(e["field"], e["code"]) for e in body["meetingVote"]["errors"]] == [("votes.0.questionId", "ALREADY_VOTED")]
    assert await MeetingVote.filter(choice=VoteChoice.AGAINST).count() == 0
    assert seen["meeting"]["canVote"] is False
    assert [q["myVote"] for q in seen["meeting"]["questions"]] == ["FOR"] * 3


async def test_two_accounts_of_one_premises_share_its_one_vote(cast):
    # given: a second personal account on the same flat, held by the other resident
    account_x = cast.world.account_x
    second = await PersonalAccount.create(company_id=account_x.company_id, unit_id=account_x.unit_id, number="10117-2",
                                          owner_name="Второй собственник", account_area=Decimal("30"), living=1,
                                          registered=1, login="10117-2", password_hash="x")
    await link(cast.other_resident.user, second)
    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    await cast.resident.data(VOTE, ballot(meeting, account_x, qids, ["FOR"] * 3))
    # when
    body = await cast.other_resident.data(VOTE, ballot(meeting, second, qids, ["AGAINST"] * 3))
    # then
    assert codes(body, "meetingVote") == ["ALREADY_VOTED"]
    assert await MeetingVote.all().count() == 3


async def test_a_ballot_is_all_or_nothing(cast):
    # given: question 1 already voted
    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids[:1], ["FOR"]))
    # when: a ballot with question 2 and (again) question 1
    body = await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, [qids[1], qids[0]], ["FOR", "AGAINST"]))
    # then: question 2 was not taken either
    assert [(e["field"], e["code"]) for e in body["meetingVote"]["errors"]] == [("votes.1.questionId", "ALREADY_VOTED")]
    assert await MeetingVote.all().count() == 1


@pytest.mark.parametrize("case", ["closed", "not_yet", "ended", "draft_opened_later"])
async def test_votes_are_taken_only_while_open(cast, case):
    # given
    if case == "closed":
        meeting = await make_meeting(cast.world.building_x, status=MeetingStatus.CLOSED)
    elif case == "not_yet":
        meeting = await make_meeting(cast.world.building_x, opens_at=NOW + dt.timedelta(hours=1))
    elif case == "ended":  # past closesAt, the job not run yet
        meeting = await make_meeting(cast.world.building_x, opens_at=NOW - dt.timedelta(days=3),
                                     closes_at=NOW - dt.timedelta(seconds=1))
    else:
        meeting = await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT)
    qids = await question_ids(meeting)
    # when
    body = await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids, ["FOR"] * 3))
    # then: a draft is not there for a resident; the others are not open
    expected = "NOT_FOUND" if case == "draft_opened_later" else "NOT_OPEN"
    assert codes(body, "meetingVote") == [expected]
    assert await MeetingVote.all().count() == 0
    if expected == "NOT_OPEN":
        seen = await cast.resident.data(ACCOUNT_MEETINGS, {"accountId": str(cast.world.account_x.id)})
        assert seen["accountMeetings"][0]["canVote"] is False


async def test_questions_of_another_meeting_unknown_and_duplicates_are_refused(cast):
    meeting = await make_meeting(cast.world.building_x)
    other = await make_meeting(cast.world.building_x, title="Другое")
    qids, foreign = await question_ids(meeting), await question_ids(other)
    cases = [
        ([qids[0], foreign[0]], ("votes.1.questionId", "NOT_FOUND")),
        ([qids[0], "nonsense"], ("votes.1.questionId", "NOT_FOUND")),
        ([qids[0], qids[0]], ("votes.1.questionId", "DUPLICATE_VOTE")),
        ([], ("votes", "REQUIRED")),
    ]
    for questions, error in cases:
        body = await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, questions, ["FOR"] * len(questions)))
        assert [(e["field"], e["code"]) for e in body["meetingVote"]["errors"]] == [error]
    assert await MeetingVote.all().count() == 0


async def test_a_meeting_of_another_building_is_not_found_for_the_account(cast):
    meeting = await make_meeting(cast.world.building_y)
    body = await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, await question_ids(meeting), ["FOR"] * 3))
    assert [(e["field"], e["code"]) for e in body["meetingVote"]["errors"]] == [("meetingId", "NOT_FOUND")]


async def test_two_ballots_of_one_premises_at_once_count_once(cast, flatmate):
    # given
    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    # when: both residents of the flat send their ballots at the same moment
    bodies = await asyncio.gather(
        cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids, ["FOR"] * 3)),
        flatmate.data(VOTE, ballot(meeting, cast.world.account_x, qids, ["AGAINST"] * 3)))
    # then: exactly one ballot is counted, whole
    outcomes = sorted(tuple(codes(b, "meetingVote")) for b in bodies)
    assert outcomes[0] == () and outcomes[1] and set(outcomes[1]) == {"ALREADY_VOTED"}
    rows = await MeetingVote.all()
    assert len(rows) == 3 and len({r.choice for r in rows}) == 1


async def test_the_unique_constraint_itself_refuses_a_second_vote_of_the_premises(cast):
    # The race's last line of defence, whatever the service checks first.
    from tortoise.exceptions import IntegrityError

    meeting = await make_meeting(cast.world.building_x)
    qid = (await question_ids(meeting))[0]
    account = cast.world.account_x
    await MeetingVote.create(question_id=qid, unit_id=account.unit_id, account=account, choice=VoteChoice.FOR, weight=1)
    with pytest.raises(IntegrityError):
        await MeetingVote.create(question_id=qid, unit_id=account.unit_id, account=account, choice=VoteChoice.AGAINST, weight=1)


async def test_a_vote_and_the_closing_do_not_interleave(cast, rt):
    # given: the vote arrives together with staff's close
    from backend.services.housing.access import Scope
    from backend.services.meetings import manage

    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    staff_scope = Scope(company_ids=frozenset({cast.world.company_x.id}))
    # when
    vote, _ = await asyncio.gather(
        cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, qids, ["FOR"] * 3)),
        manage.close_meeting(staff_scope, cast.staff_x.user.id, meeting.id))
    # then: either the ballot came first and is in the closing's results, or it was refused as NOT_OPEN
    [closing] = await HistoryEvent.filter(entity="meeting", entity_id=str(meeting.id), action="closed")
    counted = {r["forArea"] for r in closing.data["results"].values()}
    if codes(vote, "meetingVote"):
        assert codes(vote, "meetingVote") == ["NOT_OPEN"] and counted == {"0.00"}
    else:
        assert counted == {"61.00"}
    assert (await Meeting.get(id=meeting.id)).status is MeetingStatus.CLOSED
