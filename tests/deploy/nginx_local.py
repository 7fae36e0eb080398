"""deploy/nginx.conf rewritten to run on this machine: loopback ports instead of compose's
hostnames, a temporary prefix instead of the image's paths. Only what the container provides
changes; every location, header and limit stays as written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.deploy.deployfiles import NGINX_CONF


def nginx_binary() -> str | None:
    # Debian installs it in /usr/sbin, which is not on every user's PATH.
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def local_conf(workdir: Path, *, listen_port: int, upstream_port: int, html_root: Path) -> Path:
    text = NGINX_CONF.read_text()
    temp = workdir / "temp"
    temp.mkdir(parents=True, exist_ok=True)
    # The image runs nginx's workers as `nginx`; Debian has no such user. As root, keep root
    # so the workers can read a pytest temporary directory; otherwise there is no user switch.
    user = "user root;" if os.geteuid() == 0 else ""
    temp_paths = "".join(
        f"\n    {kind}_temp_path {temp / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    replacements = {
        "user nginx;": user,
        "pid /var/run/nginx.pid;": f"pid {workdir / 'nginx.pid'};",
        "listen 80 default_server;": f"listen 127.0.0.1:{listen_port} default_server;",
        "server backend:8000;": f"server 127.0.0.1:{upstream_port};",
        "root /usr/share/nginx/html;": f"root {html_root};",
        "http {": "http {" + temp_paths,
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, f"deploy/nginx.conf changed shape: expected one `{old}`; update {__file__}"
        text = text.replace(old, new)
    path = workdir / "nginx.conf"
    path.write_text(text)
    return path


def nginx_command(binary: str, conf: Path, *extra: str) -> list[str]:
    return [binary, "-p", str(conf.parent), "-e", str(conf.parent / "error.log"), "-c", str(conf), *extra]
