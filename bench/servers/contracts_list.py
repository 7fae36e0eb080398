"""The server side of bench/contracts_list.py, run by it as a subprocess (see servers/me_query.py
for why). One uvicorn, one PostgreSQL database, two routes side by side:
  POST /graphql            the real app of backend.app.create_app, `myContracts` with documents
  GET  /raw/my-contracts   asyncpg + orjson: checks the same bearer token's signature, reads the
                           same rows in two statements, answers byte for byte the same JSON
The database's public schema is emptied, migrated and seeded with one holder of CONTRACTS
contracts × DOCUMENTS documents; the driver empties it again once this process is gone. Before serving, it counts the
SQL statements of one GraphQL request, checks both answers are the same JSON, then prints one JSON
line on stdout (port, token, counts) for the driver.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "servers"))

import asyncpg  # noqa: E402
import httpx  # noqa: E402
import orjson  # noqa: E402
import uvicorn  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import Response  # noqa: E402
from starlette.routing import Route  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from backend.adapters.messaging import DevOutbox  # noqa: E402
from backend.adapters.pubsub import InProcessPubSub  # noqa: E402
from backend.app import create_app  # noqa: E402
from backend.auth import tokens  # noqa: E402
from backend.db import init_db  # noqa: E402
from backend.migrate import migrate  # noqa: E402
from backend.models.contracts import (  # noqa: E402
    Contract, Document, DocumentKind, Premises, PremisesKind, ResidentialComplex,
)
from backend.models.identity import AccountKind, Role, User, UserRole  # noqa: E402
from backend.models.organizations import Organization  # noqa: E402
from backend.runtime import Runtime  # noqa: E402
from backend.services.request_info import RequestInfo  # noqa: E402
from backend.services.sessions import open_session  # noqa: E402
from backend.services.tx import atomic  # noqa: E402
from backend.settings import Settings  # noqa: E402
from me_query import _iin, side_by_side  # noqa: E402
from tests.sqlcount import statements  # noqa: E402

CONTRACTS = 1000
DOCUMENTS = 3
QUERY = """query { myContracts { id number signedOn holderName version
  complex { name address commissioningDate } premises { kind number } developer { name bin phone }
  documents { id kind title size sha256 contentType createdAt } } }"""
RAW_PATH = "/raw/my-contracts"

_CONTRACTS_SQL = """
SELECT c.id, c.number, c.signed_on, c.holder_name, c.version,
       x.id AS x_id, x.name AS x_name, x.address AS x_address, x.commissioning_date AS x_commissioning,
       p.id AS p_id, p.kind AS p_kind, p.number AS p_number,
       o.id AS o_id, o.name AS o_name, o.bin AS o_bin, o.phone AS o_phone
FROM contracts c
LEFT JOIN residential_complexes x ON x.id = c.complex_id
LEFT JOIN premises p ON p.id = c.premises_id
LEFT JOIN organizations o ON o.id = c.developer_id
WHERE c.holder_iin_bin = $1
ORDER BY c.signed_on, c.number
"""
_DOCUMENTS_SQL = """
SELECT id, contract_id, kind, title, size, sha256, content_type, created_at
FROM documents WHERE contract_id = ANY($1::uuid[]) ORDER BY created_at, id
"""


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def raw_app(settings: Settings, database_url: str) -> Starlette:
    """What a hand-written endpoint would do: two statements, dicts, orjson."""
    pool: asyncpg.Pool | None = None
    premises_kind = {k.value: k.name for k in PremisesKind}
    document_kind = {k.value: k.name for k in DocumentKind}

    async def my_contracts(request: Request) -> Response:
        nonlocal pool
        if pool is None:
            pool = await asyncpg.create_pool(database_url, min_size=1, max_size=4)
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            claims = tokens.decode_access(settings, token) if scheme.lower() == "bearer" else None
        except tokens.TokenError:
            claims = None
        if claims is None:
            return Response(orjson.dumps({"data": {"myContracts": []}}), media_type="application/json")
        async with pool.acquire() as conn:
            iin = await conn.fetchval("SELECT iin_bin FROM users WHERE id = $1", claims.user_id)
            rows = await conn.fetch(_CONTRACTS_SQL, iin)
            docs = await conn.fetch(_DOCUMENTS_SQL, [r["id"] for r in rows])
        by_contract: dict[uuid.UUID, list] = {}
        for d in docs:
            by_contract.setdefault(d["contract_id"], []).append({
                "id": str(d["id"]), "kind": document_kind[d["kind"]], "title": d["title"], "size": float(d["size"]),
                "sha256": d["sha256"], "contentType": d["content_type"], "createdAt": d["created_at"].isoformat(),
            })
        out = [{
            "id": str(r["id"]), "number": r["number"], "signedOn": _date(r["signed_on"]),
            "holderName": r["holder_name"], "version": r["version"],
            "complex": None if r["x_id"] is None else {
                "name": r["x_name"], "address": r["x_address"], "commissioningDate": _date(r["x_commissioning"]),
            },
            "premises": None if r["p_id"] is None else {"kind": premises_kind[r["p_kind"]], "number": r["p_number"]},
            "developer": None if r["o_id"] is None else {"name": r["o_name"], "bin": r["o_bin"], "phone": r["o_phone"]},
            "documents": by_contract.get(r["id"], []),
        } for r in rows]
        return Response(orjson.dumps({"data": {"myContracts": out}}), media_type="application/json")

    async def close() -> None:
        if pool is not None:
            await pool.close()

    app = Starlette(routes=[Route(RAW_PATH, my_contracts)])
    app.state.close = close
    return app


async def _empty_schema(database_url: str) -> None:
    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await conn.close()


async def _seed(rt: Runtime) -> str:
    """One holder with CONTRACTS contracts in one complex, DOCUMENTS documents each; a bearer token."""
    holder = _iin()
    user = await User.create(kind=AccountKind.PERSON, iin_bin=holder, full_name="Бенчмарк Үлесші", phone="+77050001001")
    await UserRole.create(user=user, role=Role.CITIZEN)
    developer = await Organization.create(bin="990340000001", name="ТОО «Бенч Құрылыс»", phone="+77272000000")
    complex_ = await ResidentialComplex.create(name="ТК «Шаңырақ»", address="Алматы, Әл-Фараби д-лы, 1",
                                               commissioning_date=dt.date(2027, 6, 30), owner=developer)
    premises = [Premises(id=uuid.uuid4(), complex_id=complex_.id, number=str(i + 1)) for i in range(CONTRACTS)]
    await Premises.bulk_create(premises, batch_size=500)
    signed = dt.date(2024, 1, 1)
    contracts = [
        Contract(id=uuid.uuid4(), number=f"Н-{i // 100 + 1}-{i:04d}/АФ", number_key=f"Н-{i // 100 + 1}-{i:04d}/АФ",
                 signed_on=signed + dt.timedelta(days=i % 365), holder_iin_bin=holder, holder_name=user.full_name,
                 complex_id=complex_.id, premises_id=premises[i].id, developer_id=developer.id,
                 authorized_company_id=developer.id)
        for i in range(CONTRACTS)
    ]
    await Contract.bulk_create(contracts, batch_size=500)
    kinds = (DocumentKind.DDU, DocumentKind.REGISTRATION_EXTRACT, DocumentKind.SUPPLEMENTARY_AGREEMENT)
    documents = [
        Document(id=uuid.uuid4(), contract_id=c.id, kind=kinds[j % len(kinds)], title=f"Құжат {j + 1} — {c.number}",
                 storage_key=f"bench/{c.id}/{j}", size=1024 * (j + 1), sha256=f"{j:064x}", content_type="application/pdf")
        for c in contracts for j in range(DOCUMENTS)
    ]
    await Document.bulk_create(documents, batch_size=1000)
    async with atomic():
        result = await open_session(rt, user, "password", RequestInfo(ip="127.0.0.1"), announce=False)
    return result.access_token


async def _check(graphql, raw, token: str) -> dict:
    """Statements of one GraphQL request after a warm-up one, and the same JSON from both sides."""
    headers = {"authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=graphql), base_url="http://bench") as client:
        await client.post("/graphql", json={"query": QUERY}, headers=headers)
        with statements() as sql:
            response = await client.post("/graphql", json={"query": QUERY}, headers=headers)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=raw), base_url="http://bench") as client:
        raw_response = await client.get(RAW_PATH, headers=headers)
    body, raw_body = response.json(), raw_response.json()
    assert response.status_code == 200 and "errors" not in body, response.text[:2000]
    rows = body["data"]["myContracts"]
    assert len(rows) == CONTRACTS and all(len(c["documents"]) == DOCUMENTS for c in rows)
    if body != raw_body:
        first = next(i for i, (a, b) in enumerate(zip(rows, raw_body["data"]["myContracts"])) if a != b)
        raise SystemExit(f"the answers differ at contract {first}:\n{rows[first]}\n{raw_body['data']['myContracts'][first]}")
    # `IN (…1,000 ids…)` parameters make a statement long; its start says what it is.
    return {"sql": [q[:400] for q in sql], "bytes": {"graphql": len(response.content), "raw": len(raw_response.content)}}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--var-dir", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    url = args.database_url.replace("postgresql://", "postgres://", 1)
    pg_url = url.replace("postgres://", "postgresql://", 1)

    settings = Settings(
        env="production", var_dir=args.var_dir, database_url=url,
        secret_key="bench-secret-key-that-is-long-enough-for-hs256-0123456789", spa_dist=args.var_dir / "no-spa",
    )
    await _empty_schema(pg_url)
    try:
        await migrate(settings)
        await init_db(settings)
        rt = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
        token = await _seed(rt)
        graphql = create_app(settings, runtime=rt, manage_db=False)
        raw = raw_app(settings, pg_url)
        info = await _check(graphql, raw, token)

        config = uvicorn.Config(
            side_by_side(graphql, raw, RAW_PATH), host="127.0.0.1", port=args.port, lifespan="off",
            access_log=False, log_level="warning", ws_per_message_deflate=False,
        )
        server = uvicorn.Server(config)
        serving = asyncio.create_task(server.serve())
        for _ in range(500):
            if server.started or serving.done():
                break
            await asyncio.sleep(0.01)
        if not server.started:
            raise SystemExit("uvicorn did not start")
        print(json.dumps({"port": args.port, "token": token, "query": QUERY, "contracts": CONTRACTS,
                          "documents": DOCUMENTS, **info}), flush=True)
        try:
            await serving
        finally:
            await raw.state.close()
            await Tortoise.close_connections()
    finally:
        await _empty_schema(pg_url)


if __name__ == "__main__":
    asyncio.run(main())
