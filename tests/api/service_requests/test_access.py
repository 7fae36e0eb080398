"""Who sees which request: the access matrix over accounts and companies, and the queue's filters."""

from __future__ import annotations

import pytest

from tests.api.service_requests.helpers import ACCOUNT_LIST, COMPANY_LIST, ONE, TAKE, file, mutate, type_id


@pytest.fixture
async def filed(cast):
    mine = await file(cast.resident, cast.world.account_x, "Прорвало трубы")
    theirs = await file(cast.other_resident, cast.world.account_y, "Лифт не работает", code="lifts")
    return mine, theirs


@pytest.mark.parametrize(("who", "sees"), [
    ("resident", True), ("co_owner", True), ("staff_x", True), ("admin", True),
    ("other_resident", False), ("staff_y", False), ("anon", False)])
async def test_one_request_is_seen_only_through_its_account_or_company(cast, filed, who, sees):
    # when
    body = await cast.by_name(who).gql(ONE, {"id": filed[0]["id"]})
    # then
    found = body["data"]["serviceRequest"]
    assert (found is not None) == sees
    if sees:
        assert found["content"] == "Прорвало трубы"
    if who == "anon":
        assert body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(("who", "count"), [
    ("resident", 1), ("co_owner", 1), ("staff_x", 1), ("admin", 1), ("other_resident", 0), ("staff_y", 0), ("anon", 0)])
async def test_an_accounts_requests_per_role(cast, filed, who, count):
    # when
    body = await cast.by_name(who).gql(ACCOUNT_LIST, {"accountId": str(cast.world.account_x.id)})
    # then
    page = body["data"]["accountServiceRequests"]
    assert page["totalCount"] == count and len(page["edges"]) == count


async def test_the_authors_phone_is_for_the_author_and_the_staff_only(cast, filed):
    # when
    phones = {who: (await cast.by_name(who).data(ONE, {"id": filed[0]["id"]}))["serviceRequest"]["authorPhone"]
              for who in ("resident", "co_owner", "staff_x", "admin")}
    # then
    phone = cast.resident.user.phone
    assert phones == {"resident": phone, "co_owner": "", "staff_x": phone, "admin": phone}


@pytest.mark.parametrize(("who", "contents"), [
    ("staff_x", ["Прорвало трубы"]), ("staff_y", ["Лифт не работает"]),
    ("admin", ["Лифт не работает", "Прорвало трубы"])])
async def test_the_queue_holds_the_viewers_companies_requests(cast, filed, who, contents):
    # when
    page = (await cast.by_name(who).data(COMPANY_LIST))["companyServiceRequests"]
    # then
    assert [e["node"]["content"] for e in page["edges"]] == contents


@pytest.mark.parametrize(("who", "code"), [("resident", "FORBIDDEN"), ("anon", "UNAUTHENTICATED")])
async def test_the_queue_is_refused_to_others(cast, filed, who, code):
    # when
    body = await cast.by_name(who).gql(COMPANY_LIST)
    # then
    assert body["data"]["companyServiceRequests"]["totalCount"] == 0
    assert body["extensions"]["denied"][0]["code"] == code


async def test_the_queue_filters_by_status_type_building_and_search(cast):
    # given
    first = await file(cast.resident, cast.world.account_x, "Прорвало трубы")
    await file(cast.resident, cast.world.account_x, "Прошу выдать ключ на домофон", code="key")
    await mutate(cast.staff_x, TAKE, "serviceRequestTake", id=first["id"])

    async def contents(**filter_) -> list[str]:
        page = (await cast.staff_x.data(COMPANY_LIST, {"filter": filter_}))["companyServiceRequests"]
        return [e["node"]["content"] for e in page["edges"]]

    # then
    assert await contents(status="IN_WORK") == ["Прорвало трубы"]
    assert await contents(typeId=await type_id("key")) == ["Прошу выдать ключ на домофон"]
    assert len(await contents(buildingId=str(cast.world.building_x.id))) == 2
    assert await contents(buildingId=str(cast.world.building_y.id)) == []
    assert await contents(search="домофон") == ["Прошу выдать ключ на домофон"]
    assert await contents(search="№1") == ["Прорвало трубы"]
    assert len(await contents(search="10117")) == 2
    assert await contents(typeId="not-an-id") == []


async def test_account_requests_filter_by_status_and_page_newest_first(cast):
    # given
    for n in range(3):
        await file(cast.resident, cast.world.account_x, f"Заявка {n}")
    # when
    page1 = (await cast.resident.data(ACCOUNT_LIST, {"accountId": str(cast.world.account_x.id), "first": 2}))["accountServiceRequests"]
    page2 = (await cast.resident.data(ACCOUNT_LIST, {"accountId": str(cast.world.account_x.id), "first": 2,
                                                      "after": page1["pageInfo"]["endCursor"]}))["accountServiceRequests"]
    closed = (await cast.resident.data(ACCOUNT_LIST, {"accountId": str(cast.world.account_x.id), "status": "CLOSED"}))
    # then
    assert [e["node"]["number"] for e in page1["edges"] + page2["edges"]] == [3, 2, 1]
    assert page1["pageInfo"]["hasNextPage"] and not page2["pageInfo"]["hasNextPage"]
    assert closed["accountServiceRequests"]["totalCount"] == 0
