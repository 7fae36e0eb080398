"""Scale-out: two server processes on PostgreSQL and Redis; an event raised in one reaches a
subscriber connected to the other."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.conftest import free_port
from tests.ws import GraphQLWebSocket

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "shanyraq_two_servers"
LOGIN = "mutation($i: SessionLoginInput!) { sessionLogin(input: $i) { accessToken errors { code } } }"
CITIZEN = {"login": "900515300197", "password": "Shanyraq-Demo-2026!"}

pytestmark = pytest.mark.slow


async def _fresh_database(admin_url: str) -> str:
    conn = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    finally:
        await conn.close()
    return admin_url.rsplit("/", 1)[0] + "/" + DB_NAME


async def _wait_healthy(base: str, process: subprocess.Popen) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(200):
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            try:
                if (await client.get(f"{base}/healthz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.05)
    raise TimeoutError(base)


@pytest.fixture
async def two_servers(postgres_admin_url, redis_url, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": await _fresh_database(postgres_admin_url),
        "REDIS_URL": redis_url,
        "VAR_DIR": str(tmp_path),
        "SECRET_KEY": "two-servers-shared-secret-0123456789abcdef",
        "SPA_DIST": str(tmp_path / "no-spa"),
        "LOG_LEVEL": "warning",
    }
    for command in ("migrate", "demo"):
        subprocess.run([sys.executable, "-m", "backend", command], cwd=ROOT, env=env, check=True)
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen([sys.executable, "-m", "backend", "serve", "--port", str(p)], cwd=ROOT, env=env)
        for p in ports
    ]
    try:
        for port, process in zip(ports, processes):
            await _wait_healthy(f"http://127.0.0.1:{port}", process)
        yield [f"127.0.0.1:{p}" for p in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(10)


async def test_a_mutation_on_one_server_reaches_a_subscriber_on_the_other(two_servers):
    server_a, server_b = two_servers
    async with httpx.AsyncClient() as http:
        # given a citizen signed in through server A and subscribed through server B
        body = (await http.post(f"http://{server_a}/graphql", json={"query": LOGIN, "variables": {"i": CITIZEN}})).json()
        token = body["data"]["sessionLogin"]["accessToken"]
        socket = await GraphQLWebSocket.connect(server_b, token)
        await socket.subscribe("subscription { notificationReceived { kind params } }")
        await asyncio.sleep(0.3)
        # when the same account signs in again through server A
        await http.post(f"http://{server_a}/graphql", json={"query": LOGIN, "variables": {"i": CITIZEN}},
                        headers={"user-agent": "second device"})
    # then server B pushes the notification
    message = await socket.next_message(timeout=10)
    assert message["type"] == "next", message
    event = message["payload"]["data"]["notificationReceived"]
    assert event["kind"] == "NEW_SIGN_IN" and event["params"]["userAgent"] == "second device"
    await socket.close()
