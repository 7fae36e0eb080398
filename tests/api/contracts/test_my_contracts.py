"""My contracts (seed 000): what a holder sees, and what nobody else sees."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from backend.adapters.contract_source import ComplexData, ContractData, DemoContractSource, OrganizationData, PremisesData
from backend.models.history import HistoryEvent
from tests.conftest import ROLES
from tests.helpers import make_contract
from tests.ws import GraphQLWebSocket

MY = """
query {
  myContracts {
    id number signedOn holderName version
    complex { name address website commissioningDate }
    premises { kind number }
    developer { bin name phone email }
    authorizedCompany { bin name }
    guarantee { kind number date }
    documents { id }
    history { action source changes { field old new } }
  }
}
"""
ONE = "query($id: ID!) { contract(id: $id) { id number } }"
REFRESH = "mutation($i: ContractRefreshInput!) { contractRefresh(input: $i) { changedFields contract { version complex { commissioningDate } developer { phone } } errors { field code params } } }"


async def test_a_holder_sees_every_section_of_seed_000(rt, citizen):
    # given
    await make_contract(rt, citizen.user.iin_bin, "Н-3-67/44-АФ")
    # when
    body = await citizen.data(MY)
    # then
    [contract] = body["myContracts"]
    assert contract["number"] == "Н-3-67/44-АФ" and contract["signedOn"] == "2024-01-15"
    assert contract["complex"]["name"].startswith("ТК «Тест") and contract["complex"]["commissioningDate"] == "2026-06-30"
    assert contract["premises"]["kind"] == "FLAT"
    assert contract["developer"]["phone"] == "+77170000000" and contract["authorizedCompany"]["bin"]
    assert contract["guarantee"]["kind"] == "KZHK_GUARANTEE"
    assert [e["action"] for e in contract["history"]] == ["created"]


async def test_contracts_come_oldest_first_for_the_number_buttons(rt, citizen):
    await make_contract(rt, citizen.user.iin_bin, "B-2", signed_on=dt.date(2025, 1, 1))
    await make_contract(rt, citizen.user.iin_bin, "A-1", signed_on=dt.date(2023, 1, 1))
    body = await citizen.data(MY)
    assert [c["number"] for c in body["myContracts"]] == ["A-1", "B-2"]


async def test_holder_a_never_sees_holder_b(rt, citizen, legal_entity):
    theirs = await make_contract(rt, legal_entity.user.iin_bin, "К-9")
    assert (await citizen.data(MY))["myContracts"] == []
    assert (await citizen.data(ONE, {"id": str(theirs.id)}))["contract"] is None
    assert (await citizen.data(ONE, {"id": "00000000-0000-4000-8000-000000000000"}))["contract"] is None
    assert (await legal_entity.data(ONE, {"id": str(theirs.id)}))["contract"]["number"] == "К-9"


@pytest.mark.parametrize("as_role", [r for r in ROLES if r not in ("citizen", "legal_entity")], indirect=True)
async def test_roles_without_contracts_get_none_and_are_told_why(as_role):
    body = await as_role.gql(MY)
    assert body["data"]["myContracts"] == []
    assert body["extensions"]["denied"] == [{"path": ["myContracts"], "code": "FORBIDDEN"}]


async def test_anonymous_gets_nothing(anon, rt, citizen):
    contract = await make_contract(rt, citizen.user.iin_bin)
    assert (await anon.gql(MY))["data"]["myContracts"] == []
    assert (await anon.data(ONE, {"id": str(contract.id)}))["contract"] is None


async def test_kzhk_operators_may_open_any_contract(rt, citizen, kzhk_operator):
    contract = await make_contract(rt, citizen.user.iin_bin)
    assert (await kzhk_operator.data(ONE, {"id": str(contract.id)}))["contract"]["id"] == str(contract.id)


async def _with_source(rt, contract, **changes):
    truth = ContractData(
        number=contract.number, signed_on=contract.signed_on, holder_iin_bin=contract.holder_iin_bin,
        holder_name=contract.holder_name,
        complex=ComplexData(name="ТК «Жаңа»", address="Астана", commissioning_date=changes.get("commissioning", dt.date(2026, 12, 25))),
        premises=PremisesData("flat", "7"),
        developer=OrganizationData(bin="040640406657", name="ТОО «Байтерек»", phone=changes.get("phone", "+77172550101")),
    )
    rt.contract_source = DemoContractSource({(contract.holder_iin_bin, contract.number): truth})


async def test_update_data_pulls_the_source_and_records_what_changed(rt, citizen):
    # given a contract whose source system has newer data
    contract = await make_contract(rt, citizen.user.iin_bin)
    await _with_source(rt, contract)
    # when
    body = await citizen.data(REFRESH, {"i": {"contractId": str(contract.id)}})
    # then
    payload = body["contractRefresh"]
    assert payload["errors"] == []
    assert "complex.commissioningDate" in payload["changedFields"] and "developer.phone" in payload["changedFields"]
    assert payload["contract"]["version"] == 2 and payload["contract"]["complex"]["commissioningDate"] == "2026-12-25"
    event = await HistoryEvent.filter(entity="contract", entity_id=str(contract.id), action="updated").get()
    assert event.data["source"] == "refresh" and event.actor_id == citizen.user.id
    assert event.data["changes"]["complex.commissioningDate"] == {"old": "2026-06-30", "new": "2026-12-25"}


async def test_a_second_refresh_right_away_waits(rt, citizen):
    contract = await make_contract(rt, citizen.user.iin_bin)
    await _with_source(rt, contract)
    await citizen.data(REFRESH, {"i": {"contractId": str(contract.id)}})
    body = await citizen.data(REFRESH, {"i": {"contractId": str(contract.id)}})
    assert body["contractRefresh"]["errors"][0]["code"] == "REFRESH_TOO_SOON"


async def test_a_refresh_with_nothing_new_changes_nothing_but_is_recorded(rt, citizen):
    contract = await make_contract(rt, citizen.user.iin_bin)
    rt.contract_source = DemoContractSource({})
    body = await citizen.data(REFRESH, {"i": {"contractId": str(contract.id)}})
    assert body["contractRefresh"]["changedFields"] == [] and body["contractRefresh"]["contract"]["version"] == 1
    assert await HistoryEvent.filter(entity_id=str(contract.id), action="refreshed").exists()


async def test_someone_elses_contract_cannot_be_refreshed(rt, citizen, legal_entity):
    theirs = await make_contract(rt, legal_entity.user.iin_bin)
    body = await citizen.data(REFRESH, {"i": {"contractId": str(theirs.id)}})
    assert body["contractRefresh"]["errors"] == [{"field": "contractId", "code": "NOT_FOUND", "params": None}]


async def test_a_source_that_is_down_is_a_clear_error(rt, citizen):
    from backend.adapters.contract_source import ContractSourceError

    class Down:
        async def fetch(self, *args):
            raise ContractSourceError("timeout")

    contract = await make_contract(rt, citizen.user.iin_bin)
    rt.contract_source = Down()
    body = await citizen.data(REFRESH, {"i": {"contractId": str(contract.id)}})
    assert body["contractRefresh"]["errors"][0]["code"] == "SOURCE_UNAVAILABLE"


@pytest.mark.parametrize("as_role", ["resident", "kzhk_operator", "partner"], indirect=True)
async def test_only_holders_refresh(rt, as_role, citizen):
    contract = await make_contract(rt, citizen.user.iin_bin)
    body = await as_role.data(REFRESH, {"i": {"contractId": str(contract.id)}})
    assert body["contractRefresh"]["errors"][0]["code"] == "FORBIDDEN"


async def test_the_open_page_learns_of_a_refresh_live(live_server, rt, citizen):
    contract = await make_contract(rt, citizen.user.iin_bin)
    await _with_source(rt, contract)
    socket = await GraphQLWebSocket.connect(live_server, citizen.token)
    await socket.subscribe("subscription($id: ID) { contractUpdated(contractId: $id) { id version complex { commissioningDate } } }", {"id": str(contract.id)})
    await asyncio.sleep(0.1)
    await citizen.data(REFRESH, {"i": {"contractId": str(contract.id)}})
    message = await socket.next_message()
    assert message["payload"]["data"]["contractUpdated"] == {"id": str(contract.id), "version": 2, "complex": {"commissioningDate": "2026-12-25"}}
    await socket.close()


async def test_others_do_not_hear_about_my_contract(live_server, rt, citizen, legal_entity):
    mine = await make_contract(rt, citizen.user.iin_bin)
    theirs = await make_contract(rt, legal_entity.user.iin_bin, "К-2")
    socket = await GraphQLWebSocket.connect(live_server, legal_entity.token)
    await socket.subscribe("subscription { contractUpdated { id } }")
    await asyncio.sleep(0.1)
    await _with_source(rt, mine)
    await citizen.data(REFRESH, {"i": {"contractId": str(mine.id)}})
    await _with_source(rt, theirs)
    await legal_entity.data(REFRESH, {"i": {"contractId": str(theirs.id)}})
    message = await socket.next_message()
    assert message["payload"]["data"]["contractUpdated"]["id"] == str(theirs.id)
    await socket.close()


async def test_a_change_to_a_shared_complex_is_recorded_on_every_contract_that_shows_it(live_server, rt, citizen, legal_entity):
    from backend.adapters.contract_source import ComplexData

    shared = ComplexData(name="ТК «Ортақ»", address="Астана", commissioning_date=dt.date(2026, 6, 30))
    mine = await make_contract(rt, citizen.user.iin_bin, "A-1", complex=shared)
    theirs = await make_contract(rt, legal_entity.user.iin_bin, "B-1", complex=shared)
    socket = await GraphQLWebSocket.connect(live_server, legal_entity.token)
    await socket.subscribe("subscription { contractUpdated { id version complex { commissioningDate } } }")
    await asyncio.sleep(0.1)
    # when the citizen's refresh moves the complex's commissioning date
    truth = ContractData(number="A-1", signed_on=mine.signed_on, holder_iin_bin=citizen.user.iin_bin, holder_name=mine.holder_name,
                         complex=ComplexData(name="ТК «Ортақ»", address="Астана", commissioning_date=dt.date(2027, 1, 31)))
    rt.contract_source = DemoContractSource({(citizen.user.iin_bin, "A-1"): truth})
    await citizen.data(REFRESH, {"i": {"contractId": str(mine.id)}})
    # then the other holder's contract shows it, records it, and its page hears of it
    message = await socket.next_message()
    assert message["payload"]["data"]["contractUpdated"] == {"id": str(theirs.id), "version": 2, "complex": {"commissioningDate": "2027-01-31"}}
    event = await HistoryEvent.filter(entity="contract", entity_id=str(theirs.id), action="updated").get()
    assert event.data["changes"] == {"complex.commissioningDate": {"old": "2026-06-30", "new": "2027-01-31"}}
    assert event.data["source"] == "refresh" and event.data["via"] == str(mine.id)
    await socket.close()
