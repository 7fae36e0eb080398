"""The officer's review on the emergency-housing path (3 working days): the back office's list, a
refusal that becomes a preliminary decision with a hearing, bad input, and who may review."""

from __future__ import annotations

from backend import clock
from backend.models.queue import QueueStatus
from tests.api.queue.decisions_world import (  # noqa: F401 - fixtures
    application,
    almaty,
    make_application,
    world,
)

REVIEW = """mutation($i: QueueOfficeReviewInput!) { queueOfficeReview(input: $i) {
  application { id status } errors { field code params } } }"""
OFFICE = """query($s: QueueStatus) { queueOfficeApplications(status: $s) { totalCount edges { node { id status } } } }"""


async def _in_review(world, **kw):
    with clock.at(almaty(2026, 12, 1, 10, 0)):
        return await make_application(world.citizen.user, status=QueueStatus.IN_REVIEW, emergency=True,
                                      filed_at=clock.now(), **kw)


def _codes(body) -> list[str]:
    return [e["code"] for e in body["queueOfficeReview"]["errors"]]


async def test_the_office_lists_applications_by_status_and_nobody_else_does(world):
    app = await _in_review(world)
    with clock.at(almaty(2026, 12, 1, 11, 0)):
        listed = (await world.officer.data(OFFICE, {"s": "IN_REVIEW"}))["queueOfficeApplications"]
        assert listed["totalCount"] == 1 and listed["edges"][0]["node"]["id"] == str(app.id)
        assert (await world.officer.data(OFFICE, {"s": "FILED"}))["queueOfficeApplications"]["totalCount"] == 0
        for somebody in (world.citizen, world.other, world.anon):
            body = await somebody.gql(OFFICE, {"s": None})
            assert body["data"]["queueOfficeApplications"]["totalCount"] == 0
            assert body["extensions"]["denied"][0]["code"] in ("FORBIDDEN", "UNAUTHENTICATED")


async def test_a_refusal_on_review_opens_a_preliminary_decision_and_a_hearing(world):
    app = await _in_review(world)
    with clock.at(almaty(2026, 12, 3, 16, 0)):  # Thursday, the third working day
        body = await world.officer.data(REVIEW, {"i": {
            "applicationId": str(app.id), "eligible": False, "reasons": ["TECHNICAL_CONCLUSION_MISSING"],
            "comment": "The uploaded file is not an expert's conclusion."}})
        assert _codes(body) == [] and body["queueOfficeReview"]["application"]["status"] == "HEARING"
        seen = await application(world.citizen, str(app.id))
    hearing = seen["hearing"]
    assert [r["code"] for r in hearing["reasons"]] == ["TECHNICAL_CONCLUSION_MISSING"]
    assert hearing["reasons"][0]["explanation"]
    # Thursday's notice: the hearing on Monday (after the weekend), the result due on Tuesday.
    assert (hearing["noticeDate"], hearing["hearingDue"], hearing["finalDecisionDue"]) == (
        "2026-12-03", "2026-12-07", "2026-12-08")
    assert "office_review" in [h["action"] for h in seen["history"]]


async def test_bad_reviews_change_nothing(world):
    app = await _in_review(world)
    cases = [
        ({"eligible": False, "reasons": [], "comment": "x"}, ["REQUIRED"]),
        ({"eligible": False, "reasons": ["NO_SUCH_GROUND"], "comment": "x"}, ["INVALID"]),
        ({"eligible": True, "reasons": ["STATE_HOUSING"], "comment": ""}, ["INVALID"]),
        ({"eligible": False, "reasons": ["STATE_HOUSING"], "comment": "  "}, ["REQUIRED"]),
        ({"eligible": False, "reasons": ["STATE_HOUSING"], "comment": "x" * 5001}, ["TOO_LONG"]),
    ]
    with clock.at(almaty(2026, 12, 1, 12, 0)):
        for data, codes in cases:
            body = await world.officer.data(REVIEW, {"i": {"applicationId": str(app.id), **data}})
            assert _codes(body) == codes, data
        assert (await application(world.officer, str(app.id)))["status"] == "IN_REVIEW"
        missing = await world.officer.data(REVIEW, {"i": {"applicationId": "nope", "eligible": True, "reasons": [],
                                                          "comment": ""}})
        assert _codes(missing) == ["NOT_FOUND"]


async def test_only_an_application_in_review_is_reviewed_once(world):
    app = await _in_review(world)
    data = {"i": {"applicationId": str(app.id), "eligible": True, "reasons": [], "comment": ""}}
    with clock.at(almaty(2026, 12, 1, 12, 0)):
        assert _codes(await world.officer.data(REVIEW, data)) == []
        assert _codes(await world.officer.data(REVIEW, data)) == ["WRONG_STATUS"]
        filed = await make_application(world.citizen.user, filed_at=clock.now())
        data["i"]["applicationId"] = str(filed.id)
        assert _codes(await world.officer.data(REVIEW, data)) == ["WRONG_STATUS"]


async def test_only_the_office_reviews(world):
    app = await _in_review(world)
    data = {"i": {"applicationId": str(app.id), "eligible": True, "reasons": [], "comment": ""}}
    with clock.at(almaty(2026, 12, 1, 12, 0)):
        assert _codes(await world.citizen.data(REVIEW, data)) == ["FORBIDDEN"]
        assert _codes(await world.other.data(REVIEW, data)) == ["FORBIDDEN"]
        assert _codes(await world.anon.data(REVIEW, data)) == ["UNAUTHENTICATED"]
        assert (await application(world.citizen, str(app.id)))["status"] == "IN_REVIEW"
