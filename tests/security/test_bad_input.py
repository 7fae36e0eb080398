"""Malformed requests get a 4xx with a stable code, never a 500: bodies that are not a JSON object,
bodies over the limit (refused while streaming), and text that no service can store."""

from __future__ import annotations

import json

import pytest

from backend.app import create_app
from backend.models.contracts import Contract
from backend.models.identity import User
from backend.models.messaging import OutboxMessage
from tests.helpers import company_bin, contract_input, make_partner, person_iin

UPDATE = "mutation($i: ProfileUpdateInput!) { profileUpdate(input: $i) { user { fullName } errors { code } } }"
BATCH = "mutation($i: ContractBatchUpsertInput!) { partnerContractsUpsert(input: $i) { createdCount errors { code } } }"
SEND_CODE = 'mutation { sessionPhoneCodeSend(input: {phone: "+77050000009", acceptAgreement: true}) { errors { code } } }'
JSON_HEADERS = {"content-type": "application/json"}


def _code(response) -> str:
    return response.json()["errors"][0]["extensions"]["code"]


@pytest.mark.parametrize("body", ['"string"', "null", "[]", "42", "true", json.dumps([{"query": SEND_CODE}])])
async def test_a_body_that_is_not_a_json_object_is_a_400(anon, body):
    response = await anon.http.post("/graphql", content=body, headers=JSON_HEADERS)
    assert response.status_code == 400 and _code(response) == "INVALID_REQUEST"
    assert "must be a JSON object" in response.json()["errors"][0]["message"]
    assert not await OutboxMessage.exists()


@pytest.mark.parametrize("body", [b'{"query": ', b'{"query": "\xff\xfe"}', b"[" * 100_000], ids=["truncated", "not-utf-8", "nested"])
async def test_a_body_that_is_not_json_is_a_400(anon, body):
    response = await anon.http.post("/graphql", content=body, headers=JSON_HEADERS)
    assert response.status_code == 400 and _code(response) == "INVALID_JSON"


async def test_a_wrong_operation_name_type_is_a_400(anon):
    response = await anon.http.post("/graphql", json={"query": "{ __typename }", "operationName": 1})
    assert response.status_code == 400 and _code(response) == "INVALID_REQUEST"


async def _call(app, headers: list[tuple[bytes, bytes]], chunks):
    """The app as the server sees it, counting how much of the body it pulls."""
    sent, pulled = [], []
    stream = iter(chunks)

    async def receive():
        chunk = next(stream, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled.append(len(chunk))
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/graphql", "raw_path": b"/graphql", "query_string": b"", "root_path": "",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), *headers],
        "client": ("127.0.0.1", 1), "server": ("testserver", 80),
    }
    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body), sum(pulled)


def _twenty_megabytes():
    yield b'{"query": %s, "variables": {"pad": "' % json.dumps(SEND_CODE).encode()
    for _ in range(320):
        yield b"x" * 65536
    yield b'"}}'


async def test_a_declared_large_body_is_refused_before_reading_it(settings, rt):
    app = create_app(settings, runtime=rt, manage_db=False)
    status, body, pulled = await _call(app, [(b"content-length", str(20 * 1024 * 1024).encode())], _twenty_megabytes())
    assert status == 413 and body["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert pulled == 0 and not await OutboxMessage.exists()


async def test_a_large_body_without_length_is_cut_off_at_the_limit(settings, rt):
    app = create_app(settings, runtime=rt, manage_db=False)
    status, body, pulled = await _call(app, [], _twenty_megabytes())
    assert status == 413 and body["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert pulled <= settings.graphql_max_body_bytes + 65536 and not await OutboxMessage.exists()
    assert f"larger than {settings.graphql_max_body_bytes} bytes" in body["errors"][0]["message"]


async def test_a_body_under_the_limit_is_served(anon, settings):
    pad = "x" * (settings.graphql_max_body_bytes - 1000)
    response = await anon.http.post("/graphql", json={"query": "{ __typename }", "variables": {"pad": pad}})
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("raw,problem", [("\\ud800", "lone surrogate"), ("a\\u0000b", "NUL")])
async def test_unusable_text_in_a_variable_is_refused_and_nothing_changes(citizen, raw, problem):
    # given JSON text as a client would send it (json.dumps would not write a lone surrogate)
    body = '{"query": %s, "variables": {"i": {"fullName": "%s"}}}' % (json.dumps(UPDATE), raw)
    # when
    response = await citizen.http.post(
        "/graphql", content=body.encode(), headers={**JSON_HEADERS, "authorization": f"Bearer {citizen.token}"},
    )
    # then
    assert response.status_code == 400 and _code(response) == "INVALID_TEXT"
    message = response.json()["errors"][0]["message"]
    assert "variables.i.fullName" in message and problem in message
    assert (await User.get(id=citizen.user.id)).full_name == citizen.user.full_name


async def test_unusable_text_in_an_inline_literal_is_refused_and_nothing_changes(citizen):
    query = 'mutation { profileUpdate(input: {fullName: "a\\u0000b"}) { user { fullName } } }'
    body = (await citizen.raw(query)).json()
    assert "data" not in body
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "INVALID_TEXT", "field": "profileUpdate.input.fullName"}
    assert (await User.get(id=citizen.user.id)).full_name == citizen.user.full_name


async def test_unusable_text_deep_in_lists_of_inputs_is_refused(app, settings):
    # given a partner's batch whose second item hides a NUL
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        partner = await make_partner(settings, http, company_bin(8300))
        items = [contract_input(f"c-{n}", partner.organization_bin, person_iin(700 + n)) for n in range(2)]
        items[1]["holderName"] = "Ok\x00name"
        # when
        response = await partner.raw(BATCH, {"i": {"items": items}})
    # then
    assert response.status_code == 400 and _code(response) == "INVALID_TEXT"
    assert "variables.i.items[1].holderName" in response.json()["errors"][0]["message"]
    assert not await Contract.exists()


@pytest.mark.parametrize("field,value", [("query", "{ __typename } # \ud800"), ("operationName", "\x00"), ("extensions", {"k\ud800": 1})])
async def test_every_string_of_the_body_is_checked(anon, field, value):
    body = {"query": "{ __typename }", field: value}
    raw = json.dumps(body)  # escapes the surrogate as \ud800, as a client's encoder would
    response = await anon.http.post("/graphql", content=raw, headers=JSON_HEADERS)
    assert response.status_code == 400 and _code(response) == "INVALID_TEXT"
    assert field in response.json()["errors"][0]["message"]


async def test_unusable_text_over_the_websocket_is_refused(live_server):
    from tests.ws import GraphQLWebSocket

    socket = await GraphQLWebSocket.connect(live_server)
    try:
        await socket.subscribe("subscription($id: ID!) { signingSessionUpdated(id: $id) { id } }", {"id": "a\x00b"})
        message = await socket.next_message()
    finally:
        await socket.close()
    assert message["type"] == "error", message
    assert message["payload"][0]["extensions"] == {"code": "INVALID_TEXT", "field": "variables.id"}
