"""GraphQL over HTTP as its spec says, SHOULDs included: graphql-http's audit suite against the live app."""

from __future__ import annotations

import asyncio
import json
import shutil

from backend.settings import ROOT
from tests.conftest import require_service

AUDIT = ROOT / "scripts" / "graphql-http-audit.mjs"

# Audits of MUST or SHOULD level that are knowingly not met, by id, with the reason. (MAY audits
# are reported but never fail the test: GET is refused by policy, see backend/graphql_app.py.)
ALLOWED: dict[str, str] = {}


async def _audit(url: str) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "graphql-http").exists():
        require_service("node with graphql-http", "run `npm install` at the repository root")
    process = await asyncio.create_subprocess_exec(
        node, str(AUDIT), url, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, err.decode()
    return json.loads(out)


async def test_every_must_and_should_audit_passes(live_server):
    # when
    results = await _audit(f"http://{live_server}/graphql")
    # then
    assert len(results) > 50
    failed = {r["id"]: r for r in results if r["status"] != "ok"}
    for r in failed.values():
        print(f"{r['id']} {r['status']:6} {r['name']}: {r['reason']}")
    required = {i: r for i, r in failed.items() if r["name"].split()[0] in ("MUST", "SHOULD")}
    assert set(required) - set(ALLOWED) == set(), {i: (r["name"], r["reason"]) for i, r in required.items() if i not in ALLOWED}
    assert set(ALLOWED) <= set(failed), f"no longer failing, drop from ALLOWED: {set(ALLOWED) - set(failed)}"
    print(f"{len(results) - len(failed)} of {len(results)} audits pass")


# The same rules without node, for the cases our policy decides.
GRAPHQL_RESPONSE = "application/graphql-response+json"


async def test_get_is_405_with_allow_post(anon):
    response = await anon.http.get("/graphql", params={"query": "{ __typename }"}, headers={"accept": "application/json"})
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


async def test_request_errors_are_400_without_data_for_graphql_response_json(anon):
    response = await anon.http.post("/graphql", json={"query": "{ nope }"}, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400 and response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert "data" not in response.json() and response.json()["errors"]
    legacy = await anon.http.post("/graphql", json={"query": "{ nope }"}, headers={"accept": "application/json"})
    assert legacy.status_code == 200 and legacy.headers["content-type"].startswith("application/json")


async def test_field_errors_keep_200_and_data_for_graphql_response_json(anon):
    response = await anon.http.post("/graphql", json={"query": "{ __typename }"}, headers={"accept": f"application/json;q=0.9, {GRAPHQL_RESPONSE}"})
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)


async def test_unacceptable_accept_is_406_and_other_content_types_415(anon):
    refused = await anon.http.post("/graphql", json={"query": "{ __typename }"}, headers={"accept": "text/csv"})
    assert refused.status_code == 406 and refused.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"
    form = await anon.http.post("/graphql", data={"query": "{ __typename }"})
    assert form.status_code == 415 and form.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


async def test_a_client_gone_mid_body_is_no_fault(app):
    # given: a POST whose client disconnects before the body arrives (a browser navigating away)
    scope = {
        "type": "http", "method": "POST", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"40")],
        "scheme": "https", "server": ("testserver", 443), "client": ("127.0.0.1", 5000), "root_path": "",
        "http_version": "1.1", "asgi": {"version": "3.0"},
    }
    sent: list[dict] = []

    async def receive():
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    # when
    await app(scope, receive, send)

    # then: nothing raised, and nothing is written to a connection that is gone
    assert sent == []
