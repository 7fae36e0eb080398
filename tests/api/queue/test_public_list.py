"""The register through the API: public lists (anonymous), "my queue number" (only one's own),
the application's entry with "why my number changed", and removal by a queue officer."""

from __future__ import annotations

import pytest

from backend.models.queue import QueueList
from tests.api.queue.conftest_register import moment, registered
from tests.helpers import create_user

PUBLIC = """query($locality: String!, $list: QueueList!, $search: String, $first: Int, $after: String) {
  queuePublicList(locality: $locality, listKind: $list, search: $search, first: $first, after: $after) {
    edges { cursor node { number maskedName applicationNumber registeredAt } }
    pageInfo { hasNextPage endCursor } } }"""
MY_NUMBER = "query($id: ID!) { myQueueNumber(applicationId: $id) }"
APPLICATION = """query($id: ID!) { queueApplication(id: $id) { number queueNumber status
  entry { locality { code name } listKind number active registeredAt leftReason
          changes { at from to reason explanation } } } }"""
REMOVE = """mutation($input: QueueEntryRemoveInput!) { queueEntryRemove(input: $input) {
  application { status entry { number active leftReason } } errors { code field } } }"""

NAMES = [("Айгерім", "Бекова"), ("Нұржан", "Сәрсенбаев"), ("Ольга", "Ким"), ("Ерлан", "Жұмабеков"), ("Дина", "Оспанова")]


async def _list(client, **variables) -> dict:
    body = await client.data(PUBLIC, {"locality": "astana", "list": "GENERAL", **variables})
    return body["queuePublicList"]


async def test_the_public_list_shows_only_consented_entries_masked_and_pages_by_cursor(anon):
    filer = await create_user("citizen")
    apps = []
    for i, (name, surname) in enumerate(NAMES):
        app, _ = await registered(filer, moment(i), name=name, surname=surname, published=i != 2)  # Ольга did not consent
        apps.append(app)
    await registered(filer, moment(9), locality="almaty")  # another locality's list
    await registered(filer, moment(10), list_kind=QueueList.VULNERABLE)  # another list

    page = await _list(anon, first=2)
    assert [e["node"]["number"] for e in page["edges"]] == [1, 2]
    assert [e["node"]["maskedName"] for e in page["edges"]] == ["А***м Б.", "Н***н С."]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await _list(anon, first=2, after=page["pageInfo"]["endCursor"])
    assert [e["node"]["number"] for e in rest["edges"]] == [4, 5]  # 3 is Ольга's, unpublished
    assert rest["pageInfo"]["hasNextPage"] is False
    everyone = await _list(anon, first=100)
    texts = str(everyone)
    assert len(everyone["edges"]) == 4 and "Ольга" not in texts and "О***а К." not in texts
    for name, surname in NAMES:
        assert name not in texts and surname not in texts  # never a full name
    assert everyone["edges"][0]["node"]["applicationNumber"] == apps[0].number

    found = await _list(anon, search=apps[3].number.lower())
    assert [e["node"]["number"] for e in found["edges"]] == [4]
    assert (await _list(anon, search=apps[2].number))["edges"] == []  # unpublished: not found either
    assert (await _list(anon, search=apps[3].number + "0"))["edges"] == []  # exact, not a prefix
    vulnerable = await anon.data(PUBLIC, {"locality": "astana", "list": "VULNERABLE"})
    assert [e["node"]["number"] for e in vulnerable["queuePublicList"]["edges"]] == [1]


async def test_public_list_refuses_a_bad_cursor_and_an_unknown_locality(anon):
    body = await anon.gql(PUBLIC, {"locality": "astana", "list": "GENERAL", "after": "not-a-cursor"})
    assert body["errors"][0]["extensions"]["reason"] == "INVALID_CURSOR"
    body = await anon.gql(PUBLIC, {"locality": "atlantis", "list": "GENERAL"})
    assert body["errors"][0]["extensions"]["reason"] == "INVALID"
    assert body["errors"][0]["extensions"]["field"] == "locality"


async def test_my_queue_number_is_only_ones_own(citizen, anon, app, rt):
    mine, _ = await registered(citizen.user, moment(0))
    other_citizen = await create_user("citizen")
    theirs, _ = await registered(other_citizen, moment(1))
    assert (await citizen.data(MY_NUMBER, {"id": str(mine.id)}))["myQueueNumber"] == 1
    # Another citizen's application looks exactly like one that does not exist.
    assert (await citizen.data(MY_NUMBER, {"id": str(theirs.id)}))["myQueueNumber"] is None
    assert (await citizen.data(MY_NUMBER, {"id": "00000000-0000-0000-0000-000000000000"}))["myQueueNumber"] is None
    assert (await citizen.data(MY_NUMBER, {"id": "nonsense"}))["myQueueNumber"] is None
    body = await anon.gql(MY_NUMBER, {"id": str(mine.id)})
    assert body["data"]["myQueueNumber"] is None
    assert (await citizen.data(APPLICATION, {"id": str(theirs.id)}))["queueApplication"] is None


async def test_filed_for_me_by_a_representative_is_mine_too(citizen):
    representative = await create_user("citizen")
    app, _ = await registered(representative, moment(0), person_iin_=citizen.user.iin_bin)
    assert (await citizen.data(MY_NUMBER, {"id": str(app.id)}))["myQueueNumber"] == 1


@pytest.mark.parametrize("as_role", ["citizen", "kzhk_operator"], indirect=True)
async def test_queue_entry_remove_is_refused_outside_the_queue_office(as_role):
    app, _ = await registered(as_role.user, moment(0))
    body = await as_role.data(REMOVE, {"input": {"applicationId": str(app.id), "reason": "moved_away"}})
    assert [e["code"] for e in body["queueEntryRemove"]["errors"]] == ["FORBIDDEN"]
    assert (await as_role.data(MY_NUMBER, {"id": str(app.id)}))["myQueueNumber"] == 1


async def test_an_officer_removes_and_the_one_behind_sees_why(citizen, queue_officer):
    filer = await create_user("citizen")
    ahead, _ = await registered(filer, moment(0))
    second, _ = await registered(filer, moment(1))
    mine, _ = await registered(citizen.user, moment(2))

    body = await queue_officer.data(REMOVE, {"input": {"applicationId": str(ahead.id), "reason": "housing_provided"}})
    assert body["queueEntryRemove"] == {
        "application": {"status": "REMOVED", "entry": {"number": None, "active": False, "leftReason": "housing_provided"}},
        "errors": [],
    }
    body = await queue_officer.data(REMOVE, {"input": {"applicationId": str(second.id), "reason": "deceased"}})
    assert body["queueEntryRemove"]["errors"] == []

    assert (await citizen.data(MY_NUMBER, {"id": str(mine.id)}))["myQueueNumber"] == 1
    card = (await citizen.data(APPLICATION, {"id": str(mine.id)}, headers={"x-locale": "ru"}))["queueApplication"]
    assert card["queueNumber"] == 3  # the number given at registration
    entry = card["entry"]
    assert entry["number"] == 1 and entry["active"] and entry["locality"] == {"code": "astana", "name": "Астана"}
    assert [(c["from"], c["to"], c["reason"]) for c in entry["changes"]] == [(2, 1, "deceased"), (3, 2, "housing_provided")]
    assert entry["changes"][1]["explanation"].startswith("Заявителю, стоявшему в очереди перед вами, предоставлено жилище")
    assert "с 3 на 2" in entry["changes"][1]["explanation"]
    kk = (await citizen.data(APPLICATION, {"id": str(mine.id)}, headers={"x-locale": "kk"}))["queueApplication"]
    assert "тұрғын үй берілді" in kk["entry"]["changes"][1]["explanation"]


async def test_queue_entry_remove_checks_reason_and_state(queue_officer, admin):
    filer = await create_user("citizen")
    app, _ = await registered(filer, moment(0))
    bad = await queue_officer.data(REMOVE, {"input": {"applicationId": str(app.id), "reason": "bored"}})
    assert [(e["code"], e["field"]) for e in bad["queueEntryRemove"]["errors"]] == [("INVALID", "reason")]
    missing = await queue_officer.data(REMOVE, {"input": {"applicationId": "nonsense", "reason": "moved_away"}})
    assert [e["code"] for e in missing["queueEntryRemove"]["errors"]] == ["NOT_FOUND"]
    done = await admin.data(REMOVE, {"input": {"applicationId": str(app.id), "reason": "removed_on_request"}})
    assert done["queueEntryRemove"]["errors"] == []
    again = await queue_officer.data(REMOVE, {"input": {"applicationId": str(app.id), "reason": "moved_away"}})
    assert [e["code"] for e in again["queueEntryRemove"]["errors"]] == ["WRONG_STATUS"]
