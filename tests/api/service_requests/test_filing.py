"""Filing a request: who may, what is checked, the company's numbering, the history."""

from __future__ import annotations

import datetime as dt

import pytest

from backend import clock
from backend.models.history import HistoryEvent
from backend.models.service_requests import ServiceRequest
from tests.api.service_requests.helpers import CREATE, TYPES, codes, file, mutate, tomorrow, type_id


async def test_the_catalogue_lists_every_type_in_the_viewers_language(cast):
    # when
    ru = await cast.resident.data(TYPES, headers={"x-locale": "ru"})
    kk = await cast.resident.data(TYPES, headers={"x-locale": "kk"})
    # then
    names = [t["name"] for t in ru["serviceRequestTypes"]]
    assert names[:5] == ["Системы холодного и горячего водоснабжения", "Система теплоснабжения", "Система водоотведения",
                         "Внутридомовое инженерное оборудование и технические устройства", "Изготовление ключа"]
    assert {"electricity", "lifts", "cleaning", "other"} <= {t["code"] for t in ru["serviceRequestTypes"]}
    assert kk["serviceRequestTypes"][4]["name"] == "Кілт жасау"


async def test_the_catalogue_is_refused_to_anonymous(cast):
    # when
    body = await cast.anon.gql(TYPES)
    # then
    assert body["data"]["serviceRequestTypes"] == []
    assert body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


async def test_the_resident_files_a_request_with_the_companys_next_number(cast):
    # when
    first = await file(cast.resident, cast.world.account_x, visitDate=tomorrow(), visitFrom="8:00", visitTo="11:00")
    second = await file(cast.resident, cast.world.account_x, "Трубы горят!", code="heating")
    # then
    assert (first["number"], second["number"]) == (1, 2)
    assert first["status"] == "NEW" and first["canEdit"] and first["canCancel"] and not first["canRate"]
    assert (first["visitFrom"], first["visitTo"]) == ("08:00", "11:00")
    assert first["account"]["number"] == "10117"
    assert first["history"] == [{"action": "created", "actorName": cast.resident.user.full_name, "comment": ""}]
    assert first["authorPhone"] == cast.resident.user.phone


async def test_numbers_are_per_company(cast):
    # given
    await file(cast.resident, cast.world.account_x)
    # when
    other = await file(cast.other_resident, cast.world.account_y)
    # then
    assert other["number"] == 1


@pytest.mark.parametrize("who", ["staff_x", "admin"])
async def test_staff_and_admin_cannot_file(cast, who):
    # when
    payload = await mutate(cast.by_name(who), CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="x")
    # then
    assert codes(payload) == ["FORBIDDEN"]


async def test_anonymous_cannot_file(cast):
    # when
    payload = await mutate(cast.anon, CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="x")
    # then
    assert codes(payload) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("account", ["account_x2", "account_y"])
async def test_a_resident_cannot_file_for_an_account_not_theirs(cast, account):
    # when
    payload = await mutate(cast.resident, CREATE, "serviceRequestCreate",
                           accountId=str(getattr(cast.world, account).id), typeId=await type_id(), content="Течёт")
    # then
    assert payload["errors"] == [{"field": "accountId", "code": "NOT_FOUND", "params": None}]
    assert await ServiceRequest.all().count() == 0


async def test_every_fault_of_the_form_is_told_at_once_and_nothing_is_filed(cast):
    # given
    clock.travel_to(dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.timezone.utc))
    # when
    payload = await mutate(cast.resident, CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="я" * 2001, visitDate="2026-12-02", visitFrom="11:00",
                           visitTo="08:00")
    # then
    assert {(e["field"], e["code"]) for e in payload["errors"]} == {
        ("content", "TOO_LONG"), ("visitDate", "DATE_IN_PAST"), ("visitTo", "TIME_RANGE_INVALID")}
    assert await ServiceRequest.all().count() == 0
    assert await HistoryEvent.filter(entity="service_request").count() == 0


@pytest.mark.parametrize(("over", "field", "code"), [
    ({"content": "   "}, "content", "REQUIRED"),
    ({"visitDate": "2026-12-04", "visitFrom": "25:00", "visitTo": "26:00"}, "visitFrom", "INVALID_TIME"),
    ({"visitDate": "2026-12-04", "visitFrom": "08:00"}, "visitTo", "REQUIRED"),
    ({"visitFrom": "08:00", "visitTo": "10:00"}, "visitDate", "REQUIRED"),
    ({"visitDate": "2028-01-01"}, "visitDate", "OUT_OF_RANGE"),
    ({"typeId": "00000000-0000-0000-0000-000000000000"}, "typeId", "NOT_FOUND"),
])
async def test_bad_input_is_refused_by_field(cast, over, field, code):
    # given
    clock.travel_to(dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.timezone.utc))
    data = {"accountId": str(cast.world.account_x.id), "typeId": await type_id(), "content": "Течёт кран", **over}
    # when
    payload = await mutate(cast.resident, CREATE, "serviceRequestCreate", **data)
    # then
    assert (field, code) in [(e["field"], e["code"]) for e in payload["errors"]]
    assert payload["serviceRequest"] is None


async def test_today_in_almaty_is_not_in_the_past_though_utc_is_still_yesterday(cast):
    # given 2026-12-03 21:00 UTC = 2026-12-04 02:00 in Almaty
    clock.travel_to(dt.datetime(2026, 12, 3, 21, 0, tzinfo=dt.timezone.utc))
    # when
    refused = await mutate(cast.resident, CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="Течёт", visitDate="2026-12-03")
    filed = await file(cast.resident, cast.world.account_x, visitDate="2026-12-04")
    # then
    assert codes(refused) == ["DATE_IN_PAST"] and refused["errors"][0]["params"] == {"min": "2026-12-04"}
    assert filed["visitDate"] == "2026-12-04"


async def test_an_inactive_account_takes_no_new_requests(cast):
    # given
    cast.world.account_x.is_active = False
    await cast.world.account_x.save()
    # when
    payload = await mutate(cast.resident, CREATE, "serviceRequestCreate", accountId=str(cast.world.account_x.id),
                           typeId=await type_id(), content="Течёт")
    # then
    assert codes(payload) == ["ACCOUNT_INACTIVE"]
