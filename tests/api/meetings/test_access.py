"""The access matrix of meetings: anonymous, the resident, another resident, staff of X and of Y, admin."""

from __future__ import annotations

import datetime as dt

import pytest

from backend import clock
from backend.models.meetings import Meeting, MeetingStatus, MeetingVote
from tests.api.meetings.helpers import (
    ACCOUNT_MEETINGS, CLOSE, COMPANY_MEETINGS, CREATE, MEETING, NOW, OPEN, VOTE, ballot, codes, make_meeting, question_ids,
)


@pytest.fixture(autouse=True)
def _clock():
    with clock.at(NOW):
        yield


@pytest.mark.parametrize("who, sees", [
    ("anon", False), ("resident", True), ("other_resident", False), ("staff_x", True), ("staff_y", False), ("admin", True),
])
async def test_account_meetings_per_role(cast, who, sees):
    # given: an open meeting and a draft in building X
    meeting = await make_meeting(cast.world.building_x)
    await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT)
    # when
    body = await cast.by_name(who).gql(ACCOUNT_MEETINGS, {"accountId": str(cast.world.account_x.id)})
    # then: the draft is in nobody's account view
    assert not body.get("errors")
    assert [m["id"] for m in body["data"]["accountMeetings"]] == ([str(meeting.id)] if sees else [])


@pytest.mark.parametrize("who, sees_open, sees_draft", [
    ("anon", False, False), ("resident", True, False), ("other_resident", False, False),
    ("staff_x", True, True), ("staff_y", False, False), ("admin", True, True),
])
async def test_one_meeting_per_role(cast, who, sees_open, sees_draft):
    # given
    opened = await make_meeting(cast.world.building_x)
    draft = await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT)
    client = cast.by_name(who)
    # when
    got_open = (await client.data(MEETING, {"id": str(opened.id)}))["meeting"]
    got_draft = (await client.data(MEETING, {"id": str(draft.id)}))["meeting"]
    # then
    assert (got_open is not None, got_draft is not None) == (sees_open, sees_draft)


async def test_a_meeting_seen_through_another_building_account_is_null(cast):
    meeting = await make_meeting(cast.world.building_y)
    body = await cast.resident.data(MEETING, {"id": str(meeting.id), "accountId": str(cast.world.account_x.id)})
    assert body["meeting"] is None


@pytest.mark.parametrize("who, count", [
    ("resident", 0), ("other_resident", 0), ("staff_x", 2), ("staff_y", 1), ("admin", 3), ("anon", 0),
])
async def test_company_meetings_per_role(cast, who, count):
    # given: two meetings of X (one a draft), one of Y
    await make_meeting(cast.world.building_x)
    await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT)
    await make_meeting(cast.world.building_y)
    # when
    body = await cast.by_name(who).gql(COMPANY_MEETINGS)
    # then
    assert body["data"]["companyMeetings"]["totalCount"] == count
    if who in ("resident", "other_resident", "anon"):
        assert body["extensions"]["denied"][0]["code"] in ("FORBIDDEN", "UNAUTHENTICATED")


def _create_vars(building) -> dict:
    start = NOW + dt.timedelta(days=1)
    return {"input": {"buildingId": str(building.id), "title": "Жылу жүйесін жөндеу", "description": "",
                      "opensAt": start.isoformat(), "closesAt": (start + dt.timedelta(days=14)).isoformat(),
                      "questions": ["Утвердить смету"]}}


@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("resident", "FORBIDDEN"), ("staff_y", "NOT_FOUND"), ("staff_x", None), ("admin", None),
])
async def test_create_per_role(cast, who, code):
    # when: a meeting of building X
    body = await cast.by_name(who).data(CREATE, _create_vars(cast.world.building_x))
    # then
    payload = body["meetingCreate"]
    if code is None:
        assert payload["errors"] == [] and payload["meeting"]["status"] == "DRAFT"
        assert payload["meeting"]["building"]["id"] == str(cast.world.building_x.id)
    else:
        assert codes(body, "meetingCreate") == [code]
        assert await Meeting.all().count() == 0


@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("resident", "FORBIDDEN"), ("staff_y", "NOT_FOUND"), ("staff_x", None), ("admin", None),
])
async def test_open_and_close_per_role(cast, who, code):
    # given
    meeting = await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT)
    client = cast.by_name(who)
    # when
    opened = await client.data(OPEN, {"id": str(meeting.id)})
    if code is not None:
        await Meeting.filter(id=meeting.id).update(status=MeetingStatus.OPEN)
    closed = await client.data(CLOSE, {"id": str(meeting.id)})
    # then
    if code is None:
        assert opened["meetingOpen"]["meeting"]["status"] == "OPEN"
        assert closed["meetingClose"]["meeting"]["status"] == "CLOSED"
    else:
        assert codes(opened, "meetingOpen") == [code] and codes(closed, "meetingClose") == [code]
        assert (await Meeting.get(id=meeting.id)).status is MeetingStatus.OPEN


@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("other_resident", "NOT_FOUND"), ("staff_x", "FORBIDDEN"), ("staff_y", "FORBIDDEN"),
    ("admin", "FORBIDDEN"), ("resident", None),
])
async def test_vote_per_role(cast, who, code):
    # given: voting for account_x's premises
    meeting = await make_meeting(cast.world.building_x)
    qids = await question_ids(meeting)
    # when
    body = await cast.by_name(who).data(VOTE, ballot(meeting, cast.world.account_x, qids, ["FOR"] * 3))
    # then
    if code is None:
        assert codes(body, "meetingVote") == []
        assert [q["myVote"] for q in body["meetingVote"]["meeting"]["questions"]] == ["FOR"] * 3
    else:
        assert codes(body, "meetingVote") == [code]
        assert await MeetingVote.all().count() == 0
