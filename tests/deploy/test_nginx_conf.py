"""deploy/nginx.conf: what it must say, read as text, and that nginx itself accepts it."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.deploy.deployfiles import NGINX_CONF, directives, nginx_locations
from tests.deploy.nginx_local import local_conf, nginx_binary, nginx_command
from tests.conftest import require_service

TEXT = NGINX_CONF.read_text()
LOCATIONS = nginx_locations(TEXT)


def _seconds(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([smh]?)", value).groups()
    return int(number) * {"": 1, "s": 1, "m": 60, "h": 3600}[unit]


def test_graphql_is_proxied_with_websocket_upgrade_and_long_timeouts():
    # given
    body = LOCATIONS["= /graphql"]
    headers = dict(h.split(None, 1) for h in directives(body, "proxy_set_header"))

    # then
    assert directives(body, "proxy_pass") == ["http://backend"]
    assert headers["Upgrade"] == "$http_upgrade"
    assert headers["Connection"] == "$connection_upgrade"
    assert re.search(r"map \$http_upgrade \$connection_upgrade \{[^}]*default upgrade;", TEXT)
    # The header inheritance of nginx: a location with its own proxy_set_header loses the server's.
    assert {"Host", "X-Forwarded-For", "X-Forwarded-Proto"} <= headers.keys()
    assert headers["Host"] == "$http_host", "strawberry compares Host:port with the WebSocket Origin"
    assert _seconds(directives(body, "proxy_read_timeout")[0]) >= 3600
    assert directives(TEXT, "proxy_http_version") == ["1.1"]


def test_uploads_stream_without_a_size_limit():
    # given
    body = LOCATIONS["/uploads"]

    # then
    assert directives(body, "client_max_body_size") == ["0"]
    assert directives(body, "proxy_request_buffering") == ["off"]
    assert directives(body, "proxy_pass") == ["http://backend"]
    assert "proxy_set_header" not in body, "would drop the server-level forwarding headers"


@pytest.mark.parametrize("location", ["/files", "= /healthz"])
def test_api_paths_reach_the_backend(location):
    # then
    assert directives(LOCATIONS[location], "proxy_pass") == ["http://backend"]


def test_the_spa_falls_back_to_index_html_with_long_cache_only_for_assets():
    # then
    assert directives(LOCATIONS["/"], "try_files") == ["$uri $uri/ /index.html"]
    assert re.search(r'~\^/assets/\s+"public, max-age=31536000, immutable";', TEXT)
    assert re.search(r'default\s+"no-cache";', TEXT)
    assert "add_header Cache-Control $cache_control;" in TEXT


def test_security_headers_and_gzip_are_on():
    # given
    added = {h.split(None, 1)[0] for h in directives(TEXT, "add_header")}

    # then
    assert {"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Strict-Transport-Security",
            "Content-Security-Policy"} <= added
    assert not any("add_header" in body for body in LOCATIONS.values()), "would drop the server's add_header"
    assert directives(TEXT, "gzip") == ["on"]
    assert "application/json" in directives(TEXT, "gzip_types")[0]
    assert directives(TEXT, "server_tokens") == ["off"]


def test_nginx_accepts_the_configuration(tmp_path):
    # given
    binary = nginx_binary()
    if binary is None:
        require_service("nginx", "it is not installed (apt-get install -y nginx-light); syntax not checked")
    (tmp_path / "html").mkdir()
    conf = local_conf(tmp_path, listen_port=8080, upstream_port=8000, html_root=tmp_path / "html")

    # when
    result = subprocess.run(nginx_command(binary, conf, "-t"), capture_output=True, text=True, timeout=30)

    # then
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
