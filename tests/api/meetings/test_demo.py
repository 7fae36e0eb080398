"""The demo's meetings: an open one the demo resident can vote in on the e2e server's day, with its
estimate PDF, and a closed one with results; seeding twice adds nothing."""

from __future__ import annotations

from backend import clock
from backend.demo_cabinet import accounts, meetings
from backend.models.housing import PersonalAccount
from backend.models.identity import User
from backend.models.meetings import Meeting
from backend.models.notifications import Notification
from backend.services.request_info import RequestInfo
from backend.services.sessions import open_session
from backend.services.tx import atomic
from tests.api.meetings.helpers import ACCOUNT_MEETINGS, VOTE
from tests.api.meters.helpers import almaty
from tests.helpers import create_user


async def test_the_demo_resident_votes_in_the_open_meeting_and_reads_the_closed_ones_results(rt, anon):
    # given
    await create_user("uk_staff", email=accounts.STAFF_EMAIL)
    with clock.at(almaty(2026, 12, 3)):
        await accounts.seed(rt, "Shanyraq-Demo-2026!")
        for _ in range(2):
            await meetings.seed(rt)
    demo = await User.get(phone=accounts.RESIDENT_PHONE)
    async with atomic():
        anon.token = (await open_session(rt, demo, "phone", RequestInfo(ip="127.0.0.1"), announce=False)).access_token
    account_id = str((await PersonalAccount.get(number="10117")).id)
    assert await Meeting.all().count() == 2
    assert await Notification.filter(user_id=demo.id, kind="MEETING_OPENED").count() == 1
    # when: on the e2e server's day
    with clock.at(almaty(2026, 12, 8, 10)):
        listed = (await anon.data(ACCOUNT_MEETINGS, {"accountId": account_id}))["accountMeetings"]
        opened, closed = listed
        vote = await anon.data(VOTE, {"input": {"meetingId": opened["id"], "accountId": account_id,
                                                "votes": [{"questionId": q["id"], "choice": "FOR"} for q in opened["questions"]]}})
    # then
    assert (opened["title"], opened["status"], opened["canVote"]) == (meetings.OPEN_TITLE, "OPEN", True)
    assert len(opened["questions"]) == 3 and [q["result"] for q in opened["questions"]] == [None] * 3
    [document] = opened["documents"]
    assert document["contentType"] == "application/pdf" and document["size"] > 1000 and document["url"]
    assert (closed["status"], [q["myVote"] for q in closed["questions"]]) == ("CLOSED", ["FOR", "FOR"])
    assert [(q["result"]["forArea"], q["result"]["totalArea"], q["result"]["decided"]) for q in closed["questions"]] == [
        ("183.80", "337.60", True), ("109.70", "337.60", False)]
    assert vote["meetingVote"]["errors"] == [] and vote["meetingVote"]["meeting"]["canVote"] is False
