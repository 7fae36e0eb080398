"""The billing's bulk upsert of accounts: created and updated by number, buildings by external id or
address, per-item errors that save nothing of that item and everything of the others."""

from __future__ import annotations

from decimal import Decimal

from backend.auth.passwords import verify_password
from backend.models.history import HistoryEvent
from backend.models.housing import Building, HousingUnit, PersonalAccount

UPSERT = """
mutation($accounts: [PartnerAccountInput!]!) {
  partnerAccountsUpsert(input: {accounts: $accounts}) { created updated errors { field code params } }
}
"""
BY_LOGIN = """
mutation($login: String!, $password: String!) {
  accountLinkByLogin(input: {login: $login, password: $password}) { link { status account { number flat premisesArea } } errors { code } }
}
"""


def item(number: str, flat: str, **over) -> dict:
    data = {"number": number, "city": "Астана", "street": "Қабанбай батыр даңғылы", "house": "11", "flat": flat,
            "premisesArea": "54.20", "accountArea": "54.20", "ownerName": f"Иесі {number}"}
    data.update(over)
    return data


async def _upsert(partner, accounts):
    return (await partner.data(UPSERT, {"accounts": accounts}))["partnerAccountsUpsert"]


async def test_new_accounts_come_with_their_building_and_premises(cast):
    # when
    result = await _upsert(cast.partner_x, [item("30001", "1", buildingExternalId="B-11", phone="8 701 111 22 33", living=3),
                                            item("30002", "2", buildingExternalId="B-11", login="kab-2", password="Kab-2-pass")])
    # then
    assert result == {"created": 2, "updated": 0, "errors": []}
    building = await Building.get(company_id=cast.world.company_x.id, external_id="B-11")
    assert building.address_key == "астана кабанбай батыр 11"
    first = await PersonalAccount.get(company_id=cast.world.company_x.id, number="30001")
    assert (first.phone, first.living, first.registered, first.login, first.password_hash) == ("+77011112233", 3, 0, "30001", None)
    second = await PersonalAccount.get(number="30002")
    assert second.login == "kab-2" and verify_password(second.password_hash, "Kab-2-pass")
    assert await HousingUnit.filter(building_id=building.id).count() == 2
    created = await HistoryEvent.filter(entity="personal_account", entity_id=str(first.id))
    assert [e.action for e in created] == ["created"] and created[0].data["source"] == "partner:X billing"


async def test_the_password_the_billing_sets_links_the_account(cast):
    # given
    await _upsert(cast.partner_x, [item("30002", "2", login="kab-2", password="Kab-2-pass")])
    # when
    body = await cast.resident.data(BY_LOGIN, {"login": "kab-2", "password": "Kab-2-pass"})
    # then
    assert body["accountLinkByLogin"]["link"] == {"status": "CONFIRMED", "account": {"number": "30002", "flat": "2", "premisesArea": "54.20"}}


async def test_an_update_changes_what_was_sent_and_keeps_the_rest(cast):
    # given
    await _upsert(cast.partner_x, [item("30001", "1", phone="+77011112233", living=3, registered=2, password="First-pass-1")])
    before = await PersonalAccount.get(number="30001")
    # when: the same account, another owner and area; phone, people and password omitted
    result = await _upsert(cast.partner_x, [item("30001", "1", ownerName="Жаңа Иесі", premisesArea="55.00", accountArea="27.50")])
    # then
    assert result == {"created": 0, "updated": 1, "errors": []}
    after = await PersonalAccount.get(id=before.id)
    assert (after.owner_name, after.account_area, after.phone, after.living, after.registered) == \
        ("Жаңа Иесі", Decimal("27.50"), "+77011112233", 3, 2)
    assert after.password_hash == before.password_hash
    assert (await HousingUnit.get(id=after.unit_id)).area == Decimal("55.00")
    updated = await HistoryEvent.filter(entity="personal_account", entity_id=str(after.id), action="updated").first()
    assert set(updated.data["changes"]) == {"owner_name", "account_area", "premisesArea"}


async def test_a_building_is_found_by_its_address_however_it_is_spelled(cast):
    # given: X's building "100 атқыштар дивизиясы көшесі, 1" kept by the test world
    # when: the billing spells it otherwise
    result = await _upsert(cast.partner_x, [item("10119", "19", city="г. Астана", street="ул. 100 Атқыштар дивизиясы", house="1")])
    # then: no second building; the billing's spelling is kept as the address
    assert result["errors"] == [] and result["created"] == 1
    assert await Building.filter(company_id=cast.world.company_x.id).count() == 1
    account = await PersonalAccount.get(number="10119")
    unit = await HousingUnit.get(id=account.unit_id)
    assert unit.building_id == cast.world.building_x.id


async def test_bad_items_are_reported_by_index_and_the_good_ones_saved(cast):
    # when
    result = await _upsert(cast.partner_x, [
        item("30001", "1"),
        item("", "2", premisesArea="12.345"),
        item("30003", "3", city=None, street=None, house=None),
        item("30004", "4", buildingExternalId="NO-SUCH", city=None, street=None, house=None),
        item("30001", "5"),
        item("30006", "6", phone="12345", living=-1),
        item("30007", "7", login="10117"),
    ])
    # then
    assert result["created"] == 1 and result["updated"] == 0
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("accounts.1.number", "REQUIRED"), ("accounts.1.premisesArea", "INVALID_AREA"),
        ("accounts.2.city", "REQUIRED"), ("accounts.2.street", "REQUIRED"), ("accounts.2.house", "REQUIRED"),
        ("accounts.3.buildingExternalId", "BUILDING_NOT_FOUND"),
        ("accounts.4.number", "DUPLICATE"),
        ("accounts.5.living", "OUT_OF_RANGE"), ("accounts.5.phone", "INVALID_PHONE"),
        ("accounts.6.login", "LOGIN_TAKEN"),
    ]
    assert result["errors"][6]["params"] == {"index": 0}
    assert [n for n in await PersonalAccount.filter(company_id=cast.world.company_x.id).values_list("number", flat=True)
            if n.startswith("3")] == ["30001"]


async def test_more_than_a_thousand_items_are_refused_whole(cast):
    # when
    result = await _upsert(cast.partner_x, [item(str(40000 + i), str(i)) for i in range(1001)])
    # then
    assert result == {"created": 0, "updated": 0, "errors": [{"field": "accounts", "code": "TOO_MANY", "params": {"max": 1000}}]}
    assert not await PersonalAccount.filter(number="40000").exists()


async def test_a_key_of_an_organization_that_is_no_management_company_writes_nothing(app, settings, cast):
    # given
    import httpx

    from backend.services.partners import ApiScope
    from tests.helpers import company_bin, make_partner

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        stranger = await make_partner(settings, http, company_bin(8700), scopes={ApiScope.BILLING_WRITE}, name="Developer CRM")
        # when
        result = await _upsert(stranger, [item("30001", "1")])
    # then
    assert result == {"created": 0, "updated": 0, "errors": [{"field": None, "code": "NOT_A_MANAGEMENT_COMPANY", "params": None}]}
    assert not await PersonalAccount.filter(number="30001").exists()


async def test_a_thousand_items_go_in_one_call_and_again_change_nothing(cast):
    # given
    accounts = [item(str(40000 + i), str(i + 1), house=str(i // 100 + 1), buildingExternalId=f"B-{i // 100}") for i in range(1000)]
    # when
    first = await _upsert(cast.partner_x, accounts)
    again = await _upsert(cast.partner_x, accounts)
    # then
    assert first == {"created": 1000, "updated": 0, "errors": []}
    assert again == {"created": 0, "updated": 1000, "errors": []}
    assert await Building.filter(company_id=cast.world.company_x.id, external_id__startswith="B-").count() == 10
    assert await HistoryEvent.filter(entity="personal_account", action="updated").count() == 0
