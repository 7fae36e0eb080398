"""The GraphQL endpoint: bearer authentication, context, WebSocket handshake, playground page, and
GraphQL over HTTP as its spec says (media types, status codes, a bounded JSON object as body)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import ClientDisconnect, HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult

from backend.auth.tokens import TokenError
from backend.context import Context, client_ip, request_locale
from backend.runtime import Runtime
from backend.schema.extensions import find_invalid_text, invalid_text_message
from backend.services.partners import InvalidApiKey, authenticate_key
from backend.services.sessions import Viewer, authenticate

_VIEWER = "shanyraq.viewer"
_CLIENT = "shanyraq.client"
_MEDIA = "shanyraq.media_type"
_REQUEST_ERROR = "shanyraq.request_error"
GRAPHQL_RESPONSE = "application/graphql-response+json"
_JSON = "application/json"
# Codes for the refusals strawberry raises as bare HTTP errors (missing query, wrong parameter types).
_STATUS_CODES = {400: "BAD_REQUEST", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}


def _error(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status, headers=headers)


class RequestRefused(Exception):
    """A request refused before GraphQL sees it, answered as a GraphQL error with a stable code."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers

    def response(self) -> JSONResponse:
        return _error(self.status, self.code, self.message, self.headers)


def media_type(accept: str | None) -> str | None:
    """The response media type for an Accept header: graphql-response+json when the client takes
    it at least as gladly as JSON, JSON otherwise (and when there is no header), None if neither."""
    if not accept:
        return _JSON
    best, best_q = None, 0.0
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        media = media.lower()
        if media == GRAPHQL_RESPONSE:
            candidate = GRAPHQL_RESPONSE
        elif media in (_JSON, "application/*", "*/*"):
            candidate = _JSON
        else:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q or (q == best_q and q > 0 and candidate == GRAPHQL_RESPONSE):
            best, best_q = candidate, q
    return best


def _is_request_error(result: ExecutionResult) -> bool:
    # Execution never began (parse, validation or variable coercion failed): no error has a path.
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors)


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

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, self._bounded(receive))
        try:
            self._admit(request)
            response = await self.run(request)
        except ClientDisconnect:
            # The browser went away mid-body (a navigation): nobody is left to answer.
            return
        except RequestRefused as refused:
            response = refused.response()
        except HTTPException as exc:
            response = _error(exc.status_code, _STATUS_CODES.get(exc.status_code, "BAD_REQUEST"), exc.reason)
        else:
            if scope.get(_MEDIA) == GRAPHQL_RESPONSE:
                response.headers["content-type"] = GRAPHQL_RESPONSE
                if scope.get(_REQUEST_ERROR):
                    response.status_code = 400
        await response(scope, receive, send)

    def _admit(self, request: Request) -> None:
        """Refusals decided by the headers alone, before the body is read."""
        if request.method == "GET":
            if self.should_render_graphql_ide(self.request_adapter_class(request)):
                return
            # Queries over GET are off (no caching to gain, CSRF and logged URLs to lose); the spec's
            # answer for a method the endpoint does not serve is 405 with Allow.
            raise RequestRefused(405, "METHOD_NOT_ALLOWED", "Send GraphQL operations with POST.", {"Allow": "POST"})
        media = media_type(request.headers.get("accept"))
        if media is None:
            raise RequestRefused(406, "NOT_ACCEPTABLE", f"This endpoint answers {GRAPHQL_RESPONSE} or {_JSON}.")
        request.scope[_MEDIA] = media
        content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type != _JSON:
            raise RequestRefused(415, "UNSUPPORTED_MEDIA_TYPE", f"Send the request body as {_JSON}.")
        declared = request.headers.get("content-length")
        limit = self.rt.settings.graphql_max_body_bytes
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            raise self._too_large(limit)

    @staticmethod
    def _too_large(limit: int) -> RequestRefused:
        return RequestRefused(
            413, "REQUEST_TOO_LARGE",
            f"The request body is larger than {limit} bytes; upload files through /uploads and attach them.",
        )

    def _bounded(self, receive: Receive) -> Receive:
        """`receive` that stops at the body limit while streaming, so a body without (or with a
        false) Content-Length is never read beyond it."""
        limit = self.rt.settings.graphql_max_body_bytes
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise self._too_large(limit)
            return message

        return bounded

    def parse_json(self, data: str | bytes) -> Any:
        try:
            body = json.loads(data)
        except (ValueError, RecursionError):  # JSONDecodeError, bytes that are not UTF-8, nesting
            raise RequestRefused(400, "INVALID_JSON", "The request body is not valid JSON.") from None
        if not isinstance(body, dict):
            raise RequestRefused(
                400, "INVALID_REQUEST",
                "The request body must be a JSON object with `query` and optionally `variables`, "
                "`operationName` and `extensions` (batches are not accepted).",
            )
        if not isinstance(body.get("operationName"), (str, type(None))):
            raise RequestRefused(400, "INVALID_REQUEST", "The operation's `operationName` must be a string or null.")
        if found := find_invalid_text(body, "body"):
            path, problem = found
            raise RequestRefused(400, "INVALID_TEXT", invalid_text_message(path.removeprefix("body."), problem))
        return body

    async def process_result(self, request: Request, result: ExecutionResult):
        data = await super().process_result(request, result)
        if _is_request_error(result):
            # The GraphQL spec: when an error is raised before execution begins, there is no data entry.
            data.pop("data", None)
            request.scope[_REQUEST_ERROR] = True
        return data

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
