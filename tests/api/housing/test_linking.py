"""Linking an account to the cabinet: by login and password, by address; removing; re-claiming."""

from __future__ import annotations

from backend.models.history import HistoryEvent
from backend.models.housing import AccountLink, AccountLinkStatus
from tests.cabinet_world import ACCOUNT_PASSWORD

BY_LOGIN = """
mutation($login: String!, $password: String!) {
  accountLinkByLogin(input: {login: $login, password: $password}) {
    link { id status method accountNumber address account { number ownerName flat } }
    errors { field code params }
  }
}
"""
BY_ADDRESS = """
mutation($number: String!, $address: String!, $flat: String!, $companyId: ID) {
  accountLinkByAddress(input: {accountNumber: $number, address: $address, flat: $flat, companyId: $companyId}) {
    link { id status method accountNumber address givenAddress givenFlat givenCompany account { number } }
    errors { field code }
  }
}
"""
REMOVE = """
mutation($id: ID!) { accountLinkRemove(input: {linkId: $id}) { link { id } errors { field code } } }
"""


def codes(data: dict, name: str) -> list[str]:
    return [e["code"] for e in data[name]["errors"]]


MY_LINKS = "query { myAccountLinks { id status accountNumber address account { id } } }"


async def test_login_and_password_link_the_account_at_once(cast):
    # given: account 10118 (flat 18) that nobody in the cabinet of `resident` has yet
    resident = cast.resident
    # when
    body = await resident.data(BY_LOGIN, {"login": "10118", "password": ACCOUNT_PASSWORD})
    # then
    link = body["accountLinkByLogin"]["link"]
    assert body["accountLinkByLogin"]["errors"] == []
    assert link["status"] == "CONFIRMED" and link["method"] == "LOGIN"
    assert link["account"] == {"number": "10118", "ownerName": "Ким Ольга", "flat": "18"}
    assert link["address"] == "г. Астана, 100 атқыштар дивизиясы көшесі, 1, кв. 18"
    events = await HistoryEvent.filter(entity="account_link", entity_id=link["id"])
    assert [e.action for e in events] == ["confirmed"]


async def test_a_wrong_password_and_an_unknown_login_get_the_same_answer(cast):
    # given
    resident = cast.resident
    # when
    wrong = await resident.data(BY_LOGIN, {"login": "10118", "password": "Not-the-one-1"})
    unknown = await resident.data(BY_LOGIN, {"login": "99999", "password": ACCOUNT_PASSWORD})
    # then
    assert wrong["accountLinkByLogin"] == {"link": None, "errors": [{"field": None, "code": "INVALID_CREDENTIALS", "params": None}]}
    assert unknown["accountLinkByLogin"] == wrong["accountLinkByLogin"]
    assert not await AccountLink.filter(user_id=resident.user.id, account_id=cast.world.account_x2.id).exists()


async def test_repeated_wrong_passwords_are_throttled(cast):
    # given: the free failures used up
    resident = cast.resident
    for _ in range(10):
        body = await resident.data(BY_LOGIN, {"login": "10118", "password": "Not-the-one-1"})
        if codes(body, "accountLinkByLogin") == ["LOGIN_LOCKED"]:
            break
    # when: even the right password is refused while waiting
    body = await resident.data(BY_LOGIN, {"login": "10118", "password": ACCOUNT_PASSWORD})
    # then
    error = body["accountLinkByLogin"]["errors"][0]
    assert error["code"] == "LOGIN_LOCKED" and error["params"]["retryAfterSeconds"] >= 1


async def test_an_already_confirmed_account_is_refused(cast):
    # given: the resident's account 10117 is confirmed
    # when
    body = await cast.resident.data(BY_LOGIN, {"login": "10117", "password": ACCOUNT_PASSWORD})
    # then
    assert codes(body, "accountLinkByLogin") == ["ALREADY_LINKED"]


async def test_by_address_with_the_residents_own_phone_is_confirmed_at_once(cast):
    # given: the company keeps the resident's phone on account 10118, in its own spelling
    phone = cast.resident.user.phone
    cast.world.account_x2.phone = f"8 {phone[2:5]} {phone[5:8]} {phone[8:]}"
    await cast.world.account_x2.save()
    # when: typed differently from how the building is kept
    body = await cast.resident.data(BY_ADDRESS, {"number": "10118", "address": "г. Астана, ул. 100 атқыштар дивизиясы, д. 1",
                                                 "flat": "кв. 18"})
    # then
    link = body["accountLinkByAddress"]["link"]
    assert link["status"] == "CONFIRMED" and link["method"] == "ADDRESS" and link["account"] == {"number": "10118"}
    assert link["givenAddress"] == "г. Астана, ул. 100 атқыштар дивизиясы, д. 1" and link["givenFlat"] == "кв. 18"


async def test_by_address_without_the_phone_waits_for_the_company(cast):
    # given: account 10118 keeps no phone
    # when: the city left out, Kazakh letters typed on a Russian keyboard
    body = await cast.resident.data(BY_ADDRESS, {"number": "10118", "address": "100 аткыштар дивизиясы 1", "flat": "18",
                                                 "companyId": str(cast.world.company_x.id)})
    # then: the list shows the number and the address, not the account
    link = body["accountLinkByAddress"]["link"]
    assert link["status"] == "PENDING" and link["account"] is None
    assert link["accountNumber"] == "10118" and link["address"].endswith("кв. 18")
    assert link["givenCompany"] == "ТОО «ТеплоДом»"
    # and: a pending account opens nothing
    mine = await cast.resident.data(MY_LINKS)
    assert [(x["accountNumber"], x["status"]) for x in mine["myAccountLinks"]] == [("10117", "CONFIRMED"), ("10118", "PENDING")]
    # and: claiming it again while pending is refused
    again = await cast.resident.data(BY_ADDRESS, {"number": "10118", "address": "Астана, 100 атқыштар дивизиясы, 1", "flat": "18"})
    assert codes(again, "accountLinkByAddress") == ["LINK_PENDING"]


async def test_no_match_does_not_tell_whether_the_number_exists(cast):
    # given: 20003 exists in company Y, 77777 nowhere
    # when
    elsewhere = await cast.resident.data(BY_ADDRESS, {"number": "20003", "address": "Астана, Тұран, 1", "flat": "3"})
    nowhere = await cast.resident.data(BY_ADDRESS, {"number": "77777", "address": "Астана, Тұран, 1", "flat": "3"})
    wrong_flat = await cast.resident.data(BY_ADDRESS, {"number": "20003", "address": "Алматы, Достық даңғылы, 5", "flat": "4"})
    wrong_company = await cast.resident.data(BY_ADDRESS, {"number": "20003", "address": "Алматы, Достық даңғылы, 5", "flat": "3",
                                                          "companyId": str(cast.world.company_x.id)})
    # then
    for body in (elsewhere, nowhere, wrong_flat, wrong_company):
        assert body["accountLinkByAddress"] == {"link": None, "errors": [{"field": "accountNumber", "code": "ACCOUNT_NOT_MATCHED"}]}


async def test_the_address_form_names_what_is_missing(cast):
    # when
    body = await cast.resident.data(BY_ADDRESS, {"number": " ", "address": "", "flat": "1", "companyId": "not-an-id"})
    # then: the first missing field is named
    assert body["accountLinkByAddress"]["errors"] == [{"field": "accountNumber", "code": "REQUIRED"}]
    body = await cast.resident.data(BY_ADDRESS, {"number": "1", "address": "г. ул. д.", "flat": "1"})
    assert body["accountLinkByAddress"]["errors"] == [{"field": "address", "code": "INVALID_ADDRESS"}]
    body = await cast.resident.data(BY_ADDRESS, {"number": "1", "address": "Астана, Тұран, 1", "flat": "1", "companyId": "not-an-id"})
    assert body["accountLinkByAddress"]["errors"] == [{"field": "companyId", "code": "NOT_FOUND"}]


async def test_removed_link_closes_the_account_and_may_be_claimed_again(cast):
    # given
    resident, account = cast.resident, cast.world.account_x
    link = await AccountLink.get(user_id=resident.user.id, account_id=account.id)
    # when
    removed = await resident.data(REMOVE, {"id": str(link.id)})
    # then
    assert removed["accountLinkRemove"] == {"link": None, "errors": []}
    assert (await resident.data(MY_LINKS))["myAccountLinks"] == []
    assert (await resident.data("query($id: ID!) { personalAccount(id: $id) { id } }", {"id": str(account.id)}))["personalAccount"] is None
    # when: claimed again by address (no phone on the account): a new pending claim on the same row
    again = await resident.data(BY_ADDRESS, {"number": "10117", "address": "Астана, 100 атқыштар дивизиясы, 1", "flat": "17"})
    # then
    assert again["accountLinkByAddress"]["link"]["status"] == "PENDING"
    assert again["accountLinkByAddress"]["link"]["id"] == str(link.id)
    actions = [e.action for e in await HistoryEvent.filter(entity="account_link", entity_id=str(link.id)).order_by("created_at")]
    assert actions == ["removed", "claimed"]
    # and: the password confirms the pending claim at once
    confirmed = await resident.data(BY_LOGIN, {"login": "10117", "password": ACCOUNT_PASSWORD})
    assert confirmed["accountLinkByLogin"]["link"]["status"] == "CONFIRMED"
    assert (await AccountLink.get(id=link.id)).status is AccountLinkStatus.CONFIRMED


async def test_nobody_removes_anothers_link(cast):
    # given: other_resident's link
    theirs = await AccountLink.get(user_id=cast.other_resident.user.id)
    # when
    body = await cast.resident.data(REMOVE, {"id": str(theirs.id)})
    # then
    assert codes(body, "accountLinkRemove") == ["NOT_FOUND"]
    assert (await AccountLink.get(id=theirs.id)).status is AccountLinkStatus.CONFIRMED


async def test_the_same_number_at_the_same_address_in_two_companies_asks_for_the_company(cast):
    # given: company Y also keeps a 10118 in a building at X's address
    from tests.cabinet_world import make_building, make_personal_account

    twin = await make_building(cast.world.company_y, street="100 атқыштар дивизиясы көшесі", house="1")
    await make_personal_account(twin, "18", "10118", owner="Басқа Адам")
    typed = {"number": "10118", "address": "Астана, 100 атқыштар дивизиясы, 1", "flat": "18"}
    # when
    ambiguous = await cast.resident.data(BY_ADDRESS, typed)
    chosen = await cast.resident.data(BY_ADDRESS, {**typed, "companyId": str(cast.world.company_x.id)})
    # then
    assert ambiguous["accountLinkByAddress"]["errors"] == [{"field": "companyId", "code": "COMPANY_REQUIRED"}]
    assert chosen["accountLinkByAddress"]["link"]["givenCompany"] == "ТОО «ТеплоДом»"
    assert (await AccountLink.get(id=chosen["accountLinkByAddress"]["link"]["id"])).account_id == cast.world.account_x2.id


async def test_a_closed_account_cannot_be_linked(cast):
    # given: the company closed account 10118
    cast.world.account_x2.is_active = False
    await cast.world.account_x2.save()
    # when
    by_login = await cast.resident.data(BY_LOGIN, {"login": "10118", "password": ACCOUNT_PASSWORD})
    by_address = await cast.resident.data(BY_ADDRESS, {"number": "10118", "address": "Астана, 100 атқыштар дивизиясы, 1", "flat": "18"})
    # then
    assert codes(by_login, "accountLinkByLogin") == ["INVALID_CREDENTIALS"]
    assert codes(by_address, "accountLinkByAddress") == ["ACCOUNT_NOT_MATCHED"]
