"""The cost limit counts every selected field (duplicates, aliases, fragments at each spread) and
the depth limit covers introspection; both refuse before validation walks and before execution."""

from __future__ import annotations

import dataclasses
import time

import graphql
import httpx
import pytest

from backend.app import create_app
from backend.models.messaging import OutboxMessage
from backend.schema import cost

PHONE_CODE = (
    'mutation { sessionPhoneCodeSend(input: {phone: "+77050000009", acceptAgreement: true}) '
    "{ errors { %s } } }"
)


def _fields(n: int) -> str:
    return " ".join(["minLength"] * n)


def _refusal(body: dict) -> dict:
    assert "data" not in body, body
    (error,) = body["errors"]
    return error


async def test_a_field_repeated_hundreds_of_times_is_refused_with_its_cost_and_the_limit(anon, settings):
    # when
    body = (await anon.raw("{ passwordPolicy { %s } }" % _fields(600))).json()
    # then
    error = _refusal(body)
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 601, "max": settings.graphql_max_cost}
    assert "costs 601" in error["message"] and f"the limit is {settings.graphql_max_cost}" in error["message"]


async def test_the_same_query_under_the_limit_runs(anon):
    body = await anon.data("{ passwordPolicy { %s } }" % _fields(cost.MAX_SAME_NAME))
    assert body["passwordPolicy"]["minLength"] >= 1


async def test_one_name_repeated_past_the_cap_is_refused_under_the_cost_limit(anon):
    # given copies of one field spread over fragments, within the cost limit: validation would
    # compare every pair of them
    fragments = " ".join(f"fragment F{i} on PasswordPolicy {{ {_fields(10)} }}" for i in range(10))
    spreads = " ".join(f"...F{i}" for i in range(10))
    # when
    error = _refusal((await anon.raw("%s { passwordPolicy { %s } }" % (fragments, spreads))).json())
    # then
    assert error["extensions"] == {"code": "QUERY_TOO_COSTLY", "field": "minLength", "repeated": 100, "max": cost.MAX_SAME_NAME}
    assert "'minLength' 100 times" in error["message"]


async def test_aliases_and_fragments_multiply(anon):
    # given 20 aliases (the alias limit) of a fragment that spreads another twice: 20 * (1 + 2 * 15)
    query = (
        "fragment Rules on PasswordPolicy { rules { code } } "
        "fragment Twice on PasswordPolicy { ...Many ...Many } "
        "fragment Many on PasswordPolicy { %s } "
        "{ %s }"
    ) % (_fields(14) + " ...Rules", " ".join(f"p{i}: passwordPolicy {{ ...Twice }}" for i in range(20)))
    # when
    error = _refusal((await anon.raw(query)).json())
    # then each spread counted where it is used: 20 * (1 + 2 * (14 + 2))
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY" and error["extensions"]["cost"] == 20 * (1 + 2 * 16)


async def test_inline_fragments_count(anon):
    inline = "... on PasswordPolicy { %s }" % _fields(260)
    error = _refusal((await anon.raw("{ passwordPolicy { %s %s } }" % (inline, inline))).json())
    assert error["extensions"]["cost"] == 521


async def test_exponential_fan_out_is_refused_at_once(anon):
    # given 60 fragments, each spreading the next twice: 2**60 fields in 300 tokens, which the stock
    # depth and alias limiters would walk one by one
    chain = " ".join(f"fragment F{i} on PasswordPolicy {{ ...F{i + 1} ...F{i + 1} }}" for i in range(60))
    query = chain + " fragment F60 on PasswordPolicy { minLength } { passwordPolicy { ...F0 } }"
    # when
    started = time.perf_counter()
    error = _refusal((await anon.raw(query)).json())
    # then
    assert time.perf_counter() - started < 2
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert "more than 1000000000" in error["message"]


async def test_a_costly_mutation_is_refused_before_it_runs(anon):
    body = (await anon.raw(PHONE_CODE % " ".join(["code"] * 600))).json()
    assert _refusal(body)["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert not await OutboxMessage.exists()


async def test_the_limit_is_a_setting(settings, rt):
    tight = dataclasses.replace(settings, graphql_max_cost=3)
    app = create_app(tight, runtime=rt, manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        ok = await http.post("/graphql", json={"query": "{ passwordPolicy { minLength maxLength } }"})
        assert "errors" not in ok.json()
        refused = await http.post("/graphql", json={"query": "{ passwordPolicy { minLength maxLength rules { code } } }"})
        assert refused.json()["errors"][0]["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 5, "max": 3}


async def test_passed_documents_are_measured_once(anon, monkeypatch):
    # given
    calls = []
    measure = cost.measure
    monkeypatch.setattr(cost, "measure", lambda document: calls.append(1) or measure(document))
    query = "{ passwordPolicy { minLength maxLength minLength } }"
    # when
    for _ in range(3):
        await anon.data(query)
    # then
    assert len(calls) == 1


def _fields_of_types(levels: int) -> str:
    return "fields { type { " * levels + "name" + " } }" * levels


@pytest.mark.parametrize("query", [
    "{ __schema { types { %s } } }" % _fields_of_types(6),
    '{ __type(name: "Query") { fields { type { %s } } } }' % ("ofType { " * 20 + "name" + " }" * 20),
    "fragment T on __Type { %s } { __schema { types { fields { type { ...T } } } } }" % _fields_of_types(5),
], ids=["types-and-fields", "of-type-chain", "through-a-fragment"])
async def test_the_depth_limit_covers_introspection(anon, query):
    error = _refusal((await anon.raw(query)).json())
    assert error["extensions"]["code"] == "QUERY_TOO_DEEP"
    assert "exceeds maximum operation depth of 12" in error["message"]


async def test_graphiqls_introspection_query_passes(anon):
    query = graphql.get_introspection_query(
        descriptions=True, specified_by_url=True, directive_is_repeatable=True,
        schema_description=True, input_value_deprecation=True,
    )
    body = await anon.data(query)
    assert body["__schema"]["queryType"]["name"] == "Query"
