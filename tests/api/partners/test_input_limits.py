"""Bad input from partner systems: every field within its column, dates within reason, nothing echoed back."""

from __future__ import annotations

import json

from backend.models.contracts import Contract, Premises, ResidentialComplex
from backend.models.organizations import Organization
from tests.helpers import contract_input, person_iin

UPSERT = """
mutation($i: ContractUpsertInput!) {
  partnerContractUpsert(input: $i) { created contract { id number } errors { field code message params } }
}
"""
BATCH = """
mutation($i: ContractBatchUpsertInput!) {
  partnerContractsUpsert(input: $i) {
    createdCount failedCount results { index externalId created errors { field code params } } errors { field code }
  }
}
"""
COMPLEX = "mutation($i: ComplexUpsertInput!) { partnerComplexUpsert(input: $i) { created errors { field code params } } }"
HOLDER = person_iin(610)
MEGABYTE = "h" * 1_000_000  # the reported 1 MB, within the request body limit


def _organization(bin_: str, n: int) -> dict:
    return {"bin": bin_, "name": "o" * (300 + n), "phone": "7" * 21, "email": "e" * 255, "website": "w" * 301}


async def _stored() -> tuple[int, ...]:
    return tuple([await m.all().count() for m in (Contract, ResidentialComplex, Premises, Organization)])


async def test_every_text_longer_than_its_column_is_refused_by_name_and_nothing_is_stored(partner_x):
    # given every text field of a contract one character (or a megabyte) over its column
    item = contract_input(
        "x" * 101, partner_x.organization_bin, HOLDER, number="N" * 65, holderName=MEGABYTE,
        complex={"externalId": "c" * 101, "name": "n" * 301, "address": "a" * 501, "website": "w" * 301},
        premises={"kind": "FLAT", "number": "9" * 100_000},
        developer=_organization(partner_x.organization_bin, 1),
        guarantee={"kind": "AKIMAT_PERMIT", "number": "g" * 65},
    )
    before = await _stored()
    # when
    response = await partner_x.raw(UPSERT, {"i": item})
    # then each field is named with its limit, the answer is small and echoes no value
    payload = response.json()["data"]["partnerContractUpsert"]
    assert {(e["field"], e["code"], e["params"]["max"]) for e in payload["errors"]} == {
        ("externalId", "TOO_LONG", 100), ("number", "TOO_LONG", 64), ("holderName", "TOO_LONG", 300),
        ("complex.externalId", "TOO_LONG", 100), ("complex.name", "TOO_LONG", 300),
        ("complex.address", "TOO_LONG", 500), ("complex.website", "TOO_LONG", 300),
        ("premises.number", "TOO_LONG", 32), ("developer.name", "TOO_LONG", 300), ("developer.phone", "TOO_LONG", 20),
        ("developer.email", "TOO_LONG", 254), ("developer.website", "TOO_LONG", 300), ("guarantee.number", "TOO_LONG", 64),
    }
    assert payload["contract"] is None and len(response.content) < 5000
    assert await _stored() == before


async def test_dates_outside_a_plausible_range_are_refused(partner_x):
    item = contract_input(
        "c-old", partner_x.organization_bin, HOLDER, signedOn="0001-01-01",
        complex={"name": "ТК", "commissioningDate": "9999-12-31"},
        guarantee={"kind": "AKIMAT_PERMIT", "number": "KZ-1", "date": "1900-01-01"},
    )
    payload = (await partner_x.data(UPSERT, {"i": item}))["partnerContractUpsert"]
    assert {(e["field"], e["code"]) for e in payload["errors"]} == {
        ("signedOn", "OUT_OF_RANGE"), ("complex.commissioningDate", "OUT_OF_RANGE"), ("guarantee.date", "OUT_OF_RANGE"),
    }
    assert {e["params"]["min"] for e in payload["errors"]} == {"1991-12-16"}
    assert not await Contract.exists()


async def test_the_first_day_of_independence_is_a_valid_date(partner_x):
    item = contract_input("c-1991", partner_x.organization_bin, HOLDER, signedOn="1991-12-16")
    payload = (await partner_x.data(UPSERT, {"i": item}))["partnerContractUpsert"]
    assert payload["errors"] == [] and payload["created"] is True


async def test_in_a_batch_a_refused_item_is_told_by_index_and_the_others_still_apply(partner_x):
    items = [
        contract_input("ok-1", partner_x.organization_bin, HOLDER),
        contract_input("big", partner_x.organization_bin, HOLDER, holderName=MEGABYTE, premises={"kind": "FLAT", "number": "9" * 100_000}),
        contract_input("ok-2", partner_x.organization_bin, HOLDER, signedOn="0001-01-01"),
        contract_input("ok-3", partner_x.organization_bin, HOLDER),
    ]
    response = await partner_x.raw(BATCH, {"i": {"idempotencyKey": "limits", "items": items}})
    payload = response.json()["data"]["partnerContractsUpsert"]
    assert (payload["createdCount"], payload["failedCount"]) == (2, 2)
    assert [(r["index"], r["externalId"], r["created"]) for r in payload["results"]] == [
        (0, "ok-1", True), (1, "big", False), (2, "ok-2", False), (3, "ok-3", True),
    ]
    assert {(e["field"], e["code"]) for e in payload["results"][1]["errors"]} == {("holderName", "TOO_LONG"), ("premises.number", "TOO_LONG")}
    assert payload["results"][2]["errors"] == [{"field": "signedOn", "code": "OUT_OF_RANGE", "params": {"min": "1991-12-16", "max": payload["results"][2]["errors"][0]["params"]["max"]}}]
    assert len(response.content) < 5000
    assert sorted(await Contract.all().values_list("external_id", flat=True)) == ["ok-1", "ok-3"]


async def test_renumbering_onto_another_of_the_holders_contracts_is_a_conflict_not_a_database_error(partner_x):
    # given two contracts of one holder
    for ext, number in (("a", "N-1"), ("b", "N-2")):
        await partner_x.data(UPSERT, {"i": contract_input(ext, partner_x.organization_bin, HOLDER, number=number)})
    clash = contract_input("a", partner_x.organization_bin, HOLDER, number="N-2")
    # when one is given the other's number, alone and in a batch beside a good item
    single = await partner_x.raw(UPSERT, {"i": clash})
    batch = await partner_x.data(BATCH, {"i": {"idempotencyKey": "clash", "items": [
        clash, contract_input("c", partner_x.organization_bin, HOLDER, number="N-3")]}})
    # then
    assert single.json()["data"]["partnerContractUpsert"]["errors"] == [
        {"field": "number", "code": "CONTRACT_CONFLICT", "message": "Contract conflict", "params": None}]
    assert "UNIQUE" not in single.text.upper() and "errors" not in single.json()
    results = batch["partnerContractsUpsert"]["results"]
    assert results[0]["errors"] == [{"field": "number", "code": "CONTRACT_CONFLICT", "params": None}]
    assert results[1]["created"] is True
    assert dict(await Contract.all().values_list("external_id", "number")) == {"a": "N-1", "b": "N-2", "c": "N-3"}


async def test_a_complex_upsert_checks_its_fields_too(partner_x):
    body = await partner_x.data(COMPLEX, {"i": {"externalId": "x" * 101, "name": "n" * 301, "address": "a" * 501,
                                                "website": "w" * 301, "commissioningDate": "0001-01-01"}})
    assert {(e["field"], e["code"]) for e in body["partnerComplexUpsert"]["errors"]} == {
        ("externalId", "TOO_LONG"), ("name", "TOO_LONG"), ("address", "TOO_LONG"), ("website", "TOO_LONG"),
        ("commissioningDate", "OUT_OF_RANGE"),
    }
    assert not await ResidentialComplex.exists()
    assert json.dumps(body).count("n" * 301) == 0


async def test_premises_without_their_complex_are_refused_not_dropped(partner_x):
    item = contract_input("c-p", partner_x.organization_bin, HOLDER, complex=None)
    payload = (await partner_x.data(UPSERT, {"i": item}))["partnerContractUpsert"]
    assert payload["errors"] == [{"field": "complex", "code": "REQUIRED", "message": "Required", "params": None}]
    assert not await Contract.exists()
