"""The registries adapters: HttpRegistry against a fake gateway on a real socket (Starlette under
uvicorn on 127.0.0.1), and the embedded DemoRegistry."""

from __future__ import annotations

import asyncio

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from backend.adapters.registries import (
    DemoRegistry,
    HttpRegistry,
    RegistryUnavailable,
    facts_from_json,
    facts_to_json,
    person_from_json,
    person_to_json,
)
from backend.adapters.registry_personas import BY_NUMBER, PERSONAS
from backend.errors import DomainError
from backend.runtime import Runtime
from tests.conftest import free_port

TOKEN = "registry-test-token"
SLOW_IIN = "000000000001"
BROKEN_IIN = "000000000002"
GARBLED_IIN = "000000000003"
HOLLOW_IIN = "000000000004"  # facts without the person


def fake_gateway(seen: list) -> Starlette:
    """The gateway of the module docstring, answering from the demo personas."""
    personas = {p.iin: p for p in PERSONAS}

    async def guard(request: Request):
        seen.append((request.url.path, request.headers.get("authorization"), dict(request.query_params)))
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        iin = request.path_params["iin"]
        if iin == SLOW_IIN:
            await asyncio.sleep(2)
        if iin == BROKEN_IIN:
            return PlainTextResponse("boom", status_code=500)
        if iin == GARBLED_IIN:
            return PlainTextResponse("<html>not json</html>", status_code=200)
        return None

    async def person(request: Request):
        if (refused := await guard(request)) is not None:
            return refused
        p = personas.get(request.path_params["iin"])
        return JSONResponse(person_to_json(p.facts.person)) if p else JSONResponse({}, status_code=404)

    async def facts(request: Request):
        if (refused := await guard(request)) is not None:
            return refused
        if request.path_params["iin"] == HOLLOW_IIN:
            return JSONResponse({"family": [], "properties": []})
        p = personas.get(request.path_params["iin"])
        if p is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse(facts_to_json(p.facts))

    async def mobile_base(request: Request):
        if (refused := await guard(request)) is not None:
            return refused
        p = personas.get(request.path_params["iin"])
        if p is None:
            return JSONResponse({}, status_code=404)
        return JSONResponse({"registered": request.query_params.get("phone") in p.mobile_phones})

    return Starlette(routes=[
        Route("/v1/persons/{iin}", person),
        Route("/v1/persons/{iin}/facts", facts),
        Route("/v1/persons/{iin}/mobile-base", mobile_base),
    ])


@pytest.fixture
async def gateway():
    seen: list = []
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(fake_gateway(seen), host="127.0.0.1", port=port, lifespan="off",
                                           log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    yield f"http://127.0.0.1:{port}/v1", seen
    server.should_exit = True
    await task


@pytest.fixture
async def registry(gateway):
    url, _ = gateway
    client = HttpRegistry(url + "/", TOKEN, timeout_seconds=0.5)
    yield client
    await client.aclose()


async def test_http_registry_reads_a_person_and_the_facts_with_the_bearer_token(gateway, registry):
    _, seen = gateway
    p = BY_NUMBER["20"]
    assert await registry.person(p.iin) == p.facts.person
    facts = await registry.facts(p.iin)
    assert facts == p.facts
    assert facts.properties[0].owner_iin == BY_NUMBER["20s"].iin  # the spouse's flat comes along
    assert seen[0] == (f"/v1/persons/{p.iin}", f"Bearer {TOKEN}", {})
    assert seen[1][0] == f"/v1/persons/{p.iin}/facts"


async def test_every_persona_survives_the_json_mapping(registry):
    for p in PERSONAS:
        assert await registry.facts(p.iin) == p.facts, p.number
    # and without a server, both ways
    for p in PERSONAS:
        assert facts_from_json(facts_to_json(p.facts)) == p.facts
        assert person_from_json(person_to_json(p.facts.person)) == p.facts.person


async def test_an_unknown_person_is_none_not_an_error(registry):
    assert await registry.person("920314301999") is None
    assert await registry.facts("920314301999") is None
    assert await registry.phone_registered("920314301999", "+77015550101") is False


async def test_the_mobile_base_answer(gateway, registry):
    _, seen = gateway
    p = BY_NUMBER["01"]
    assert await registry.phone_registered(p.iin, "+77015550101") is True
    assert seen[-1] == (f"/v1/persons/{p.iin}/mobile-base", f"Bearer {TOKEN}", {"phone": "+77015550101"})
    assert await registry.phone_registered(p.iin, "+77015550199") is False
    assert await registry.phone_registered(BY_NUMBER["26"].iin, "+77015550127") is False


@pytest.mark.parametrize(
    "iin,cause",
    [(SLOW_IIN, "timeout"), (BROKEN_IIN, "status"), (GARBLED_IIN, "bad_response")],
)
async def test_failures_are_registry_unavailable(registry, iin, cause):
    with pytest.raises(RegistryUnavailable) as caught:
        await registry.facts(iin)
    assert (caught.value.code, caught.value.cause) == ("REGISTRY_UNAVAILABLE", cause)
    assert isinstance(caught.value, DomainError)  # the API maps it to a UserError like any other


async def test_a_wrong_token_is_refused_by_the_gateway_and_reported(gateway):
    url, _ = gateway
    wrong = HttpRegistry(url, "not-the-token", timeout_seconds=2)
    try:
        with pytest.raises(RegistryUnavailable) as caught:
            await wrong.person(BY_NUMBER["01"].iin)
        assert caught.value.cause == "status"
    finally:
        await wrong.aclose()


async def test_json_without_the_required_fields_is_a_bad_response(registry):
    with pytest.raises(RegistryUnavailable) as caught:
        await registry.facts(HOLLOW_IIN)
    assert caught.value.cause == "bad_response"


async def test_a_gateway_that_is_down_is_unreachable():
    port = free_port()  # nothing listens there
    client = HttpRegistry(f"http://127.0.0.1:{port}", TOKEN, timeout_seconds=2)
    try:
        with pytest.raises(RegistryUnavailable) as caught:
            await client.person(BY_NUMBER["01"].iin)
        assert caught.value.cause == "unreachable"
    finally:
        await client.aclose()


async def test_demo_registry_answers_from_the_personas():
    demo = DemoRegistry()
    p = BY_NUMBER["24"]
    person = await demo.person(p.iin)
    assert person.full_name == "Әлиева Күләш Тұрарқызы"
    assert person.representative(BY_NUMBER["25"].iin, p.facts.person.representatives[0].valid_from).kind.value == "trustee"
    assert (await demo.facts(p.iin)).categories == ("pensioner",)
    assert await demo.person("920314301999") is None and await demo.facts("920314301999") is None
    assert await demo.phone_registered(p.iin, "+77015550124") is True
    assert await demo.phone_registered(p.iin, "+77015550101") is False  # somebody else's phone
    assert await demo.phone_registered(BY_NUMBER["26"].iin, "+77015550127") is False
    own = DemoRegistry(personas=(BY_NUMBER["01"],))
    assert await own.person(BY_NUMBER["01"].iin) is not None and await own.person(p.iin) is None


async def test_the_runtime_chooses_the_registry_from_settings(settings):
    import dataclasses

    from backend.adapters.messaging import DevOutbox
    from backend.adapters.pubsub import InProcessPubSub

    demo = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
    assert isinstance(demo.registry, DemoRegistry)
    http = Runtime(settings=dataclasses.replace(settings, registry_url="http://127.0.0.1:1", registry_token="t",
                                                registry_timeout_seconds=3),
                   messenger=DevOutbox(), pubsub=InProcessPubSub())
    assert isinstance(http.registry, HttpRegistry)
    assert http.registry._client.headers["authorization"] == "Bearer t"
    assert http.registry._client.timeout.read == 3
    await http.registry.aclose()
