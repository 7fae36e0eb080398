"""Who sees and changes which account: a resident never sees another's account; staff of X never
see Y's; anonymous callers and partner keys see nothing of the cabinet; only a billing:write key
writes accounts, and only its own company's."""

from __future__ import annotations

import pytest

from backend.models.housing import AccountLink, AccountLinkMethod, AccountLinkStatus, PersonalAccount
from tests.cabinet_world import ACCOUNT_PASSWORD

ACCOUNT = "query($id: ID!) { personalAccount(id: $id) { id number ownerName debt address building { address } company { name } } }"
MY_LINKS = "query { myAccountLinks { id status accountNumber account { number } } }"
COMPANIES = "query($search: String) { managementCompanies(search: $search) { id name } }"
COMPANY_LINKS = """
query($status: AccountLinkStatus) {
  companyAccountLinks(status: $status) { totalCount edges { node { id status accountNumber residentPhone account { number } } } }
}
"""
COMPANY_ACCOUNTS = "query($search: String) { companyAccounts(search: $search) { totalCount edges { node { number } } } }"
BY_LOGIN = """
mutation($login: String!, $password: String!) {
  accountLinkByLogin(input: {login: $login, password: $password}) { link { status } errors { code } }
}
"""
DECIDE = """
mutation($id: ID!, $approve: Boolean!) {
  accountLinkDecide(input: {linkId: $id, approve: $approve}) { link { status account { number } } errors { code } }
}
"""
UPSERT = """
mutation($accounts: [PartnerAccountInput!]!) {
  partnerAccountsUpsert(input: {accounts: $accounts}) { created updated errors { field code } }
}
"""
PEOPLE = ("anon", "resident", "other_resident", "staff_x", "staff_y", "admin")
KEYS = ("partner_x", "partner_x_read", "partner_y")


async def _data(client, query, variables=None):
    body = await client.gql(query, variables)
    assert not body.get("errors"), body
    return body


# personalAccount ------------------------------------------------------------------------------

@pytest.mark.parametrize("who, sees", [
    ("anon", False), ("resident", True), ("other_resident", False), ("staff_x", True), ("staff_y", False),
    ("admin", True), ("partner_x", False), ("partner_x_read", False), ("partner_y", False),
])
async def test_who_sees_account_x(cast, who, sees):
    # given: account 10117 of company X, linked to `resident`
    account = cast.world.account_x
    # when
    body = await _data(getattr(cast, who), ACCOUNT, {"id": str(account.id)})
    # then
    found = body["data"]["personalAccount"]
    if sees:
        assert found == {"id": str(account.id), "number": "10117", "ownerName": "Мартынович Александр", "debt": "0.00",
                         "address": "г. Астана, 100 атқыштар дивизиясы көшесі, 1, кв. 17",
                         "building": {"address": "г. Астана, 100 атқыштар дивизиясы көшесі, 1"}, "company": {"name": "ТОО «ТеплоДом»"}}
    else:
        assert found is None


@pytest.mark.parametrize("who", ["resident", "staff_x"])
async def test_company_y_account_is_nobody_elses(cast, who):
    # when
    body = await _data(getattr(cast, who), ACCOUNT, {"id": str(cast.world.account_y.id)})
    # then: exactly like an account that does not exist
    assert body["data"]["personalAccount"] is None
    missing = await _data(getattr(cast, who), ACCOUNT, {"id": "00000000-0000-0000-0000-000000000000"})
    assert missing["data"]["personalAccount"] is None


# myAccountLinks -------------------------------------------------------------------------------

@pytest.mark.parametrize("who, numbers, denied", [
    ("anon", [], "UNAUTHENTICATED"), ("resident", ["10117"], None), ("other_resident", ["10118"], None),
    ("staff_x", [], "FORBIDDEN"), ("admin", [], "FORBIDDEN"), ("partner_x", [], "UNAUTHENTICATED"),
])
async def test_my_account_links_are_only_ones_own(cast, who, numbers, denied):
    # when
    body = await _data(getattr(cast, who), MY_LINKS)
    # then
    assert [x["accountNumber"] for x in body["data"]["myAccountLinks"]] == numbers
    codes = [d["code"] for d in (body.get("extensions") or {}).get("denied", [])]
    assert codes == ([denied] if denied else [])


# managementCompanies --------------------------------------------------------------------------

@pytest.mark.parametrize("who, allowed", [
    ("anon", False), ("resident", True), ("staff_x", True), ("admin", True), ("partner_x", False),
])
async def test_the_company_directory_is_for_residents_and_staff(cast, who, allowed):
    # when
    body = await _data(getattr(cast, who), COMPANIES, {"search": "тепло"})
    # then
    names = [c["name"] for c in body["data"]["managementCompanies"]]
    assert names == (["ТОО «ТеплоДом»"] if allowed else [])


# companyAccountLinks, companyAccounts --------------------------------------------------------

@pytest.mark.parametrize("who, numbers", [
    ("anon", []), ("resident", []), ("staff_x", ["10118", "10117"]), ("staff_y", ["20003"]),
    ("admin", ["20003", "10118", "10117"]), ("partner_x", []),
])
async def test_company_accounts_are_the_staffs_own_company(cast, who, numbers):
    # when
    body = await _data(getattr(cast, who), COMPANY_ACCOUNTS)
    # then
    assert [e["node"]["number"] for e in body["data"]["companyAccounts"]["edges"]] == numbers


async def test_company_accounts_search_by_owner(cast):
    # when
    body = await _data(cast.staff_x, COMPANY_ACCOUNTS, {"search": "ким"})
    # then
    assert [e["node"]["number"] for e in body["data"]["companyAccounts"]["edges"]] == ["10118"]


@pytest.mark.parametrize("who, count", [
    ("anon", 0), ("resident", 0), ("other_resident", 0), ("staff_x", 1), ("staff_y", 0), ("admin", 1), ("partner_x", 0),
])
async def test_pending_links_reach_only_the_accounts_company(cast, who, count):
    # given: other_resident asks for 10117 by address, pending
    await AccountLink.create(user=cast.other_resident.user, account=cast.world.account_x, status=AccountLinkStatus.PENDING,
                             method=AccountLinkMethod.ADDRESS, given_address="Астана, 100 атқыштар, 1", given_flat="17")
    # when
    body = await _data(getattr(cast, who), COMPANY_LINKS, {"status": "PENDING"})
    # then
    page = body["data"]["companyAccountLinks"]
    assert page["totalCount"] == count
    if count:
        node = page["edges"][0]["node"]
        # staff see the account they are asked about, and who asks
        assert node["account"] == {"number": "10117"} and node["residentPhone"] == cast.other_resident.user.phone


# mutations ------------------------------------------------------------------------------------

@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("staff_x", "FORBIDDEN"), ("admin", "FORBIDDEN"), ("partner_x", "UNAUTHENTICATED"),
])
async def test_only_residents_link_accounts(cast, who, code):
    # when
    body = await _data(getattr(cast, who), BY_LOGIN, {"login": "10118", "password": ACCOUNT_PASSWORD})
    # then
    assert body["data"]["accountLinkByLogin"] == {"link": None, "errors": [{"code": code}]}
    assert await AccountLink.all().count() == 2


@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("resident", "FORBIDDEN"), ("other_resident", "FORBIDDEN"),
    ("staff_y", "NOT_FOUND"), ("partner_x", "UNAUTHENTICATED"), ("staff_x", None), ("admin", None),
])
async def test_only_the_accounts_company_decides(cast, who, code):
    # given
    pending = await AccountLink.create(user=cast.other_resident.user, account=cast.world.account_x,
                                       status=AccountLinkStatus.PENDING, method=AccountLinkMethod.ADDRESS)
    # when
    body = await _data(getattr(cast, who), DECIDE, {"id": str(pending.id), "approve": True})
    # then
    result = body["data"]["accountLinkDecide"]
    after = await AccountLink.get(id=pending.id)
    if code:
        assert result == {"link": None, "errors": [{"code": code}]} and after.status is AccountLinkStatus.PENDING
    else:
        assert result == {"link": {"status": "CONFIRMED", "account": {"number": "10117"}}, "errors": []}
        assert after.status is AccountLinkStatus.CONFIRMED


def _item(number: str, **over) -> dict:
    item = {"number": number, "city": "Астана", "street": "Тұран даңғылы", "house": "1", "flat": number[-2:],
            "premisesArea": "61.00", "accountArea": "61.00", "ownerName": "Жаңа Иесі"}
    item.update(over)
    return item


@pytest.mark.parametrize("who, code", [
    ("anon", "API_KEY_REQUIRED"), ("resident", "API_KEY_REQUIRED"), ("staff_x", "API_KEY_REQUIRED"),
    ("admin", "API_KEY_REQUIRED"), ("partner_x_read", "SCOPE_MISSING"),
])
async def test_only_a_billing_key_writes_accounts(cast, who, code):
    # when
    body = await _data(getattr(cast, who), UPSERT, {"accounts": [_item("10117", ownerName="Чужой")]})
    # then
    assert body["data"]["partnerAccountsUpsert"] == {"created": 0, "updated": 0, "errors": [{"field": None, "code": code}]}
    assert (await PersonalAccount.get(id=cast.world.account_x.id)).owner_name == "Мартынович Александр"


async def test_a_billing_key_of_company_y_never_writes_company_xs_accounts(cast):
    # when: Y's billing sends X's account number
    body = await _data(cast.partner_y, UPSERT, {"accounts": [_item("10117", ownerName="Чужой")]})
    # then: it made an account of its own company; X's is untouched
    assert body["data"]["partnerAccountsUpsert"] == {"created": 1, "updated": 0, "errors": []}
    assert (await PersonalAccount.get(id=cast.world.account_x.id)).owner_name == "Мартынович Александр"
    made = await PersonalAccount.get(company_id=cast.world.company_y.id, number="10117")
    assert made.owner_name == "Чужой"


async def test_a_billing_key_of_company_x_updates_its_account(cast):
    # when
    body = await _data(cast.partner_x, UPSERT, {"accounts": [_item("10117", city="Астана", street="100 атқыштар дивизиясы көшесі",
                                                                   flat="17", ownerName="Мартынович Александр Владимирович")]})
    # then
    assert body["data"]["partnerAccountsUpsert"] == {"created": 0, "updated": 1, "errors": []}
    assert (await PersonalAccount.get(id=cast.world.account_x.id)).owner_name == "Мартынович Александр Владимирович"


BY_ADDRESS = """
mutation($number: String!, $address: String!, $flat: String!) {
  accountLinkByAddress(input: {accountNumber: $number, address: $address, flat: $flat}) { link { status } errors { code } }
}
"""
REMOVE = "mutation($id: ID!) { accountLinkRemove(input: {linkId: $id}) { link { id } errors { code } } }"


@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("staff_x", "FORBIDDEN"), ("admin", "FORBIDDEN"), ("partner_x", "UNAUTHENTICATED"), ("resident", None),
])
async def test_only_residents_link_by_address(cast, who, code):
    # when
    body = await _data(getattr(cast, who), BY_ADDRESS, {"number": "10118", "address": "Астана, 100 атқыштар дивизиясы, 1", "flat": "18"})
    # then
    result = body["data"]["accountLinkByAddress"]
    if code:
        assert result == {"link": None, "errors": [{"code": code}]} and await AccountLink.all().count() == 2
    else:
        assert result == {"link": {"status": "PENDING"}, "errors": []}


@pytest.mark.parametrize("who, code", [
    ("anon", "UNAUTHENTICATED"), ("other_resident", "NOT_FOUND"), ("staff_x", "FORBIDDEN"), ("admin", "FORBIDDEN"),
    ("partner_x", "UNAUTHENTICATED"), ("resident", None),
])
async def test_only_the_resident_removes_their_link(cast, who, code):
    # given
    link = await AccountLink.get(user_id=cast.resident.user.id)
    # when
    body = await _data(getattr(cast, who), REMOVE, {"id": str(link.id)})
    # then
    result = body["data"]["accountLinkRemove"]
    status = (await AccountLink.get(id=link.id)).status
    if code:
        assert result == {"link": None, "errors": [{"code": code}]} and status is AccountLinkStatus.CONFIRMED
    else:
        assert result == {"link": None, "errors": []} and status is AccountLinkStatus.REMOVED


@pytest.mark.parametrize("who", ["staff_x", "staff_y", "admin"])
async def test_staff_never_see_links_to_another_companys_accounts_by_id(cast, who):
    # given: a pending link to Y's account
    await AccountLink.create(user=cast.other_resident.user, account=cast.world.account_y, status=AccountLinkStatus.PENDING,
                             method=AccountLinkMethod.ADDRESS)
    # when
    body = await _data(getattr(cast, who), COMPANY_LINKS, {"status": "PENDING"})
    # then
    numbers = [e["node"]["accountNumber"] for e in body["data"]["companyAccountLinks"]["edges"]]
    assert numbers == ([] if who == "staff_x" else ["20003"])
