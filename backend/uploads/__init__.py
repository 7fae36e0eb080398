"""Resumable uploads over HTTP (tus) and the principal resolution shared with /files."""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from backend.runtime import Runtime
from backend.uploads.tus import TusEndpoint


def upload_routes(rt: Runtime) -> list[BaseRoute]:
    # Routes, not a Mount: a Mount would redirect `POST /uploads` to `/uploads/` with a 307.
    endpoint = TusEndpoint(rt)
    return [
        Route("/uploads", endpoint),
        Route("/uploads/", endpoint),
        Route("/uploads/{upload_id}", endpoint),
    ]
