"""The author hears of take and close: in-app always, by SMS only when they opted in and the company
sends SMS; the open pages of the account and the company's back office hear of every change."""

from __future__ import annotations

import asyncio

import pytest

from backend.models.messaging import OutboxMessage
from backend.models.outages import ResidentPreferences
from tests.api.service_requests.helpers import CLOSE, TAKE, file, mutate
from tests.ws import GraphQLWebSocket

LIVE = "subscription($accountId: ID) { serviceRequestUpdated(accountId: $accountId) { number status closeComment } }"


async def _take_and_close(cast) -> dict:
    row = await file(cast.resident, cast.world.account_x)
    await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    await mutate(cast.staff_x, CLOSE, "serviceRequestClose", id=row["id"], comment="Готово")
    return row


async def test_an_opted_in_author_gets_an_sms_on_take_and_on_close_in_their_language(cast):
    # given
    await ResidentPreferences.create(user_id=cast.resident.user.id, sms_requests=True)
    cast.resident.user.locale = "ru"
    await cast.resident.user.save()
    # when
    await _take_and_close(cast)
    # then
    bodies = [m.body for m in await OutboxMessage.filter(recipient=cast.resident.user.phone, channel="sms").order_by("created_at")]
    assert bodies == ["Shanyraq: ваше обращение №1 принято в работу. Подробнее в личном кабинете.",
                      "Shanyraq: ваше обращение №1 закрыто. Оцените работу в личном кабинете."]


async def test_kazakh_is_the_default_language_of_the_sms(cast):
    # given
    await ResidentPreferences.create(user_id=cast.resident.user.id, sms_requests=True)
    # when
    row = await file(cast.resident, cast.world.account_x)
    await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    # then
    message = await OutboxMessage.get(recipient=cast.resident.user.phone)
    assert message.body == "Shanyraq: №1 өтінішіңіз жұмысқа алынды. Толығырақ жеке кабинетте."


@pytest.mark.parametrize("case", ["not_opted_in", "outages_only", "company_without_sms"])
async def test_no_sms_without_opt_in_or_where_the_company_sends_none(cast, case):
    # given
    if case == "outages_only":
        await ResidentPreferences.create(user_id=cast.resident.user.id, sms_outages=True)
    if case == "company_without_sms":
        await ResidentPreferences.create(user_id=cast.resident.user.id, sms_requests=True)
        cast.world.company_x.sms_enabled = False
        await cast.world.company_x.save()
    # when
    await _take_and_close(cast)
    # then
    assert await OutboxMessage.filter(channel="sms").count() == 0


async def test_filing_and_editing_send_no_sms(cast):
    # given
    await ResidentPreferences.create(user_id=cast.resident.user.id, sms_requests=True)
    # when
    await file(cast.resident, cast.world.account_x)
    # then
    assert await OutboxMessage.filter(channel="sms").count() == 0


async def test_the_residents_open_page_hears_of_take_and_close(live_server, cast):
    # given
    row = await file(cast.resident, cast.world.account_x)
    socket = await GraphQLWebSocket.connect(live_server, cast.resident.token)
    await socket.subscribe(LIVE, {"accountId": str(cast.world.account_x.id)})
    await asyncio.sleep(0.1)
    # when
    await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=row["id"])
    taken = await socket.next_message()
    await mutate(cast.staff_x, CLOSE, "serviceRequestClose", id=row["id"], comment="Трубу заменили")
    closed = await socket.next_message()
    # then
    assert taken["payload"]["data"]["serviceRequestUpdated"] == {"number": 1, "status": "IN_WORK", "closeComment": ""}
    assert closed["payload"]["data"]["serviceRequestUpdated"] == {"number": 1, "status": "CLOSED", "closeComment": "Трубу заменили"}
    await socket.close()


async def test_the_back_office_hears_of_new_requests_of_its_company_only(live_server, cast):
    # given
    x = await GraphQLWebSocket.connect(live_server, cast.staff_x.token)
    y = await GraphQLWebSocket.connect(live_server, cast.staff_y.token)
    await x.subscribe(LIVE)
    await y.subscribe(LIVE)
    await asyncio.sleep(0.1)
    # when
    await file(cast.resident, cast.world.account_x)
    # then
    assert (await x.next_message())["payload"]["data"]["serviceRequestUpdated"]["status"] == "NEW"
    with pytest.raises(asyncio.TimeoutError):
        await y.next_message(timeout=0.5)
    await x.close()
    await y.close()


async def test_another_resident_cannot_listen_to_an_account_not_theirs(live_server, cast):
    # when
    socket = await GraphQLWebSocket.connect(live_server, cast.other_resident.token)
    await socket.subscribe(LIVE, {"accountId": str(cast.world.account_x.id)})
    message = await socket.next_message()
    # then
    assert message["payload"]["data"] is None
    assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == ["FORBIDDEN"]
    await socket.close()
