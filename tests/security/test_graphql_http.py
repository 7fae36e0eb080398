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
