"""Reading the deployment files as compose and nginx would: interpolation defaults, location blocks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
DOCKERFILE = ROOT / "Dockerfile"
ENV_EXAMPLE = ROOT / "deploy" / ".env.example"

_VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


def interpolate(value: str) -> str:
    """Compose interpolation with an empty environment: defaults apply, required ones become <NAME>."""

    def one(match: re.Match) -> str:
        op = match["op"] or ""
        return match["arg"] if op.endswith("-") else f"<{match['name']}>"

    return _VARIABLE.sub(one, value)


def strings(node: Any) -> list[str]:
    """Every string value in a loaded YAML document (comments are already gone)."""
    if isinstance(node, dict):
        return [s for key, value in node.items() for s in strings(key) + strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return [node] if isinstance(node, str) else []


def variables(compose: dict[str, Any], *, required: bool) -> set[str]:
    return {
        m["name"]
        for text in strings(compose)
        for m in _VARIABLE.finditer(text)
        if not required or (m["op"] or "").endswith("?")
    }


def load_compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: interpolate(str(v)) for k, v in env.items()}


def command(service: dict[str, Any]) -> list[str]:
    cmd = service.get("command") or []
    return [interpolate(part) for part in (cmd.split() if isinstance(cmd, str) else cmd)]


def dockerfile_stages() -> set[str]:
    return set(re.findall(r"^FROM\s+\S+\s+AS\s+(\S+)", DOCKERFILE.read_text(), flags=re.M | re.I))


def _strip_comments(text: str) -> str:
    return "\n".join(re.sub(r"(^|\s)#.*$", "", line) for line in text.splitlines())


def nginx_locations(text: str) -> dict[str, str]:
    """Each `location [modifier] path { ... }` body, keyed by `modifier path` as written."""
    text = _strip_comments(text)
    found: dict[str, str] = {}
    for match in re.finditer(r"location\s+((?:[=~^]+\*?\s+)?\S+)\s*\{", text):
        depth, start = 1, match.end()
        pos = start
        while depth and pos < len(text):
            depth += {"{": 1, "}": -1}.get(text[pos], 0)
            pos += 1
        found[" ".join(match[1].split())] = text[start : pos - 1]
    return found


def directives(body: str, name: str) -> list[str]:
    """Arguments of every `name ...;` directly or nested in `body`."""
    return [m.strip() for m in re.findall(rf"(?:^|[;{{}}\s]){name}\s+([^;]*);", _strip_comments(body))]
