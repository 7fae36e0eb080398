"""deploy/nginx.conf running for real in front of the real app: SPA files, API paths, a live
subscription over graphql-transport-ws. Catches what reading the text cannot, such as nginx's
header inheritance or a Host header that breaks the WebSocket origin check."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess

import httpx
import pytest
import websockets

from backend.services.notifications import NotificationKind, notify
from backend.services.tx import atomic
from tests.conftest import free_port
from tests.deploy.nginx_local import local_conf, nginx_binary, nginx_command
from tests.ws import GraphQLWebSocket
from tests.conftest import require_service

INDEX = "<!doctype html><title>Shanyraq</title><div id=root></div>"
ASSET = "export const portal = 'Шаңырақ';\n" * 100  # over gzip_min_length
POLICY = "query { passwordPolicy { minLength } }"
RECEIVED = "subscription { notificationReceived { kind } }"


@pytest.fixture
async def nginx(tmp_path, live_server):
    """nginx on a free loopback port, proxying to the app of `live_server`; yields host:port."""
    binary = nginx_binary()
    if binary is None:
        require_service("nginx", "it is not installed (apt-get install -y nginx-light); proxy not exercised")
    html = tmp_path / "html"
    (html / "assets").mkdir(parents=True)
    (html / "index.html").write_text(INDEX)
    (html / "assets" / "app.1234.js").write_text(ASSET)
    (html / ".env").write_text("SECRET_KEY=must-not-be-served")
    port = free_port()
    conf = local_conf(tmp_path, listen_port=port, upstream_port=int(live_server.rsplit(":", 1)[1]), html_root=html)
    log = (tmp_path / "nginx.out").open("w")
    proc = subprocess.Popen(nginx_command(binary, conf, "-g", "daemon off;"), stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(200):
            if proc.poll() is not None:
                pytest.fail(f"nginx exited: {(tmp_path / 'nginx.out').read_text()}")
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                break
            await asyncio.sleep(0.025)
        else:
            pytest.fail("nginx did not listen within 5 s")
        yield f"127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
async def http(nginx):
    async with httpx.AsyncClient(base_url=f"http://{nginx}", trust_env=False, timeout=10) as client:
        yield client


async def test_client_side_routes_get_index_html_uncached_with_security_headers(http):
    # when
    response = await http.get("/cabinet/applications/42")

    # then
    assert response.status_code == 200 and response.text == INDEX
    assert response.headers["cache-control"] == "no-cache"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_assets_are_cached_for_a_year_and_gzipped_but_a_missing_one_is_not_cached(http):
    # when
    asset = await http.get("/assets/app.1234.js", headers={"accept-encoding": "gzip"})
    missing = await http.get("/assets/app.0000.js")
    hidden = await http.get("/.env")

    # then
    assert asset.status_code == 200 and asset.text == ASSET
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert asset.headers["content-encoding"] == "gzip"
    assert missing.status_code == 404 and "cache-control" not in missing.headers
    assert hidden.status_code == 404


async def test_graphql_and_healthz_reach_the_backend_with_one_copy_of_each_header(http):
    # when
    response = await http.post("/graphql", json={"query": POLICY})
    health = await http.get("/healthz")

    # then
    assert response.status_code == 200, response.text
    assert response.json()["data"]["passwordPolicy"]["minLength"] > 0
    assert response.headers.get_list("x-frame-options") == ["DENY"]
    assert response.headers.get_list("x-content-type-options") == ["nosniff"]
    assert "content-security-policy" not in response.headers
    assert health.json() == {"status": "ok"}


async def test_only_uploads_accept_bodies_beyond_a_megabyte(http):
    # given
    body = b"\0" * (2 * 1024 * 1024)

    # when
    to_graphql = await http.post("/graphql", content=body, headers={"content-type": "application/json"})
    to_uploads = await http.post("/uploads", content=body, headers={"tus-resumable": "1.0.0"})

    # then nginx refuses the first itself, and lets the backend answer the second
    assert to_graphql.status_code == 413
    assert to_uploads.status_code not in (413, 502, 504)


async def test_a_subscription_event_arrives_through_nginx(nginx, rt, citizen):
    # given a page of the portal's own origin, subscribed through the proxy
    socket = await GraphQLWebSocket.connect(nginx, citizen.token, origin=f"http://{nginx}")
    await socket.subscribe(RECEIVED)
    await asyncio.sleep(0.1)

    # when
    async with atomic():
        await notify(rt, citizen.user.id, NotificationKind.WELCOME)

    # then
    message = await socket.next_message()
    assert message["type"] == "next", message
    assert message["payload"]["data"]["notificationReceived"]["kind"] == "WELCOME"
    await socket.close()


async def test_a_page_of_another_origin_cannot_open_the_socket(nginx):
    # when
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        await GraphQLWebSocket.connect(nginx, origin="https://evil.example")

    # then
    assert refused.value.response.status_code == 403
