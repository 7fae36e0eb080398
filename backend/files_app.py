"""GET /files/{token}: a document's bytes, streamed from storage, for the principal its link names.

The requester proves who they are with the bearer access token (API calls, fetch) or with the
refresh cookie's live session (the browser opening the link or showing it in an iframe, since
the SPA keeps its access token in memory). Byte ranges are served for PDF viewers.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from backend.models.applications import ApplicationDocument, ApplicationFile
from backend.models.contracts import Document
from backend.models.meetings import MeetingDocument
from backend.models.queue import QueueFile
from backend.models.service_requests import ServiceRequestPhoto
from backend.runtime import Runtime
from backend.services import files
from backend.errors import DomainError
from backend.uploads.principal import DOWNLOAD_RESOLVERS, Resolver, Unauthenticated, resolve

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_NOT_FOUND = "This link is not valid."


StoredFile = Document | ApplicationDocument | ApplicationFile | QueueFile | ServiceRequestPhoto | MeetingDocument


async def _stored_file(file_id) -> StoredFile | None:
    """Contract documents, applications' supporting documents, KZhK's files and the housing queue's
    files, service requests' photos and owners' meetings' documents share one link format; ids are
    UUIDs, so at most one table has the row."""
    for model in (Document, ApplicationDocument, ApplicationFile, QueueFile, ServiceRequestPhoto, MeetingDocument):
        row = await model.get_or_none(id=file_id)
        if row is not None:
            return row
    return None


class RangeNotSatisfiable(Exception):
    pass


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(start, end inclusive) of a single `bytes=` range; None to send the whole file (no header,
    several ranges, or a unit we do not serve, all of which RFC 9110 lets a server ignore)."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(size - suffix, 0), size - 1
    start = int(first)
    end = size - 1 if last == "" else min(int(last), size - 1)
    if start >= size or (last != "" and int(last) < start):
        raise RangeNotSatisfiable
    return start, end


def _plain(status: int, text: str, headers: dict[str, str] | None = None) -> Response:
    base = {"Cache-Control": "private, no-store"}
    base.update(headers or {})
    return Response(text + "\n", status_code=status, media_type="text/plain; charset=utf-8", headers=base)


class FileEndpoint:
    def __init__(self, rt: Runtime, resolvers: tuple[Resolver, ...] = DOWNLOAD_RESOLVERS):
        self.rt = rt
        self.resolvers = resolvers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self.respond(request)
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        try:
            grant = files.read_link(self.rt.settings, request.path_params["token"])
        except DomainError as exc:
            if exc.code == "LINK_EXPIRED":
                return _plain(410, "This link has expired; open the document again from the portal.")
            return _plain(404, _NOT_FOUND)
        try:
            principal = await resolve(self.rt, request, self.resolvers)
        except Unauthenticated as exc:
            return _plain(401, "The access token is not valid.", {"WWW-Authenticate": f'Bearer error="invalid_token", error_description="{exc.code}"'})
        if principal is None:
            return _plain(401, "Sign in to open this document.", {"WWW-Authenticate": "Bearer"})
        if (principal.user_id, principal.client_id) != (grant.user_id, grant.client_id):
            return _plain(404, _NOT_FOUND)  # somebody else's link looks like no link at all
        document = await _stored_file(grant.document_id)
        if document is None:
            return _plain(404, _NOT_FOUND)
        return self._stream(request, document, grant.inline)

    def _stream(self, request: Request, document: StoredFile, inline: bool) -> Response:
        size = document.size
        etag = f'"{document.sha256}"'
        name = files.download_name(document.title, document.content_type)
        headers = {
            "Content-Type": document.content_type,
            "Content-Disposition": files.content_disposition(name, inline=inline),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
            "Accept-Ranges": "bytes",
            "ETag": etag,
            "Referrer-Policy": "no-referrer",
            # The SPA shows PDFs and images in an iframe of its own origin, and nowhere else.
            "X-Frame-Options": "SAMEORIGIN",
            "Content-Security-Policy": "frame-ancestors 'self'",
        }
        wanted = request.headers.get("range")
        if_range = request.headers.get("if-range")
        if wanted and if_range and if_range.strip() != etag:
            wanted = None  # the client's partial copy is of another version: send it all
        try:
            span = parse_range(wanted, size)
        except RangeNotSatisfiable:
            return _plain(416, "Range not satisfiable.", {"Content-Range": f"bytes */{size}"})
        status = 200
        start, length = 0, size
        if span is not None:
            status = 206
            start, length = span[0], span[1] - span[0] + 1
            headers["Content-Range"] = f"bytes {span[0]}-{span[1]}/{size}"
        headers["Content-Length"] = str(length)
        if request.method == "HEAD":
            return Response(b"", status_code=status, headers=headers)
        return StreamingResponse(
            self.rt.storage.read(document.storage_key, start, length), status_code=status, headers=headers
        )


def file_routes(rt: Runtime) -> list[BaseRoute]:
    return [Route("/files/{token}", FileEndpoint(rt), methods=["GET", "HEAD"])]
