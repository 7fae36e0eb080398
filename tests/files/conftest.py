"""Fixtures for uploads and downloads: tus clients per user, apps with other limits, a local S3
server (moto), and the app in a uvicorn subprocess that a test may kill."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from backend.adapters.messaging import DevOutbox
from backend.adapters.pubsub import InProcessPubSub
from backend.app import create_app
from backend.runtime import Runtime
from tests.files.tus import Tus
from tests.helpers import ApiClient, make_account

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def tus(citizen: ApiClient) -> Tus:
    return Tus(citizen.http, citizen.token)


@pytest.fixture
def other(resident: ApiClient) -> Tus:
    return Tus(resident.http, resident.token)


@pytest.fixture
async def tus_with(settings):
    """`await tus_with(upload_quota_bytes=...)`: a citizen's tus client on an app with other settings."""
    async with contextlib.AsyncExitStack() as stack:

        async def make(storage=None, **overrides) -> Tus:
            changed = dataclasses.replace(settings, **overrides)
            rt = Runtime(settings=changed, messenger=DevOutbox(), pubsub=InProcessPubSub(), storage=storage)
            app = create_app(changed, runtime=rt, manage_db=False)
            http = await stack.enter_async_context(
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver")
            )
            client = ApiClient(http)
            await make_account(rt, client, "citizen")
            made = Tus(http, client.token)
            made.rt = rt  # type: ignore[attr-defined]
            made.user = client.user  # type: ignore[attr-defined]
            return made

        yield make


# -- S3 (moto's server mode on loopback) -----------------------------------------------------------


def _require(service: str, reason: str):
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{service} is required here but {reason}")
    pytest.skip(f"{service} not available: {reason}")


@pytest.fixture(scope="session")
def s3_endpoint():
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as exc:  # moto[s3] + flask + flask-cors are dev dependencies
        _require("moto S3 server", f"cannot import it ({exc})")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    try:
        server.start()
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
    except Exception as exc:  # noqa: BLE001
        _require("moto S3 server", f"it did not start ({exc})")
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_endpoint):
    from backend.adapters.storage import S3Storage

    bucket = f"shanyraq-{uuid.uuid4().hex[:12]}"
    storage = S3Storage(
        bucket, endpoint_url=s3_endpoint, access_key_id="test", secret_access_key="test", region="us-east-1",
        part_size=5 * 1024 * 1024,
    )
    storage.client.create_bucket(Bucket=bucket)
    return storage


# -- the app in a process of its own ---------------------------------------------------------------


class ServerProcess:
    """`python -m uvicorn backend.asgi:app` on the tests' database and files, killable."""

    def __init__(self, settings, log_path: Path, **env: str):
        self.settings = settings
        self.log_path = log_path
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": self.settings.database_url,
            "VAR_DIR": str(self.settings.var_dir),
            "SECRET_KEY": self.settings.secret_key,
            "SPA_DIST": str(self.settings.spa_dist),
            "UPLOAD_CLEANUP_INTERVAL_SECONDS": "0",
            **self.env,
        }
        log = open(self.log_path, "ab")  # noqa: SIM115 - kept open by the child
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "backend.asgi:app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not start in 30 s")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)


@pytest.fixture
def server_process(settings, tmp_path):
    servers: list[ServerProcess] = []

    def make(**env: str) -> ServerProcess:
        server = ServerProcess(settings, tmp_path / "server.log", **env)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.kill()


@pytest.fixture(autouse=True)
def _current_storage(rt):
    from tests.files import tus as tus_helpers

    tus_helpers.CURRENT["storage"] = rt.storage
    yield
    tus_helpers.CURRENT.clear()
