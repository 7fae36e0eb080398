"""The GraphQL endpoint's guard rails: limits, no suggestions, POST only, masked faults."""

from __future__ import annotations

import dataclasses
import json

import httpx
import pytest

from backend.app import create_app
from backend.runtime import Runtime


async def test_queries_over_get_are_refused(anon):
    response = await anon.http.get("/graphql", params={"query": "{ passwordPolicy { minLength } }"}, headers={"accept": "application/json"})
    assert response.status_code in (400, 405)
    assert "minLength" not in response.text


async def test_mutations_over_get_are_refused(anon):
    response = await anon.http.get("/graphql", params={"query": "mutation { sessionLogout { ended } }"}, headers={"accept": "application/json"})
    assert response.status_code in (400, 405)


async def test_browsers_get_the_playground_on_get(anon):
    response = await anon.http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200 and "<html" in response.text.lower()


async def test_depth_is_limited(settings, rt):
    shallow = dataclasses.replace(settings, graphql_max_depth=2)
    app = create_app(shallow, runtime=rt, manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        ok = await http.post("/graphql", json={"query": "{ passwordPolicy { rules { code } } }"})
        assert "errors" not in ok.json()
        deep = await http.post("/graphql", json={"query": "{ users { edges { node { id } } } }"})
        assert "exceeds maximum operation depth" in deep.json()["errors"][0]["message"]


async def test_the_default_depth_limit_is_twelve(settings):
    assert settings.graphql_max_depth == 12


async def test_aliases_are_limited(anon):
    many = "{ " + " ".join(f"p{i}: passwordPolicy {{ minLength }}" for i in range(30)) + " }"
    body = (await anon.raw(many)).json()
    assert body["errors"] and "aliases" in body["errors"][0]["message"].lower()


async def test_tokens_are_limited(anon):
    huge = "{ " + " ".join("passwordPolicy { minLength maxLength }" for _ in range(1500)) + " }"
    body = (await anon.raw(huge)).json()
    assert body["errors"] and "token" in body["errors"][0]["message"].lower()


@pytest.mark.parametrize(
    "query,variables",
    [
        ("{ passwordPolicy { minLenght } }", None),
        ("{ notification { id } }", None),
        ("mutation($i: PhoneCodeSendInput!) { sessionPhoneCodeSend(input: $i) { errors { code } } }",
         {"i": {"phone": "+77050000000", "acceptAgreement": True, "chanel": "SMS"}}),
        ("mutation($i: PhoneCodeSendInput!) { sessionPhoneCodeSend(input: $i) { errors { code } } }",
         {"i": {"phone": "+77050000000", "acceptAgreement": True, "channel": "SMSS"}}),
        ("{ users(serch: \"x\") { totalCount } }", None),
    ],
    ids=["field", "root-field", "input-field", "enum-value", "argument"],
)
async def test_errors_never_suggest_names(anon, query, variables):
    body = (await anon.raw(query, variables)).json()
    assert body["errors"]
    assert not any("did you mean" in e["message"].lower() for e in body["errors"]), body["errors"]


async def test_batched_requests_are_refused(anon):
    payload = [{"query": "{ passwordPolicy { minLength } }"}] * 2
    response = await anon.http.post("/graphql", content=json.dumps(payload), headers={"content-type": "application/json"})
    assert response.status_code == 400


async def test_introspection_stays_on_for_the_partner_playground(anon):
    body = await anon.data("{ __schema { queryType { name } } }")
    assert body["__schema"]["queryType"]["name"] == "Query"


@pytest.fixture
async def production(settings, rt, monkeypatch):
    prod = dataclasses.replace(settings, env="production", messaging="http")
    app = create_app(prod, runtime=Runtime(prod, rt.messenger, rt.pubsub), manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app, raise_app_exceptions=False), base_url="https://testserver") as http:
        yield http


async def test_faults_are_masked_in_production_but_expected_errors_keep_their_code(production, monkeypatch):
    from backend.services import sessions

    async def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(sessions, "login_with_password", broken)
    query = 'mutation { sessionLogin(input: {login: "a@b.kz", password: "x"}) { errors { code } } }'
    body = (await production.post("/graphql", json={"query": query})).json()
    assert "hunter2" not in json.dumps(body)
    assert body["errors"][0]["message"] == "Unexpected error."
    body = (await production.post("/graphql", json={"query": "{ users(after: \"!!\") { totalCount } }"})).json()
    assert body["extensions"]["denied"][0]["code"] == "UNAUTHENTICATED"


async def test_the_dev_outbox_does_not_exist_in_production(production):
    response = await production.get("/dev/outbox.json")
    assert response.status_code == 404
    assert "channel" not in response.text


async def test_the_dev_outbox_lists_messages_in_development(anon):
    await anon.data("mutation { sessionPhoneCodeSend(input: {phone: \"+77050000001\", acceptAgreement: true}) { errors { code } } }")
    listing = (await anon.http.get("/dev/outbox.json", params={"to": "+77050000001"})).json()
    assert listing[0]["channel"] == "sms" and listing[0]["to"] == "+77050000001"
    page = await anon.http.get("/dev/outbox")
    assert "+77050000001" in page.text


async def test_security_headers_are_set(anon):
    response = await anon.http.get("/healthz")
    assert response.json() == {"status": "ok"}
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
