"""accountMeetings with questions, myVote, results and documents costs the same statements for 1 or 5 meetings."""

from __future__ import annotations

from backend import clock
from backend.models.meetings import MeetingStatus, MeetingVote, VoteChoice
from tests.api.meetings.helpers import ACCOUNT_MEETINGS, NOW, make_meeting, question_ids
from tests.sqlcount import statements


async def test_the_statement_count_does_not_grow_with_meetings(cast):
    # given: one closed meeting in building X, five in building Y (open and closed, voted, with documents)
    await make_meeting(cast.world.building_x, documents=2, status=MeetingStatus.CLOSED)
    account_y = cast.world.account_y
    for i in range(5):
        meeting = await make_meeting(cast.world.building_y, documents=2,
                                     status=MeetingStatus.CLOSED if i % 2 else MeetingStatus.OPEN)
        for qid in await question_ids(meeting):
            await MeetingVote.create(question_id=qid, unit_id=account_y.unit_id, account=account_y, choice=VoteChoice.FOR,
                                     weight=account_y.account_area)
    with clock.at(NOW):
        await cast.resident.data(ACCOUNT_MEETINGS, {"accountId": str(cast.world.account_x.id)})  # warm-up
        # when
        with statements() as for_one:
            one = await cast.resident.data(ACCOUNT_MEETINGS, {"accountId": str(cast.world.account_x.id)})
        with statements() as for_five:
            five = await cast.other_resident.data(ACCOUNT_MEETINGS, {"accountId": str(account_y.id)})
    # then
    assert len(one["accountMeetings"]) == 1 and len(five["accountMeetings"]) == 5
    assert all(q["myVote"] == "FOR" for m in five["accountMeetings"] for q in m["questions"])
    assert all(len(m["documents"]) == 2 for m in five["accountMeetings"])
    assert {m["status"] for m in five["accountMeetings"]} == {"OPEN", "CLOSED"}
    assert len(for_five) == len(for_one), (for_one, for_five)
