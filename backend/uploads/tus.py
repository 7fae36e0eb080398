"""The tus 1.0 resumable-upload protocol at /uploads: core, creation, creation-with-upload,
expiration, termination (https://tus.io/protocols/resumable-upload).

Written here rather than taken from `tuspyserver` (4.4.3, the maintained FastAPI router), which
was tried and found unfit for this portal: its PATCH streams the body into storage before its
`auth` dependency runs (an unauthenticated PATCH still appended bytes to someone's upload);
creation-with-upload reads the whole body into memory and writes it past the storage backend;
a creation declaring more than `max_size` is accepted; HEAD answers 400 to an upload without
`filename`/`filetype` metadata; it keeps its own state in sidecar files beside our `Upload` rows
and offers no per-chunk hook for hashing or type checks. The protocol itself is small; the rules
(quota, types, hashing, expiry, ownership) live in `backend.services.uploads`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import unicodedata
from collections.abc import AsyncIterator
from email.utils import format_datetime

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from backend.context import client_ip
from backend.models.uploads import Upload, UploadStatus
from backend.runtime import Runtime
from backend.services import uploads
from backend.errors import DomainError
from backend.uploads.principal import RESOLVERS, Principal, Resolver, Unauthenticated, resolve

TUS_VERSION = "1.0.0"
EXTENSIONS = "creation,creation-with-upload,expiration,termination"
OFFSET_OCTET_STREAM = "application/offset+octet-stream"
_DIGITS = re.compile(r"^[0-9]{1,19}$")
_OVERRIDABLE = {"PATCH", "DELETE", "HEAD"}
_DRAIN_AT_MOST = 64 * 1024

_STATUS = {
    "UPLOAD_NOT_FOUND": 404,
    "UPLOAD_EXPIRED": 410,
    "UPLOAD_REJECTED": 410,
    "UPLOAD_TOO_LARGE": 413,
    "UPLOAD_QUOTA_EXCEEDED": 403,
    "UPLOAD_TOO_MANY_OPEN": 403,
    "UPLOAD_NOT_ALLOWED": 403,
    "UPLOAD_TYPE_NOT_ALLOWED": 415,
    "UPLOAD_OFFSET_MISMATCH": 409,
    "UPLOAD_LOCKED": 423,
}
_MESSAGES = {
    "UPLOAD_NOT_FOUND": "There is no such upload.",
    "UPLOAD_EXPIRED": "The upload expired; start a new one.",
    "UPLOAD_REJECTED": "The upload was refused and its bytes discarded.",
    "UPLOAD_TOO_LARGE": "The upload is larger than allowed.",
    "UPLOAD_QUOTA_EXCEEDED": "Your unfinished and unattached uploads would exceed your upload quota.",
    "UPLOAD_TOO_MANY_OPEN": "You have too many unfinished uploads; finish or delete some first.",
    "UPLOAD_NOT_ALLOWED": "This account may not upload files.",
    "UPLOAD_TYPE_NOT_ALLOWED": "Only PDF, JPEG and PNG files are accepted (checked by their content).",
    "UPLOAD_OFFSET_MISMATCH": "Upload-Offset does not match the bytes received; ask for the offset with HEAD.",
    "UPLOAD_LOCKED": "Another request is writing this upload; retry shortly.",
}


def _http_date(value: dt.datetime) -> str:
    return format_datetime(value.astimezone(dt.timezone.utc), usegmt=True)


def _reply(status: int, headers: dict[str, str] | None = None, body: str = "") -> Response:
    base = {"Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store"}
    base.update(headers or {})
    return Response(body, status_code=status, headers=base, media_type="text/plain; charset=utf-8" if body else None)


def _error(code: str, status: int | None = None, *, detail: str = "", headers: dict[str, str] | None = None) -> Response:
    # tusd's style: a plain-text line a person can read, starting with a stable code a program can match.
    message = detail or _MESSAGES.get(code, code.replace("_", " ").capitalize())
    return _reply(status or _STATUS.get(code, 400), headers, f"{code}: {message}\n")


def _domain_error(exc: DomainError, settings) -> Response:
    headers: dict[str, str] = {}
    detail = ""
    if exc.code == "UPLOAD_TOO_LARGE":
        detail = f"The upload is larger than allowed ({settings.upload_max_bytes} bytes at most)."
        if exc.params.get("detail"):
            detail = f"The request carries {exc.params['detail']}."
    elif exc.code == "UPLOAD_QUOTA_EXCEEDED":
        detail = f"{_MESSAGES[exc.code]} Quota {exc.params['quota']} bytes, in use {exc.params['used']}."
    elif exc.code == "UPLOAD_OFFSET_MISMATCH":
        headers["Upload-Offset"] = str(exc.params.get("offset", 0))
    elif exc.code == "UPLOAD_LOCKED":
        headers["Retry-After"] = "1"
    return _error(exc.code, headers=headers, detail=detail)


def parse_metadata(value: str | None) -> dict[str, str]:
    """`Upload-Metadata: key base64value,key2 base64value2` (a key may come without a value)."""
    result: dict[str, str] = {}
    if not value:
        return result
    for pair in value.split(","):
        parts = pair.strip().split(" ")
        if not parts[0] or len(parts) > 2:
            raise ValueError("malformed Upload-Metadata")
        try:
            decoded = base64.b64decode(parts[1], validate=True).decode("utf-8") if len(parts) == 2 else ""
        except (binascii.Error, UnicodeDecodeError):
            raise ValueError("Upload-Metadata values must be base64 of UTF-8 text") from None
        result[parts[0]] = decoded
    return result


def clean_filename(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip()[:300]


def _parse_length(value: str | None) -> int | None:
    if value is None or not _DIGITS.match(value.strip()):
        return None
    return int(value.strip())


class _Body:
    """The request body as a stream that ends quietly when the client goes away (the bytes that
    arrived are kept, and the client resumes from HEAD's offset)."""

    def __init__(self, request: Request):
        self.request = request
        self.finished = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.request.stream():
                if chunk:
                    yield chunk
        except ClientDisconnect:
            return
        self.finished = True


class TusEndpoint:
    """ASGI app for `/uploads` and `/uploads/{upload_id}`."""

    def __init__(self, rt: Runtime, resolvers: tuple[Resolver, ...] = RESOLVERS):
        self.rt = rt
        self.resolvers = resolvers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self.handle(request)
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        method = request.method
        override = request.headers.get("x-http-method-override")
        if method == "POST" and override and override.upper() in _OVERRIDABLE:
            method = override.upper()  # for clients and proxies that cannot send PATCH or DELETE
        upload_id = request.path_params.get("upload_id")
        try:
            principal = await resolve(self.rt, request, self.resolvers)
        except Unauthenticated as exc:
            return _error(
                exc.code, 401, detail="The access token is not valid.",
                headers={"WWW-Authenticate": f'Bearer error="invalid_token", error_description="{exc.code}"'},
            )
        if method == "OPTIONS":
            return self.options()
        if principal is None:
            return _error("UNAUTHENTICATED", 401, detail="Sign in: send Authorization: Bearer <access token>.",
                          headers={"WWW-Authenticate": "Bearer"})
        if request.headers.get("tus-resumable") != TUS_VERSION:
            return _error("TUS_VERSION_UNSUPPORTED", 412, detail=f"Tus-Resumable must be {TUS_VERSION}.",
                          headers={"Tus-Version": TUS_VERSION})
        ip = client_ip(request, self.rt.settings.trusted_proxies)
        try:
            if upload_id is None:
                if method == "POST":
                    return await self.create(request, principal, ip)
                return _error("METHOD_NOT_ALLOWED", 405, detail="POST creates an upload here.",
                              headers={"Allow": "OPTIONS, POST"})
            if method == "HEAD":
                return await self.head(principal, upload_id)
            if method == "PATCH":
                return await self.patch(request, principal, upload_id, ip)
            if method == "DELETE":
                await uploads.terminate(self.rt, principal.owner, upload_id, ip=ip)
                return _reply(204)
            return _error("METHOD_NOT_ALLOWED", 405, detail="HEAD, PATCH or DELETE an upload.",
                          headers={"Allow": "OPTIONS, HEAD, PATCH, DELETE"})
        except DomainError as exc:
            response = _domain_error(exc, self.rt.settings)
            if method in ("POST", "PATCH") and not request.scope.get("shanyraq.body_done"):
                # The body was not read to its end. A small rest is left for the server to drain so
                # the connection lives on; a large one (up to 700 MiB) is not worth receiving.
                unread = _parse_length(request.headers.get("content-length"))
                if (unread is None and "transfer-encoding" in request.headers) or (unread or 0) > _DRAIN_AT_MOST:
                    response.headers["Connection"] = "close"
            return response

    def options(self) -> Response:
        return _reply(
            204,
            {
                "Tus-Version": TUS_VERSION,
                "Tus-Extension": EXTENSIONS,
                "Tus-Max-Size": str(self.rt.settings.upload_max_bytes),
            },
        )

    def _state_headers(self, upload: Upload, offset: int) -> dict[str, str]:
        headers = {"Upload-Offset": str(offset)}
        if upload.status is UploadStatus.UPLOADING:
            headers["Upload-Expires"] = _http_date(upload.expires_at)
        return headers

    async def create(self, request: Request, principal: Principal, ip: str) -> Response:
        if "upload-defer-length" in request.headers:
            return _error("UPLOAD_LENGTH_REQUIRED", 400, detail="Upload-Length is required; deferring it is not supported.")
        length = _parse_length(request.headers.get("upload-length"))
        if length is None:
            return _error("UPLOAD_LENGTH_REQUIRED", 400, detail="Upload-Length must be a whole number of bytes.")
        # Both limits are checked on the headers alone: not a byte of the body is read before.
        if length > self.rt.settings.upload_max_bytes:
            raise DomainError("UPLOAD_TOO_LARGE")
        with_body = request.headers.get("content-type", "").split(";")[0].strip().lower() == OFFSET_OCTET_STREAM
        declared = _parse_length(request.headers.get("content-length"))
        if with_body and declared is not None and declared > length:
            raise DomainError("UPLOAD_TOO_LARGE", detail="more bytes than the declared Upload-Length")
        try:
            metadata = parse_metadata(request.headers.get("upload-metadata"))
        except ValueError as exc:
            return _error("UPLOAD_METADATA_INVALID", 400, detail=str(exc) + ".")
        filename = clean_filename(metadata.get("filename") or metadata.get("name") or "")
        upload = await uploads.create(self.rt, principal.owner, length=length, filename=filename, ip=ip)
        location = f"{request.scope.get('root_path', '')}/uploads/{upload.id}"
        headers = {"Location": location, "Upload-Expires": _http_date(upload.expires_at)}
        if with_body and declared != 0:
            upload = await self._receive(request, principal, upload.id, 0, declared, ip)
            headers.update(self._state_headers(upload, upload.received))
        return _reply(201, headers)

    async def head(self, principal: Principal, upload_id: str) -> Response:
        upload = await uploads.get_owned(principal.owner, upload_id)
        offset = await uploads.offset_of(self.rt, upload)
        headers = self._state_headers(upload, offset)
        headers["Upload-Length"] = str(upload.length)
        if upload.filename:
            headers["Upload-Metadata"] = "filename " + base64.b64encode(upload.filename.encode()).decode()
        return _reply(200, headers)

    async def patch(self, request: Request, principal: Principal, upload_id: str, ip: str) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != OFFSET_OCTET_STREAM:
            return _error("CONTENT_TYPE_INVALID", 415, detail=f"Content-Type must be {OFFSET_OCTET_STREAM}.")
        offset = _parse_length(request.headers.get("upload-offset"))
        if offset is None:
            return _error("UPLOAD_OFFSET_REQUIRED", 400, detail="Upload-Offset must be a whole number of bytes.")
        declared = _parse_length(request.headers.get("content-length"))
        upload = await self._receive(request, principal, upload_id, offset, declared, ip)
        return _reply(204, self._state_headers(upload, upload.received))

    async def _receive(
        self, request: Request, principal: Principal, upload_id: str, offset: int, declared: int | None, ip: str
    ) -> Upload:
        body = _Body(request)
        try:
            return await uploads.append(self.rt, principal.owner, upload_id, offset, body, declared=declared, ip=ip)
        finally:
            request.scope["shanyraq.body_done"] = body.finished
