"""What every resolver gets: the runtime, the authenticated viewer, loaders, request facts."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection
from starlette.responses import Response

from backend import i18n
from backend.loaders import Loaders
from backend.runtime import Runtime
from backend.services.request_info import RequestInfo
from backend.services.partners import ClientPrincipal
from backend.services.sessions import Viewer


def client_ip(conn: HTTPConnection, trusted_proxies: tuple[str, ...]) -> str:
    peer = conn.client.host if conn.client else ""
    if peer and trusted_proxies and _in_networks(peer, trusted_proxies):
        forwarded = conn.headers.get("x-forwarded-for", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        # The right-most address not added by our own proxies is the client's.
        for hop in reversed(hops):
            if not _in_networks(hop, trusted_proxies):
                return hop
    return peer


def _in_networks(address: str, networks: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(n, strict=False) for n in networks)


@dataclass
class Context:
    request: HTTPConnection
    response: Response | None
    rt: Runtime
    viewer: Viewer | None
    locale: str
    ip: str
    loaders: Loaders = field(default_factory=Loaders)
    client: ClientPrincipal | None = None
    connection_params: dict[str, Any] | None = None
    denied: list[dict[str, Any]] = field(default_factory=list)

    @property
    def req(self) -> RequestInfo:
        return RequestInfo(
            ip=self.ip,
            user_agent=self.request.headers.get("user-agent", "")[:300],
            locale=self.locale,
            user_id=self.viewer.user.id if self.viewer else None,
            session_id=self.viewer.session_id if self.viewer else None,
        )


def request_locale(conn: HTTPConnection, viewer: Viewer | None) -> str:
    explicit = conn.headers.get("x-locale")
    if explicit in i18n.LOCALES:
        return explicit
    if viewer is not None:
        return viewer.user.locale
    return i18n.pick_locale(conn.headers.get("accept-language"))
