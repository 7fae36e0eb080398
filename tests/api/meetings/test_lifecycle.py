"""Calling, opening and closing a meeting: the form's rules, documents from uploads, the residents'
notifications, the closing job at closesAt, and the history of each step."""

from __future__ import annotations

import datetime as dt

import pytest

from backend import clock
from backend.models.history import HistoryEvent
from backend.models.jobs import ScheduledJob
from backend.models.meetings import Meeting, MeetingDocument, MeetingQuestion, MeetingStatus
from backend.models.notifications import Notification
from backend.models.uploads import Upload, UploadStatus
from backend.services import scheduler
from tests.api.meetings.helpers import (
    ACCOUNT_MEETINGS, CLOSE, CREATE, NOW, OPEN, VOTE, ballot, codes, make_meeting, question_ids,
)
from tests.cabinet_world import link
from tests.files.tus import Tus, pdf


@pytest.fixture(autouse=True)
def _clock():
    with clock.at(NOW):
        yield


def _vars(building, **over) -> dict:
    start = NOW + dt.timedelta(days=1)
    data = {"buildingId": str(building.id), "title": "Жылу жүйесін жөндеу / Ремонт системы отопления",
            "description": "Смета во вложении", "opensAt": start.isoformat(),
            "closesAt": (start + dt.timedelta(days=14)).isoformat(),
            "questions": ["Утвердить смету", "Выбрать подрядчика", "Утвердить сроки"]}
    data.update(over)
    return {"input": data}


async def test_a_meeting_is_created_as_a_draft_with_its_agenda_in_order(cast):
    body = await cast.staff_x.data(CREATE, _vars(cast.world.building_x))
    payload = body["meetingCreate"]
    assert payload["errors"] == []
    assert payload["meeting"]["status"] == "DRAFT"
    assert [(q["position"], q["text"]) for q in payload["meeting"]["questions"]] == [
        (1, "Утвердить смету"), (2, "Выбрать подрядчика"), (3, "Утвердить сроки")]
    events = await HistoryEvent.filter(entity="meeting", entity_id=payload["meeting"]["id"])
    assert [(e.action, e.actor_id) for e in events] == [("created", cast.staff_x.user.id)]


@pytest.mark.parametrize("over, errors", [
    ({"title": "  "}, [("title", "REQUIRED")]),
    ({"title": "x" * 301}, [("title", "TOO_LONG")]),
    ({"closesAt": (NOW + dt.timedelta(days=1)).isoformat()}, [("closesAt", "ENDS_BEFORE_START")]),
    ({"opensAt": (NOW - dt.timedelta(days=9)).isoformat(), "closesAt": (NOW - dt.timedelta(days=1)).isoformat()},
     [("closesAt", "DATE_IN_PAST")]),
    ({"questions": []}, [("questions", "REQUIRED")]),
    ({"questions": [f"q{i}" for i in range(31)]}, [("questions", "TOO_MANY")]),
    ({"questions": ["ok", " "]}, [("questions.1", "REQUIRED")]),
    ({"title": "", "questions": []}, [("title", "REQUIRED"), ("questions", "REQUIRED")]),
])
async def test_a_bad_form_is_refused_whole_and_nothing_is_saved(cast, over, errors):
    body = await cast.staff_x.data(CREATE, _vars(cast.world.building_x, **over))
    assert [(e["field"], e["code"]) for e in body["meetingCreate"]["errors"]] == errors
    assert await Meeting.all().count() == 0 and await MeetingQuestion.all().count() == 0


async def test_thirty_questions_are_allowed(cast):
    body = await cast.staff_x.data(CREATE, _vars(cast.world.building_x, questions=[f"q{i}" for i in range(30)]))
    assert body["meetingCreate"]["errors"] == [] and len(body["meetingCreate"]["meeting"]["questions"]) == 30


async def test_documents_come_from_the_staffs_finished_uploads(cast):
    # given: a finished PDF upload of staff X
    tus = Tus(cast.staff_x.http, cast.staff_x.token)
    upload_id = await tus.upload(pdf(5000), filename="Смета.pdf")
    # when
    body = await cast.staff_x.data(CREATE, _vars(cast.world.building_x, documentUploadIds=[upload_id]))
    # then
    payload = body["meetingCreate"]
    assert payload["errors"] == []
    [document] = payload["meeting"]["documents"]
    assert (document["title"], document["contentType"], document["size"]) == ("Смета.pdf", "application/pdf", 5000)
    assert document["url"].startswith("/files/")
    assert (await Upload.get(id=upload_id)).status is UploadStatus.ATTACHED


async def test_another_persons_or_an_unknown_upload_refuses_the_meeting_and_keeps_the_uploads(cast):
    # given: staff Y's upload, and one of staff X
    theirs = await Tus(cast.staff_y.http, cast.staff_y.token).upload(pdf(3000), filename="a.pdf")
    mine = await Tus(cast.staff_x.http, cast.staff_x.token).upload(pdf(3000), filename="b.pdf")
    # when
    body = await cast.staff_x.data(CREATE, _vars(cast.world.building_x, documentUploadIds=[mine, theirs]))
    # then: nothing is created and my upload is still mine to use
    assert [(e["field"], e["code"]) for e in body["meetingCreate"]["errors"]] == [("documentUploadIds.1", "UPLOAD_NOT_FOUND")]
    assert await Meeting.all().count() == 0 and await MeetingDocument.all().count() == 0
    assert (await Upload.get(id=mine)).status is UploadStatus.COMPLETE


async def test_opening_notifies_every_resident_with_a_confirmed_link_in_the_building(cast):
    # given: the resident (account_x), a pending link on account_x2, and the other resident in building Y
    from backend.models.housing import AccountLinkStatus

    await link(cast.other_resident.user, cast.world.account_x2, AccountLinkStatus.PENDING)
    meeting = await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT)
    # when
    body = await cast.staff_x.data(OPEN, {"id": str(meeting.id)})
    # then
    assert body["meetingOpen"]["meeting"]["status"] == "OPEN"
    notes = await Notification.filter(kind="MEETING_OPENED")
    assert [(n.user_id, n.params) for n in notes] == [(cast.resident.user.id, {
        "meetingId": str(meeting.id), "accountId": str(cast.world.account_x.id), "title": meeting.title,
        "closesAt": meeting.closes_at.isoformat()})]
    job = await ScheduledJob.get(kind="meeting_close", ref=str(meeting.id))
    assert job.run_at == meeting.closes_at
    assert [e.action for e in await HistoryEvent.filter(entity="meeting", entity_id=str(meeting.id))] == ["opened"]


@pytest.mark.parametrize("status", [MeetingStatus.OPEN, MeetingStatus.CLOSED])
async def test_only_a_draft_opens(cast, status):
    meeting = await make_meeting(cast.world.building_x, status=status)
    body = await cast.staff_x.data(OPEN, {"id": str(meeting.id)})
    assert [(e["code"], e["params"]) for e in body["meetingOpen"]["errors"]] == [("WRONG_STATUS", {"status": status.name})]


@pytest.mark.parametrize("status", [MeetingStatus.DRAFT, MeetingStatus.CLOSED])
async def test_only_an_open_meeting_closes(cast, status):
    meeting = await make_meeting(cast.world.building_x, status=status)
    body = await cast.staff_x.data(CLOSE, {"id": str(meeting.id)})
    assert codes(body, "meetingClose") == ["WRONG_STATUS"]
    assert (await Meeting.get(id=meeting.id)).status is status


async def test_results_reach_residents_only_once_closed_and_staff_always(cast):
    # given: the resident voted FOR on every question
    meeting = await make_meeting(cast.world.building_x)
    await cast.resident.data(VOTE, ballot(meeting, cast.world.account_x, await question_ids(meeting), ["FOR"] * 3))
    account = {"accountId": str(cast.world.account_x.id)}
    # when / then: while open
    resident_view = (await cast.resident.data(ACCOUNT_MEETINGS, account))["accountMeetings"][0]
    staff_view = (await cast.staff_x.data(ACCOUNT_MEETINGS, account))["accountMeetings"][0]
    assert [q["result"] for q in resident_view["questions"]] == [None] * 3
    assert staff_view["questions"][0]["result"]["forArea"] == "61.00"
    # when: staff close it
    closed = await cast.staff_x.data(CLOSE, {"id": str(meeting.id)})
    # then: 61.00 of 109.50 m² is more than half
    assert [q["result"] for q in closed["meetingClose"]["meeting"]["questions"]] == [{"forArea": "61.00", "decided": True}] * 3
    result = (await cast.resident.data(ACCOUNT_MEETINGS, account))["accountMeetings"][0]["questions"][0]["result"]
    assert result == {"forArea": "61.00", "againstArea": "0.00", "abstainArea": "0.00", "votedArea": "61.00",
                      "totalArea": "109.50", "forShare": "0.5571", "decided": True}
    [closing] = await HistoryEvent.filter(entity="meeting", entity_id=str(meeting.id), action="closed")
    assert closing.actor_id == cast.staff_x.user.id and closing.data["by"] == "staff"
    assert {r["forArea"] for r in closing.data["results"].values()} == {"61.00"}


async def test_the_meeting_closes_itself_at_closes_at(cast, rt):
    # given: opened by staff, ending on the 20th
    meeting = await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT,
                                 closes_at=NOW + dt.timedelta(days=10))
    await cast.staff_x.data(OPEN, {"id": str(meeting.id)})
    # when: the scheduler runs before the end, then after it
    before = await scheduler.run_due(rt)
    with clock.at(NOW + dt.timedelta(days=10, minutes=1)):
        after = await scheduler.run_due(rt)
        again = await scheduler.run_due(rt)
    # then
    assert (before, after, again) == (0, 1, 0)
    row = await Meeting.get(id=meeting.id)
    assert row.status is MeetingStatus.CLOSED and row.closed_at is not None
    [closing] = await HistoryEvent.filter(entity="meeting", entity_id=str(meeting.id), action="closed")
    assert closing.actor_id is None and closing.data["by"] == "schedule"


async def test_the_job_leaves_a_meeting_closed_by_staff_alone(cast, rt):
    meeting = await make_meeting(cast.world.building_x, status=MeetingStatus.DRAFT, closes_at=NOW + dt.timedelta(days=1))
    await cast.staff_x.data(OPEN, {"id": str(meeting.id)})
    await cast.staff_x.data(CLOSE, {"id": str(meeting.id)})
    with clock.at(NOW + dt.timedelta(days=2)):
        assert await scheduler.run_due(rt) == 1  # the job ran, and found nothing to do
    closings = await HistoryEvent.filter(entity="meeting", entity_id=str(meeting.id), action="closed")
    assert [c.data["by"] for c in closings] == ["staff"]
