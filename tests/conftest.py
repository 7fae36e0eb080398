"""Test fixtures: a migrated database (SQLite, or PostgreSQL with TEST_DATABASE_URL), the app,
and one API client per role.

Roles: anon, citizen, legal_entity, resident, kzhk_operator, queue_officer, uk_staff, admin, partner.
"""

from __future__ import annotations

import os

os.environ.setdefault("SHANYRAQ_TEST_FAST_HASH", "1")

import asyncio  # noqa: E402
import socket  # noqa: E402
from pathlib import Path  # noqa: E402

import httpx  # noqa: E402
import pytest  # noqa: E402
import uvicorn  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from backend import clock  # noqa: E402
from backend.adapters.messaging import DevOutbox  # noqa: E402
from backend.adapters.pubsub import InProcessPubSub  # noqa: E402
from backend.app import create_app  # noqa: E402
from backend.db import init_db  # noqa: E402
from backend.migrate import migrate  # noqa: E402
from backend.runtime import Runtime  # noqa: E402
from backend.settings import Settings  # noqa: E402
from tests.helpers import ApiClient, make_account  # noqa: E402

ROLES = ("citizen", "legal_entity", "resident", "kzhk_operator", "queue_officer", "uk_staff", "admin", "partner")


def _database_url(tmp: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite://{tmp / 'test.sqlite3'}"


async def _reset_postgres(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("var")


@pytest.fixture(scope="session")
def settings(var_dir: Path) -> Settings:
    return Settings(
        env="development",
        var_dir=var_dir,
        database_url=_database_url(var_dir),
        secret_key="test-secret-key-that-is-long-enough-for-hs256-0123456789",
        spa_dist=var_dir / "no-spa",
        scheduler_interval_seconds=0,  # tests run due jobs themselves (services.scheduler.run_due)
    )


@pytest.fixture(scope="session", autouse=True)
async def database(settings: Settings):
    if settings.database_url.startswith("postgres"):
        await _reset_postgres(settings.database_url)
    applied = await migrate(settings)
    assert applied, "no migration applied to a fresh database"
    await init_db(settings)
    yield settings.database_url
    await Tortoise.close_connections()


def _table_names() -> list[str]:
    names = []
    for app in Tortoise.apps.values():
        for model in app.values():
            if model._meta.db_table != "aerich":
                names.append(model._meta.db_table)
    return names


@pytest.fixture(autouse=True)
async def clean_tables(database):
    yield
    clock.reset()
    conn = Tortoise.get_connection("default")
    tables = _table_names()
    if database.startswith("postgres"):
        await conn.execute_script("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE;")
    else:
        await conn.execute_script(
            "PRAGMA foreign_keys = OFF;" + "".join(f'DELETE FROM "{t}";' for t in tables) + "PRAGMA foreign_keys = ON;"
        )


@pytest.fixture
def rt(settings: Settings) -> Runtime:
    return Runtime(settings=settings, messenger=DevOutbox(), pubsub=InProcessPubSub())


@pytest.fixture
def app(settings: Settings, rt: Runtime):
    return create_app(settings, runtime=rt, manage_db=False)


@pytest.fixture
async def anon(app) -> ApiClient:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        yield ApiClient(http)


def _role_fixture(role: str):
    @pytest.fixture(name=role)
    async def fixture(app, rt):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
            client = ApiClient(http)
            await make_account(rt, client, role)
            yield client

    return fixture


for _role in ROLES:
    globals()[_role] = _role_fixture(_role)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def live_server(app):
    """The app on a real socket, for WebSocket tests; same event loop and database as the test."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", ws_per_message_deflate=False, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    await task


@pytest.fixture
async def as_role(app, rt, request):
    """A client of the role named by indirect parametrization: `@pytest.mark.parametrize("as_role", [...], indirect=True)`."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver") as http:
        client = ApiClient(http)
        await make_account(rt, client, request.param)
        yield client


def require_service(service: str, reason: str):
    """In CI (REQUIRE_SERVICES=1) a missing service fails the run; elsewhere its tests are skipped."""
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{service} is required here but {reason}")
    pytest.skip(f"{service} not available: {reason}")


@pytest.fixture(scope="session")
def redis_url() -> str:
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # noqa: BLE001
        require_service("Redis", f"{url}: {exc}")
    return url


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    url = os.environ.get("TEST_POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].split("/")[0])), timeout=1):
            pass
    except OSError as exc:
        require_service("PostgreSQL", f"{url}: {exc}")
    return url
