"""Outage notices: staff publish for a building of their company; every resident with a confirmed link
in that building is told in-app at once (batched inserts), SMS only to those who opted in."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from backend import clock
from backend.models.history import HistoryEvent
from backend.models.housing import AccountLink, AccountLinkMethod, AccountLinkStatus
from backend.models.identity import User
from backend.models.messaging import OutboxMessage
from backend.models.notifications import Notification
from backend.models.outages import OutageKind, OutageNotice, ResidentPreferences
from backend.services.outages import notices
from tests.cabinet_world import link, make_building, make_personal_account
from tests.sqlcount import statements

PUBLISH = """mutation($input: OutageNoticePublishInput!) { outageNoticePublish(input: $input) {
  outage { id kind text startsAt endsAt notified smsSent current building { id address } } errors { field code params } } }"""
ACCOUNT = "query($id: ID!) { accountOutages(accountId: $id) { id kind text current } }"
COMPANY = "{ companyOutages { totalCount edges { node { id text notified smsSent building { id } } } } }"
BUILDINGS = "{ companyBuildings { id city street house } }"
NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.timezone.utc)


def _input(building, **over) -> dict:
    data = {"buildingId": str(building.id), "kind": "HOT_WATER", "text": "Горячей воды не будет: ремонт теплотрассы",
            "startsAt": "2026-12-03T09:00:00+05:00", "endsAt": "2026-12-04T18:00:00+05:00"}
    data.update(over)
    return data


async def _publish(client, building, **over) -> dict:
    return (await client.data(PUBLISH, {"input": _input(building, **over)}))["outageNoticePublish"]


@pytest.fixture(autouse=True)
def today():
    clock.travel_to(NOW)


async def test_every_resident_of_the_building_is_told_and_only_the_opted_in_get_an_sms(cast):
    # given: the resident and the co-owner of account_x are in building_x; a pending claimant of account_x2 is not
    # confirmed; other_resident lives in company Y's building; someone in another building of company X
    await ResidentPreferences.create(user_id=cast.resident.user.id, sms_outages=True)
    await ResidentPreferences.create(user_id=cast.co_owner.user.id, sms_requests=True)
    await ResidentPreferences.create(user_id=cast.other_resident.user.id, sms_outages=True)
    pending = await User.create(phone="+77051112233", full_name="Ожидающий")
    await link(pending, cast.world.account_x2, AccountLinkStatus.PENDING)
    elsewhere = await User.create(phone="+77051112244", full_name="Сосед")
    await link(elsewhere, await make_personal_account(await make_building(cast.world.company_x, house="3"), "9", "30009"))
    # when
    payload = await _publish(cast.staff_x, cast.world.building_x)
    # then
    assert payload["errors"] == []
    outage = payload["outage"]
    assert (outage["kind"], outage["notified"], outage["smsSent"], outage["current"]) == ("HOT_WATER", 2, 1, True)
    told = {n.user_id: n.params for n in await Notification.filter(kind="OUTAGE_NOTICE")}
    assert set(told) == {cast.resident.user.id, cast.co_owner.user.id}
    assert told[cast.resident.user.id] == {
        "outageId": outage["id"], "accountId": str(cast.world.account_x.id), "kind": "hot_water",
        "text": "Горячей воды не будет: ремонт теплотрассы", "startsAt": "2026-12-03T04:00:00+00:00",
        "endsAt": "2026-12-04T13:00:00+00:00"}
    sms = await OutboxMessage.filter(channel="sms")
    assert [m.recipient for m in sms] == [cast.resident.user.phone]
    assert "03.12.2026 09:00" in sms[0].body and "ремонт теплотрассы" in sms[0].body
    assert await HistoryEvent.filter(entity="outage_notice", action="published").count() == 1


async def test_no_sms_where_the_company_sends_none(cast):
    # given
    await ResidentPreferences.create(user_id=cast.resident.user.id, sms_outages=True)
    cast.world.company_x.sms_enabled = False
    await cast.world.company_x.save()
    # when
    payload = await _publish(cast.staff_x, cast.world.building_x)
    # then
    assert (payload["outage"]["notified"], payload["outage"]["smsSent"]) == (2, 0)
    assert await OutboxMessage.filter(channel="sms").count() == 0


async def test_thousands_of_residents_go_in_by_one_insert_per_batch(cast):
    # given 2 residents of the cast and 1500 more, all linked to account_x
    users = [User(id=uuid.uuid4(), phone=f"+7747{n:07d}", full_name=f"Тұрғын {n}") for n in range(1500)]
    await User.bulk_create(users)
    await AccountLink.bulk_create([AccountLink(id=uuid.uuid4(), user_id=u.id, account_id=cast.world.account_x.id,
                                               status=AccountLinkStatus.CONFIRMED, method=AccountLinkMethod.LOGIN)
                                   for u in users])
    # when
    with statements() as sql:
        payload = await _publish(cast.staff_x, cast.world.building_x)
    # then
    assert payload["outage"]["notified"] == 1502
    inserts = [s for s in sql if "INSERT" in s.upper() and '"notifications"' in s]
    assert len(inserts) == 2  # NOTIFY_BATCH = 1000
    assert await Notification.filter(kind="OUTAGE_NOTICE").count() == 1502


@pytest.mark.parametrize(("who", "code"), [
    ("staff_y", "NOT_FOUND"), ("admin", "FORBIDDEN"), ("resident", "FORBIDDEN"), ("anon", "UNAUTHENTICATED")])
async def test_only_staff_of_the_buildings_company_publish(cast, who, code):
    # when
    payload = await _publish(cast.by_name(who), cast.world.building_x)
    # then
    assert [e["code"] for e in payload["errors"]] == [code]
    assert await OutageNotice.all().count() == 0 and await Notification.all().count() == 0


@pytest.mark.parametrize(("over", "field", "code"), [
    ({"endsAt": "2026-12-03T08:00:00+05:00"}, "endsAt", "ENDS_BEFORE_START"),
    ({"startsAt": "2026-11-01T08:00:00+05:00", "endsAt": "2026-11-02T08:00:00+05:00"}, "endsAt", "DATE_IN_PAST"),
    ({"startsAt": "2028-01-01T08:00:00+05:00", "endsAt": None}, "startsAt", "OUT_OF_RANGE"),
    ({"text": " "}, "text", "REQUIRED"),
    ({"text": "я" * 1001}, "text", "TOO_LONG"),
])
async def test_bad_notices_are_refused_and_nobody_is_told(cast, over, field, code):
    # when
    payload = await _publish(cast.staff_x, cast.world.building_x, **over)
    # then
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
    assert await Notification.all().count() == 0


async def test_an_open_ended_outage_is_allowed(cast):
    # when
    payload = await _publish(cast.staff_x, cast.world.building_x, endsAt=None, kind="ELECTRICITY")
    # then
    assert payload["errors"] == [] and payload["outage"]["endsAt"] is None


async def test_the_accounts_page_lists_current_and_recent_outages_of_its_building(cast):
    # given
    await _publish(cast.staff_x, cast.world.building_x, text="Сейчас")
    for text, ends in (("Десять дней назад", NOW - dt.timedelta(days=10)), ("Давно", NOW - dt.timedelta(days=40))):
        await OutageNotice.create(company=cast.world.company_x, building=cast.world.building_x, kind=OutageKind.HEATING,
                                  text=text, starts_at=ends - dt.timedelta(hours=5), ends_at=ends)
    await _publish(cast.staff_y, cast.world.building_y, text="У соседей")
    # when
    mine = (await cast.resident.data(ACCOUNT, {"id": str(cast.world.account_x.id)}))["accountOutages"]
    theirs = (await cast.other_resident.data(ACCOUNT, {"id": str(cast.world.account_x.id)}))["accountOutages"]
    staff = (await cast.staff_x.data(ACCOUNT, {"id": str(cast.world.account_x.id)}))["accountOutages"]
    anon = await cast.anon.gql(ACCOUNT, {"id": str(cast.world.account_x.id)})
    # then
    assert [(o["text"], o["current"]) for o in mine] == [("Сейчас", True), ("Десять дней назад", False)]
    assert theirs == [] and len(staff) == 2 and anon["data"]["accountOutages"] == []


async def test_the_company_lists_its_own_notices(cast):
    # given
    await _publish(cast.staff_x, cast.world.building_x, text="Икс")
    await _publish(cast.staff_y, cast.world.building_y, text="Игрек")
    # when
    x = (await cast.staff_x.data(COMPANY))["companyOutages"]
    admin = (await cast.admin.data(COMPANY))["companyOutages"]
    resident = await cast.resident.gql(COMPANY)
    # then
    assert [e["node"]["text"] for e in x["edges"]] == ["Икс"]
    assert admin["totalCount"] == 2
    assert resident["data"]["companyOutages"]["totalCount"] == 0
    assert resident["extensions"]["denied"][0]["code"] == "FORBIDDEN"


async def test_company_buildings_are_the_staffs_own(cast):
    # given
    extra = await make_building(cast.world.company_x, house="3")
    # when
    x = [b["id"] for b in (await cast.staff_x.data(BUILDINGS))["companyBuildings"]]
    y = [b["id"] for b in (await cast.staff_y.data(BUILDINGS))["companyBuildings"]]
    admin = (await cast.admin.data(BUILDINGS))["companyBuildings"]
    resident = await cast.resident.gql(BUILDINGS)
    # then
    assert x == [str(cast.world.building_x.id), str(extra.id)]
    assert y == [str(cast.world.building_y.id)]
    assert len(admin) == 3
    assert resident["data"]["companyBuildings"] == [] and resident["extensions"]["denied"][0]["code"] == "FORBIDDEN"


async def test_sms_text_in_russian_and_kazakh(cast):
    # given
    notice = OutageNotice(kind=OutageKind.COLD_WATER, text="Авария", starts_at=NOW, ends_at=None)
    # when
    ru = notices.sms_text("ru", notice, cast.world.building_x)
    kk = notices.sms_text("kk", notice, cast.world.building_x)
    # then
    assert ru.startswith("Shanyraq: отключение (холодная вода) по адресу г. Астана, 100 атқыштар дивизиясы көшесі, 1 с 03.12.2026 15:00.")
    assert "суық су" in kk and "бастап" in kk and kk.endswith("Авария")
