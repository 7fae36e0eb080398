"""Partners keep their organization's complexes and contracts, one by one or 500 at a time."""

from __future__ import annotations

import asyncio

import pytest

from backend.models.contracts import Contract
from backend.models.history import HistoryEvent
from tests.helpers import company_bin, contract_input, make_contract, person_iin
from tests.ws import GraphQLWebSocket

UPSERT = """
mutation($i: ContractUpsertInput!) {
  partnerContractUpsert(input: $i) {
    created changedFields replayed
    contract { id number holderIinBin version complex { name commissioningDate } developer { bin name } premises { kind number } }
    errors { field code }
  }
}
"""
BATCH = """
mutation($i: ContractBatchUpsertInput!) {
  partnerContractsUpsert(input: $i) {
    createdCount updatedCount unchangedCount failedCount replayed
    results { index externalId created changedFields contract { id } errors { field code } }
    errors { field code }
  }
}
"""
LIST = "query($since: DateTime) { partnerContracts(updatedSince: $since, first: 100) { totalCount edges { node { id number } } } }"
COMPLEX = "mutation($i: ComplexUpsertInput!) { partnerComplexUpsert(input: $i) { created complex { name } errors { field code } } }"
HOLDER = person_iin(600)


async def test_a_partner_creates_then_updates_a_contract(partner_x):
    body = await partner_x.data(UPSERT, {"i": contract_input("c-1", partner_x.organization_bin, HOLDER)})
    payload = body["partnerContractUpsert"]
    assert payload["errors"] == [] and payload["created"] is True
    assert payload["contract"]["developer"]["bin"] == partner_x.organization_bin
    body = await partner_x.data(UPSERT, {"i": contract_input("c-1", partner_x.organization_bin, HOLDER, premises={"kind": "FLAT", "number": "13"})})
    payload = body["partnerContractUpsert"]
    assert payload["created"] is False and payload["changedFields"] == ["premises.number"]
    assert payload["contract"]["version"] == 2
    event = await HistoryEvent.filter(entity="contract", action="updated").get()
    assert event.data["source"] == "partner:X CRM"


async def test_sending_the_same_data_again_changes_nothing(partner_x):
    item = contract_input("c-1", partner_x.organization_bin, HOLDER)
    await partner_x.data(UPSERT, {"i": item})
    body = await partner_x.data(UPSERT, {"i": item})
    assert body["partnerContractUpsert"]["changedFields"] == [] and body["partnerContractUpsert"]["contract"]["version"] == 1


async def test_a_partner_writes_only_where_its_organization_is_a_party(partner_x):
    body = await partner_x.data(UPSERT, {"i": contract_input("c-1", company_bin(8999), HOLDER)})
    assert body["partnerContractUpsert"]["errors"] == [{"field": "developer", "code": "NOT_YOUR_ORGANIZATION"}]
    assert not await Contract.exists()


async def test_partner_x_never_overwrites_partner_y(partner_x, partner_y):
    await partner_y.data(UPSERT, {"i": contract_input("y-1", partner_y.organization_bin, HOLDER, number="N-SHARED")})
    item = contract_input("x-1", partner_x.organization_bin, HOLDER, number="N-SHARED")
    body = await partner_x.data(UPSERT, {"i": item})
    assert body["partnerContractUpsert"]["errors"] == [{"field": "number", "code": "CONTRACT_CONFLICT"}]
    # the same external id as Y's is simply another contract for X
    body = await partner_x.data(UPSERT, {"i": contract_input("y-1", partner_x.organization_bin, HOLDER, number="N-X")})
    assert body["partnerContractUpsert"]["created"] is True
    assert await Contract.filter(number="N-SHARED").count() == 1


async def test_partner_x_never_reads_partner_y(partner_x, partner_y):
    await partner_y.data(UPSERT, {"i": contract_input("y-1", partner_y.organization_bin, HOLDER)})
    await partner_x.data(UPSERT, {"i": contract_input("x-1", partner_x.organization_bin, HOLDER, number="N-X")})
    listing = await partner_x.data(LIST)
    assert [e["node"]["number"] for e in listing["partnerContracts"]["edges"]] == ["N-X"]
    y_id = (await partner_y.data(LIST))["partnerContracts"]["edges"][0]["node"]["id"]
    assert (await partner_x.data("query($id: ID!) { contract(id: $id) { id } }", {"id": y_id}))["contract"] is None


async def test_a_partner_takes_over_an_unowned_contract_of_its_developer(rt, partner_x):
    from backend.adapters.contract_source import OrganizationData

    existing = await make_contract(rt, HOLDER, "Н-7", developer=OrganizationData(bin=partner_x.organization_bin, name="X"))
    body = await partner_x.data(UPSERT, {"i": contract_input("x-7", partner_x.organization_bin, HOLDER, number="H-7")})
    assert body["partnerContractUpsert"]["contract"]["id"] == str(existing.id)
    assert (await Contract.get(id=existing.id)).external_id == "x-7"


async def test_bad_items_are_reported_field_by_field(partner_x):
    item = contract_input("", partner_x.organization_bin, "123", number=" ", premises={"kind": "FLAT", "number": ""})
    body = await partner_x.data(UPSERT, {"i": item})
    fields = {(e["field"], e["code"]) for e in body["partnerContractUpsert"]["errors"]}
    assert {("externalId", "REQUIRED"), ("number", "REQUIRED"), ("holderIinBin", "INVALID_IIN_BIN"), ("premises.number", "REQUIRED")} <= fields


async def test_a_batch_of_five_hundred(partner_x):
    items = [contract_input(f"b-{n}", partner_x.organization_bin, HOLDER) for n in range(500)]
    body = await partner_x.data(BATCH, {"i": {"idempotencyKey": "batch-1", "items": items}})
    payload = body["partnerContractsUpsert"]
    assert (payload["createdCount"], payload["failedCount"], payload["replayed"]) == (500, 0, False)
    assert await Contract.filter(owner__bin=partner_x.organization_bin).count() == 500


async def test_a_batch_of_more_than_five_hundred_is_refused_whole(partner_x):
    items = [contract_input(f"b-{n}", partner_x.organization_bin, HOLDER) for n in range(501)]
    body = await partner_x.data(BATCH, {"i": {"idempotencyKey": "batch-1", "items": items}})
    assert body["partnerContractsUpsert"]["errors"] == [{"field": "items", "code": "TOO_MANY"}]
    assert not await Contract.exists()


async def test_a_retried_batch_changes_nothing_twice(partner_x):
    items = [contract_input(f"b-{n}", partner_x.organization_bin, HOLDER) for n in range(3)]
    first = (await partner_x.data(BATCH, {"i": {"idempotencyKey": "k-1", "items": items}}))["partnerContractsUpsert"]
    events = await HistoryEvent.filter(entity="contract").count()
    again = (await partner_x.data(BATCH, {"i": {"idempotencyKey": "k-1", "items": items}}))["partnerContractsUpsert"]
    assert again["replayed"] is True and again["createdCount"] == 3
    assert [r["contract"]["id"] for r in again["results"]] == [r["contract"]["id"] for r in first["results"]]
    assert await HistoryEvent.filter(entity="contract").count() == events
    assert await Contract.filter(version__gt=1).count() == 0


async def test_the_same_key_with_other_items_is_refused(partner_x):
    items = [contract_input("b-1", partner_x.organization_bin, HOLDER)]
    await partner_x.data(BATCH, {"i": {"idempotencyKey": "k-1", "items": items}})
    other = [contract_input("b-2", partner_x.organization_bin, HOLDER)]
    body = await partner_x.data(BATCH, {"i": {"idempotencyKey": "k-1", "items": other}})
    assert body["partnerContractsUpsert"]["errors"] == [{"field": "idempotencyKey", "code": "IDEMPOTENCY_KEY_REUSED"}]


async def test_keys_are_per_client(partner_x, partner_y):
    await partner_x.data(BATCH, {"i": {"idempotencyKey": "k-1", "items": [contract_input("b-1", partner_x.organization_bin, HOLDER)]}})
    body = await partner_y.data(BATCH, {"i": {"idempotencyKey": "k-1", "items": [contract_input("b-1", partner_y.organization_bin, HOLDER, number="Y")]}})
    assert body["partnerContractsUpsert"]["replayed"] is False and body["partnerContractsUpsert"]["createdCount"] == 1


async def test_a_single_upsert_with_a_key_replays(partner_x):
    item = {**contract_input("c-1", partner_x.organization_bin, HOLDER), "idempotencyKey": "one"}
    first = (await partner_x.data(UPSERT, {"i": item}))["partnerContractUpsert"]
    again = (await partner_x.data(UPSERT, {"i": item}))["partnerContractUpsert"]
    assert again["replayed"] is True and again["created"] is True and again["contract"]["id"] == first["contract"]["id"]


async def test_one_bad_item_does_not_stop_the_batch(partner_x):
    items = [contract_input("ok-1", partner_x.organization_bin, HOLDER), contract_input("bad", company_bin(8999), HOLDER),
             contract_input("ok-1", partner_x.organization_bin, HOLDER)]
    payload = (await partner_x.data(BATCH, {"i": {"idempotencyKey": "k", "items": items}}))["partnerContractsUpsert"]
    assert (payload["createdCount"], payload["failedCount"]) == (1, 2)
    assert payload["results"][1]["errors"] == [{"field": "developer", "code": "NOT_YOUR_ORGANIZATION"}]
    assert payload["results"][2]["errors"] == [{"field": "externalId", "code": "DUPLICATE_IN_BATCH"}]


async def test_scopes_are_enforced(app, settings):
    import httpx

    from backend.services.partners import ApiScope
    from tests.helpers import make_partner

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        reader = await make_partner(settings, http, company_bin(8300), scopes={ApiScope.CONTRACTS_READ})
        body = await reader.data(UPSERT, {"i": contract_input("c", reader.organization_bin, HOLDER)})
        assert body["partnerContractUpsert"]["errors"] == [{"field": None, "code": "SCOPE_MISSING"}]
        assert (await reader.data(LIST))["partnerContracts"]["totalCount"] == 0


async def test_people_cannot_use_partner_operations(citizen, anon):
    for client in (citizen, anon):
        body = await client.data(UPSERT, {"i": contract_input("c", company_bin(8100), HOLDER)})
        assert body["partnerContractUpsert"]["errors"] == [{"field": None, "code": "API_KEY_REQUIRED"}]


async def test_complexes_are_kept_by_external_id(partner_x):
    first = await partner_x.data(COMPLEX, {"i": {"externalId": "cx-9", "name": "ТК «А»"}})
    second = await partner_x.data(COMPLEX, {"i": {"externalId": "cx-9", "name": "ТК «Б»"}})
    assert first["partnerComplexUpsert"]["created"] is True
    assert second["partnerComplexUpsert"] == {"created": False, "complex": {"name": "ТК «Б»"}, "errors": []}


async def test_the_holders_open_page_sees_a_partner_upsert_live(live_server, partner_x, rt, citizen):
    socket = await GraphQLWebSocket.connect(live_server, citizen.token)
    await socket.subscribe("subscription { contractUpdated { number holderIinBin } }")
    await asyncio.sleep(0.1)
    await partner_x.data(UPSERT, {"i": contract_input("c-live", partner_x.organization_bin, citizen.user.iin_bin, number="LIVE-1")})
    message = await socket.next_message()
    assert message["payload"]["data"]["contractUpdated"] == {"number": "LIVE-1", "holderIinBin": citizen.user.iin_bin}
    my = await citizen.data("query { myContracts { number } }")
    assert my["myContracts"] == [{"number": "LIVE-1"}]
    await socket.close()
