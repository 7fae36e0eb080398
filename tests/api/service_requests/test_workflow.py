"""The life of a request: edit and cancel while NEW by the author, take and close by the staff of its
company, rate once when CLOSED; every wrong move refused with a stable code and nothing changed."""

from __future__ import annotations

import asyncio

import pytest

from backend.models.history import HistoryEvent
from backend.models.notifications import Notification
from backend.models.service_requests import ServiceRequest
from tests.api.service_requests.helpers import (
    CANCEL, CLOSE, ONE, RATE, TAKE, UPDATE, codes, file, mutate, tomorrow, type_id,
)


async def _in_work(cast) -> dict:
    row = await file(cast.resident, cast.world.account_x)
    payload = await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    assert payload["errors"] == []
    return payload["serviceRequest"]


async def _closed(cast) -> dict:
    row = await _in_work(cast)
    payload = await mutate(cast.staff_x, CLOSE, "serviceRequestClose", id=row["id"], comment="Трубу заменили")
    assert payload["errors"] == []
    return payload["serviceRequest"]


async def test_the_author_edits_a_new_request(cast):
    # given
    row = await file(cast.resident, cast.world.account_x, visitDate=tomorrow())
    # when
    payload = await mutate(cast.resident, UPDATE, "serviceRequestUpdate", id=row["id"], content="Прорвало трубу в ванной",
                           typeId=await type_id("sewerage"), visitFrom="09:00", visitTo="12:00")
    # then
    assert payload["errors"] == []
    changed = payload["serviceRequest"]
    assert (changed["content"], changed["type"]["code"], changed["visitDate"], changed["visitFrom"]) == (
        "Прорвало трубу в ванной", "sewerage", tomorrow(), "09:00")
    assert [h["action"] for h in changed["history"]] == ["created", "updated"]
    event = await HistoryEvent.filter(entity="service_request", action="updated").first()
    assert event.data["changes"]["content"] == {"old": "Прорвало трубы", "new": "Прорвало трубу в ванной"}


async def test_an_edit_clears_the_visit_with_null(cast):
    # given
    row = await file(cast.resident, cast.world.account_x, visitDate=tomorrow(), visitFrom="08:00", visitTo="11:00")
    # when
    payload = await mutate(cast.resident, UPDATE, "serviceRequestUpdate", id=row["id"], visitDate=None, visitFrom=None,
                           visitTo=None)
    # then
    assert payload["errors"] == []
    assert (payload["serviceRequest"]["visitDate"], payload["serviceRequest"]["visitFrom"]) == (None, None)


@pytest.mark.parametrize("who", ["co_owner", "other_resident"])
async def test_only_the_author_edits(cast, who):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    payload = await mutate(cast.by_name(who), UPDATE, "serviceRequestUpdate", id=row["id"], content="Чужая правка")
    # then: the co-owner sees the request but may not change it; another resident does not even see it
    assert codes(payload) == (["NOT_ALLOWED"] if who == "co_owner" else ["NOT_FOUND"])
    assert (await ServiceRequest.get(id=row["id"])).content == "Прорвало трубы"


async def test_edit_after_take_is_refused_with_wrong_status(cast):
    # given
    row = await _in_work(cast)
    # when
    payload = await mutate(cast.resident, UPDATE, "serviceRequestUpdate", id=row["id"], content="Поздно")
    # then
    assert payload["errors"] == [{"field": "id", "code": "WRONG_STATUS", "params": {"status": "in_work", "expected": "new"}}]
    seen = (await cast.resident.data(ONE, {"id": row["id"]}))["serviceRequest"]
    assert seen["content"] == "Прорвало трубы" and not seen["canEdit"] and not seen["canCancel"]


async def test_the_author_cancels_a_new_request(cast):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    payload = await mutate(cast.resident, CANCEL, "serviceRequestCancel", id=row["id"])
    # then
    assert payload["errors"] == [] and payload["serviceRequest"]["status"] == "CANCELLED"
    assert [h["action"] for h in payload["serviceRequest"]["history"]] == ["created", "cancelled"]
    again = await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    assert codes(again) == ["WRONG_STATUS"]


async def test_cancel_in_work_is_refused(cast):
    # given
    row = await _in_work(cast)
    # when
    payload = await mutate(cast.resident, CANCEL, "serviceRequestCancel", id=row["id"])
    # then
    assert payload["errors"][0]["code"] == "WRONG_STATUS"
    assert (await ServiceRequest.get(id=row["id"])).status.value == "in_work"


async def test_staff_of_the_company_take_and_close_and_the_author_is_told(cast):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    taken = await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    closed = await mutate(cast.staff_x, CLOSE, "serviceRequestClose", id=row["id"], comment="  Трубу заменили  ")
    # then
    assert taken["serviceRequest"]["status"] == "IN_WORK"
    assert taken["serviceRequest"]["takenByName"] == cast.staff_x.user.full_name
    request = closed["serviceRequest"]
    assert (request["status"], request["closeComment"], request["canRate"]) == ("CLOSED", "Трубу заменили", False)
    assert [(h["action"], h["comment"]) for h in request["history"]] == [
        ("created", ""), ("taken", ""), ("closed", "Трубу заменили")]
    told = await Notification.filter(user_id=cast.resident.user.id, kind="SERVICE_REQUEST_CHANGED").order_by("created_at")
    assert [n.params for n in told] == [
        {"requestId": row["id"], "accountId": str(cast.world.account_x.id), "number": 1, "status": s}
        for s in ("in_work", "closed")]
    assert await Notification.filter(user_id=cast.co_owner.user.id).count() == 0


async def test_close_needs_a_comment(cast):
    # given
    row = await _in_work(cast)
    # when
    payload = await mutate(cast.staff_x, CLOSE, "serviceRequestClose", id=row["id"], comment="  ")
    # then
    assert payload["errors"] == [{"field": "comment", "code": "REQUIRED", "params": None}]
    assert (await ServiceRequest.get(id=row["id"])).status.value == "in_work"


async def test_a_new_request_cannot_be_closed_nor_taken_twice(cast):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    early = await mutate(cast.staff_x, CLOSE, "serviceRequestClose", id=row["id"], comment="Готово")
    await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    twice = await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    # then
    assert early["errors"][0]["params"] == {"status": "new", "expected": "in_work"}
    assert twice["errors"][0]["params"] == {"status": "in_work", "expected": "new"}
    assert await HistoryEvent.filter(entity="service_request", action="taken").count() == 1


@pytest.mark.parametrize(("who", "code"), [
    ("staff_y", "NOT_FOUND"), ("admin", "FORBIDDEN"), ("resident", "FORBIDDEN"), ("anon", "UNAUTHENTICATED")])
async def test_only_staff_of_the_requests_company_take_it(cast, who, code):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    taken = await mutate(cast.by_name(who), TAKE, "serviceRequestTake", id=row["id"])
    # then
    assert codes(taken) == [code]
    assert (await ServiceRequest.get(id=row["id"])).status.value == "new"


@pytest.mark.parametrize(("who", "code"), [("staff_y", "NOT_FOUND"), ("admin", "FORBIDDEN")])
async def test_only_staff_of_the_requests_company_close_it(cast, who, code):
    # given
    row = await _in_work(cast)
    # when
    closed = await mutate(cast.by_name(who), CLOSE, "serviceRequestClose", id=row["id"], comment="Готово")
    # then
    assert codes(closed) == [code]


async def test_the_author_rates_a_closed_request_once(cast):
    # given
    row = await _closed(cast)
    # when
    rated = await mutate(cast.resident, RATE, "serviceRequestRate", id=row["id"], rating=5, comment="Молодцы!")
    twice = await mutate(cast.resident, RATE, "serviceRequestRate", id=row["id"], rating=1)
    # then
    request = rated["serviceRequest"]
    assert (request["rating"], request["ratingNotDone"], request["ratingComment"], request["canRate"]) == (5, False, "Молодцы!", False)
    assert request["history"][-1] == {"action": "rated", "actorName": cast.resident.user.full_name, "comment": "Молодцы!"}
    assert codes(twice) == ["ALREADY_RATED"]
    assert (await ServiceRequest.get(id=row["id"])).rating == 5


async def test_not_done_is_a_rating_of_its_own(cast):
    # given
    row = await _closed(cast)
    # when
    rated = await mutate(cast.resident, RATE, "serviceRequestRate", id=row["id"], notDone=True, comment="Всё течёт")
    # then
    assert (rated["serviceRequest"]["rating"], rated["serviceRequest"]["ratingNotDone"]) == (None, True)


async def test_rate_before_close_is_refused(cast):
    # given
    row = await _in_work(cast)
    # when
    payload = await mutate(cast.resident, RATE, "serviceRequestRate", id=row["id"], rating=4)
    # then
    assert payload["errors"][0] == {"field": "id", "code": "WRONG_STATUS", "params": {"status": "in_work", "expected": "closed"}}


@pytest.mark.parametrize(("data", "field", "code"), [
    ({"rating": 6}, "rating", "OUT_OF_RANGE"), ({"rating": 0}, "rating", "OUT_OF_RANGE"), ({}, "rating", "REQUIRED"),
    ({"rating": 3, "notDone": True}, "rating", "RATING_CONFLICT"), ({"rating": 3, "comment": "я" * 1001}, "comment", "TOO_LONG"),
])
async def test_a_bad_rating_is_refused(cast, data, field, code):
    # given
    row = await _closed(cast)
    # when
    payload = await mutate(cast.resident, RATE, "serviceRequestRate", id=row["id"], **data)
    # then
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
    assert (await ServiceRequest.get(id=row["id"])).rated_at is None


@pytest.mark.parametrize(("who", "code"), [("co_owner", "NOT_ALLOWED"), ("other_resident", "NOT_FOUND"),
                                           ("staff_x", "FORBIDDEN")])
async def test_only_the_author_rates(cast, who, code):
    # given
    row = await _closed(cast)
    # when
    payload = await mutate(cast.by_name(who), RATE, "serviceRequestRate", id=row["id"], rating=1)
    # then
    assert codes(payload) == [code]


@pytest.mark.parametrize(("who", "code"), [("co_owner", "NOT_ALLOWED"), ("other_resident", "NOT_FOUND"),
                                           ("staff_x", "FORBIDDEN"), ("anon", "UNAUTHENTICATED")])
async def test_only_the_author_cancels(cast, who, code):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    payload = await mutate(cast.by_name(who), CANCEL, "serviceRequestCancel", id=row["id"])
    # then
    assert codes(payload) == [code]
    assert (await ServiceRequest.get(id=row["id"])).status.value == "new"


async def test_a_co_owner_sees_the_request_but_may_not_act_on_it(cast):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    seen = (await cast.co_owner.data(ONE, {"id": row["id"]}))["serviceRequest"]
    # then
    assert (seen["content"], seen["canEdit"], seen["canCancel"], seen["canRate"]) == ("Прорвало трубы", False, False, False)


async def test_two_workers_taking_at_once_one_wins(cast, app, rt):
    # given
    row = await file(cast.resident, cast.world.account_x)
    # when
    results = await asyncio.gather(*(mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"]) for _ in range(2)))
    # then
    assert sorted(tuple(codes(r)) for r in results) == [(), ("WRONG_STATUS",)]
    assert await HistoryEvent.filter(entity="service_request", action="taken").count() == 1
    assert await Notification.filter(kind="SERVICE_REQUEST_CHANGED").count() == 1
