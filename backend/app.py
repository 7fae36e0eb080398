"""The Starlette application: /graphql, /uploads (tus), /files, /healthz, the dev outbox, and the SPA."""

from __future__ import annotations

import asyncio
import contextlib
import html
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from tortoise import Tortoise

from backend import clock
from backend.db import close_db, init_db
from backend.files_app import file_routes
from backend.payments_app import payment_routes
from backend.receipts_app import receipt_routes
from backend.graphql_app import GraphQLEndpoint, ShanyraqGraphQL
from backend.models.messaging import OutboxMessage
from backend.runtime import Runtime, build_runtime
from backend.schema.api import build_schema
from backend.services import calendar_days
from backend.services.scheduler import loop as scheduler_loop
from backend.services.uploads import expiry_loop
from backend.settings import Settings
from backend.uploads import upload_routes

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Plain ASGI, so that it costs nothing on WebSockets and streams."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in present
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def healthz(request: Request) -> Response:
    """Healthy means able to serve: the process is up and the database answers."""
    try:
        await Tortoise.get_connection("default").execute_query("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure to reach the database is "not healthy"
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok"})


async def dev_outbox(request: Request) -> Response:
    """Development only: every SMS, call and email the portal would have sent."""
    to = request.query_params.get("to")
    query = OutboxMessage.all().order_by("-created_at").limit(200)
    if to:
        query = query.filter(recipient=to)
    rows = await query
    if request.url.path.endswith(".json"):
        return JSONResponse(
            [
                {"id": str(m.id), "channel": m.channel, "to": m.recipient, "subject": m.subject, "body": m.body,
                 "createdAt": m.created_at.isoformat()}
                for m in rows
            ]
        )
    items = "".join(
        f"<tr><td>{html.escape(m.created_at.strftime('%Y-%m-%d %H:%M:%S'))}</td><td>{html.escape(m.channel)}</td>"
        f"<td>{html.escape(m.recipient)}</td><td>{html.escape(m.subject)}</td><td>{html.escape(m.body)}</td></tr>"
        for m in rows
    )
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Dev outbox — Shanyraq</title>"
        "<style>body{font:14px system-ui;margin:2rem}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #ccd;padding:.4rem;text-align:left}th{background:#eef}</style></head><body>"
        "<h1>Dev outbox</h1><p>Messages the portal would have sent. Development mode only; nothing leaves this machine.</p>"
        "<table><thead><tr><th>Time (UTC)</th><th>Channel</th><th>To</th><th>Subject</th><th>Text</th></tr></thead>"
        f"<tbody>{items}</tbody></table></body></html>"
    )
    return HTMLResponse(page)


class SPA(StaticFiles):
    """Serves the built SPA; unknown paths get index.html so client-side routes survive a reload.
    Looked up per request, so a build made after the server started is served without a restart."""

    async def check_config(self) -> None:
        # The folder may appear later (a build after start-up); get_response copes with its absence.
        return None

    async def get_response(self, path: str, scope) -> Response:
        index = Path(self.directory or ".") / "index.html"
        if not index.exists():
            return PlainTextResponse("Not found. (The SPA is not built: `make run` builds frontend/dist.)", status_code=404)
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404:
                raise
            response = None
        if response is None or response.status_code == 404:
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        if path.startswith("assets/"):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def create_app(settings: Settings | None = None, runtime: Runtime | None = None, manage_db: bool = True) -> Starlette:
    settings = settings or Settings.from_env()
    clock.start_from_env()
    rt = runtime or build_runtime(settings)
    gql = GraphQLEndpoint(ShanyraqGraphQL(rt, build_schema(settings), settings.spa_dist / "playground.html"))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if manage_db:
            await init_db(settings)
        calendar_watch = await calendar_days.start(settings.scheduler_interval_seconds)
        sweeper = (
            asyncio.create_task(expiry_loop(rt)) if settings.upload_cleanup_interval_seconds > 0 else None
        )
        scheduler = (
            asyncio.create_task(scheduler_loop(rt, settings.scheduler_interval_seconds))
            if settings.scheduler_interval_seconds > 0 else None
        )
        try:
            yield
        finally:
            for task in (sweeper, scheduler, calendar_watch):
                if task is not None:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
            await rt.close()
            if manage_db:
                await close_db()

    routes = [
        Route("/graphql", gql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", gql),
        Route("/healthz", healthz),
        *upload_routes(rt),
        *file_routes(rt),
        *payment_routes(rt),
        *receipt_routes(rt),
    ]
    if settings.dev_mode:
        routes += [Route("/dev/outbox", dev_outbox), Route("/dev/outbox.json", dev_outbox)]
    routes.append(Mount("/", app=SPA(directory=settings.spa_dist, html=True, check_dir=False), name="spa"))

    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(SecurityHeaders)])
    app.state.runtime = rt
    return app
