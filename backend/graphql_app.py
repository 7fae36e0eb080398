"""The GraphQL endpoint: bearer authentication, context, WebSocket handshake, playground page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from backend.auth.tokens import TokenError
from backend.context import Context, client_ip, request_locale
from backend.runtime import Runtime
from backend.services.sessions import Viewer, authenticate

_VIEWER = "shanyraq.viewer"


def _bearer(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else ""


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

    async def get_context(self, request: HTTPConnection, response: Any) -> Context:
        viewer: Viewer | None = request.scope.get(_VIEWER)
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            rt=self.rt,
            viewer=viewer,
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
    """Authenticates HTTP requests before strawberry sees them: a bad token is a 401, not a null viewer."""

    def __init__(self, app: ShanyraqGraphQL):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            conn = HTTPConnection(scope)
            token = _bearer(conn.headers.get("authorization"))
            if token is not None:
                try:
                    scope[_VIEWER] = await authenticate(self.app.rt, token) if token else None
                    if not token:
                        raise TokenError("INVALID_TOKEN")
                except TokenError as exc:
                    response = JSONResponse(
                        {"errors": [{"message": "The access token is not valid.", "extensions": {"code": exc.code}}]},
                        status_code=401,
                        headers={"WWW-Authenticate": f'Bearer error="invalid_token", error_description="{exc.code}"'},
                    )
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
