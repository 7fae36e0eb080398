"""The server side of bench/me_query.py, run by it as a subprocess so that the load generator
never competes with the server for the same core. It lives below bench/ so that `make bench`,
which runs every bench/*.py, does not start it on its own.

One uvicorn, one event loop, one SQLite database, two routes side by side:
  POST /graphql   the real app of backend.app.create_app
  GET  /raw/me    Starlette + Tortoise: checks the same bearer token's signature, reads the
                  same user row and its roles, answers the same JSON shape
Before serving it counts the SQL statements of one request of each, then prints one JSON
line on stdout (port, token, counts) for the driver.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import JSONResponse  # noqa: E402
from starlette.routing import Route  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from backend.adapters.messaging import DevOutbox  # noqa: E402
from backend.adapters.pubsub import InProcessPubSub  # noqa: E402
from backend.app import create_app  # noqa: E402
from backend.auth import tokens  # noqa: E402
from backend.auth.identifiers import iin_bin_checksum_ok  # noqa: E402
from backend.db import init_db  # noqa: E402
from backend.migrate import migrate  # noqa: E402
from backend.models.identity import AccountKind, Role, User, UserRole  # noqa: E402
from backend.runtime import Runtime  # noqa: E402
from backend.services.request_info import RequestInfo  # noqa: E402
from backend.services.sessions import open_session  # noqa: E402
from backend.services.tx import atomic  # noqa: E402
from backend.settings import Settings  # noqa: E402

ME_QUERY = "query { me { id fullName iinBin email phone roles } }"
RAW_PATH = "/raw/me"


def _iin() -> str:
    # Born 1990-05-15: the first serial whose check digit is valid.
    for serial in range(10_000):
        for digit in "0123456789":
            candidate = f"9005153{serial:04d}{digit}"
            if iin_bin_checksum_ok(candidate):
                return candidate
    raise RuntimeError("no valid IIN")


async def _user_with_token(rt: Runtime) -> str:
    user = await User.create(
        kind=AccountKind.PERSON, iin_bin=_iin(), email="bench@test.shanyraq.kz", phone="+77050001000",
        full_name="Бенчмарк Пайдаланушы",
    )
    for role in (Role.CITIZEN, Role.RESIDENT):
        await UserRole.create(user=user, role=role)
    async with atomic():
        result = await open_session(rt, user, "password", RequestInfo(ip="127.0.0.1"), announce=False)
    return result.access_token


def raw_app(settings: Settings) -> Starlette:
    async def me(request: Request) -> JSONResponse:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            claims = tokens.decode_access(settings, token) if scheme.lower() == "bearer" else None
        except tokens.TokenError:
            claims = None
        if claims is None:
            return JSONResponse({"data": {"me": None}})
        user = await User.get(id=claims.user_id)
        roles = await UserRole.filter(user_id=user.id).order_by("role").values_list("role", flat=True)
        return JSONResponse({"data": {"me": {
            "id": str(user.id), "fullName": user.full_name, "iinBin": user.iin_bin, "email": user.email,
            "phone": user.phone, "roles": [Role(r).name for r in roles],
        }}})

    return Starlette(routes=[Route(RAW_PATH, me)])


def side_by_side(graphql, raw, raw_path: str = RAW_PATH):
    """Both apps behind one port; a path comparison is all that is added to either."""

    async def app(scope, receive, send):
        target = raw if scope.get("path") == raw_path else graphql
        await target(scope, receive, send)

    return app


class _Statements(logging.Handler):
    """Tortoise logs every statement it sends at DEBUG on `tortoise.db_client`."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(("Created connection", "Closed connection")):
            self.sql.append(message)


async def _statements_of(app, method: str, path: str, token: str, body: dict | None) -> list[str]:
    logger = logging.getLogger("tortoise.db_client")
    handler, level = _Statements(), logger.level
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        headers = {"authorization": f"Bearer {token}"}
        await client.request(method, path, json=body, headers=headers)  # warm: imports, caches
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        try:
            response = await client.request(method, path, json=body, headers=headers)
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
    me = response.json()["data"]["me"]
    assert response.status_code == 200 and me and me["roles"] == ["CITIZEN", "RESIDENT"], response.text
    return handler.sql


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--var-dir", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    settings = Settings(
        env="production",
        var_dir=args.var_dir,
        database_url=f"sqlite://{args.var_dir / 'bench.sqlite3'}",
        secret_key="bench-secret-key-that-is-long-enough-for-hs256-0123456789",
        spa_dist=args.var_dir / "no-spa",
    )
    await migrate(settings)
    await init_db(settings)
    rt = Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())
    token = await _user_with_token(rt)
    graphql = create_app(settings, runtime=rt, manage_db=False)
    raw = raw_app(settings)
    sql = {
        "graphql": await _statements_of(graphql, "POST", "/graphql", token, {"query": ME_QUERY}),
        "raw": await _statements_of(raw, "GET", RAW_PATH, token, None),
    }

    config = uvicorn.Config(
        side_by_side(graphql, raw), host="127.0.0.1", port=args.port, lifespan="off",
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
    loop = "uvloop" if "uvloop" in type(asyncio.get_running_loop()).__module__ else "asyncio"
    http = getattr(config, "http_protocol_class", type(None)).__name__  # H11Protocol or HttpToolsProtocol
    print(json.dumps({"port": args.port, "token": token, "sql": sql, "loop": loop, "http": http}), flush=True)
    try:
        await serving
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main())
