"""The GraphQL endpoint: bearer authentication, context, WebSocket handshake, playground page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from backend.auth.tokens import TokenError
from backend.context import Context, client_ip, request_locale
from backend.runtime import Runtime
from backend.services.partners import InvalidApiKey, authenticate_key
from backend.services.sessions import Viewer, authenticate

_VIEWER = "shanyraq.viewer"
_CLIENT = "shanyraq.client"


def _error(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status, headers=headers)


def _bearer(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else ""


def encode_json(data: object) -> bytes:
    """orjson for every answer: several times faster than `json.dumps` on a list of contracts, and
    it writes Kazakh and Russian text as UTF-8 instead of six bytes of `\\uXXXX` per letter. What
    orjson refuses (a lone surrogate, an integer beyond 64 bits, a non-string key) goes through
    `json.dumps`, which escapes it, so no answer fails to encode."""
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:
        return json.dumps(data, separators=(",", ":")).encode()


class _TextFrames(ASGIWebSocketAdapter):
    """graphql-transport-ws messages are text frames; strawberry would send bytes as binary ones."""

    async def send_json(self, message) -> None:
        try:
            await self.ws.send_text(encode_json(message).decode())
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class ShanyraqGraphQL(GraphQL):
    def __init__(self, rt: Runtime, schema, playground_html: Path | None):
        super().__init__(
            schema,
            graphql_ide="graphiql",
            allow_queries_via_get=False,
            keep_alive=True,
            keep_alive_interval=20,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            allowed_origins=rt.settings.allowed_origins,
        )
        self.rt = rt
        self._playground_html = playground_html

    websocket_adapter_class = _TextFrames  # type: ignore[assignment]

    def encode_json(self, data: object) -> bytes:
        return encode_json(data)

    async def get_context(self, request: HTTPConnection, response: Any) -> Context:
        viewer: Viewer | None = request.scope.get(_VIEWER)
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            rt=self.rt,
            viewer=viewer,
            client=request.scope.get(_CLIENT),
            locale=request_locale(request, viewer),
            ip=client_ip(request, self.rt.settings.trusted_proxies),
        )

    async def on_ws_connect(self, context: Context):
        params = context.connection_params or {}
        raw = params.get("authorization") or params.get("Authorization")
        token = _bearer(raw) if isinstance(raw, str) else None
        if token is None:
            return None  # anonymous sockets may connect; every subscription checks its viewer
        try:
            context.viewer = await authenticate(self.rt, token)
        except TokenError:
            raise ConnectionRejectionError({"code": "INVALID_TOKEN"}) from None
        context.locale = context.viewer.user.locale
        return None

    async def render_graphql_ide(self, request: Request) -> Response:
        # The playground is our own build of GraphiQL: nothing is fetched from a CDN.
        if self._playground_html and self._playground_html.exists():
            return HTMLResponse(self._playground_html.read_text())
        return await super().render_graphql_ide(request)


class GraphQLEndpoint:
    """Authenticates HTTP requests before strawberry sees them: a bad token or key is a 401 and an
    exhausted partner budget a 429, not a null viewer."""

    def __init__(self, app: ShanyraqGraphQL):
        self.app = app

    async def _refusal(self, scope: Scope) -> Response | None:
        conn = HTTPConnection(scope)
        token = _bearer(conn.headers.get("authorization"))
        api_key = conn.headers.get("x-api-key")
        if token is not None and api_key is not None:
            return _error(400, "AMBIGUOUS_CREDENTIALS", "Send a bearer token or an API key, not both.")
        if api_key is not None:
            return await self._client(scope, api_key)
        if token is not None:
            try:
                if not token:
                    raise TokenError("INVALID_TOKEN")
                scope[_VIEWER] = await authenticate(self.app.rt, token)
            except TokenError as exc:
                return _error(
                    401, exc.code, "The access token is not valid.",
                    {"WWW-Authenticate": f'Bearer error="invalid_token", error_description="{exc.code}"'},
                )
        return None

    async def _client(self, scope: Scope, api_key: str) -> Response | None:
        rt = self.app.rt
        try:
            principal = await authenticate_key(rt.settings.secret_key, api_key)
        except InvalidApiKey:
            return _error(401, "INVALID_API_KEY", "The API key is not valid.")
        wait = await rt.rate_limiter.hit(f"client:{principal.client.id}", principal.client.rate_limit_per_minute)
        if wait:
            return _error(429, "RATE_LIMITED", "Too many requests for this API key.", {"Retry-After": str(wait)})
        scope[_CLIENT] = principal
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = await self._refusal(scope)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
