"""Download links: short-lived, signed statements that one principal may fetch one document.

A link names the document, the principal it was minted for and how to present the file
(inline or as an attachment); its signature is an HMAC under a key derived from the secret key.
Whoever mints a link has already decided that this principal may see this document (the
contracts resolver does); `/files` only checks the signature, the expiry, and that the requester
is that principal, so a leaked link works for no one else and not for long.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
import struct
import time
import unicodedata
import uuid
from dataclasses import dataclass
from urllib.parse import quote

from backend.errors import DomainError

_VERSION = 1
# version, document id, principal id, flags, expiry (Unix seconds)
_PAYLOAD = struct.Struct(">B16s16sBQ")
_MAC_BYTES = 16
_INLINE = 0x01
_CLIENT = 0x02
MAX_TTL_SECONDS = 24 * 3600
_EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_UNSAFE_ASCII = re.compile(r'[^A-Za-z0-9 !#$&+\-.^_`|~()\[\]{},]')


def _key(settings) -> bytes:
    return hmac.new(settings.secret_key.encode(), b"files:link:v1", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mint(settings, document_id, principal_id, flags: int, ttl_seconds: int) -> str:
    if not 0 < ttl_seconds <= MAX_TTL_SECONDS:
        raise ValueError(f"ttl_seconds must be within 1..{MAX_TTL_SECONDS}")
    expires = int(time.time()) + int(ttl_seconds)
    payload = _PAYLOAD.pack(
        _VERSION, uuid.UUID(str(document_id)).bytes, uuid.UUID(str(principal_id)).bytes, flags, expires
    )
    mac = hmac.new(_key(settings), payload, hashlib.sha256).digest()[:_MAC_BYTES]
    return "/files/" + _b64(payload + mac)


def document_link(settings, document_id, user_id, *, inline: bool, ttl_seconds: int = 300) -> str:
    """`/files/<token>` that lets this user, and only this user, fetch the document for a while."""
    return _mint(settings, document_id, user_id, _INLINE if inline else 0, ttl_seconds)


def client_document_link(settings, document_id, client_id, *, inline: bool, ttl_seconds: int = 300) -> str:
    """The same for a partner's API client."""
    return _mint(settings, document_id, client_id, _CLIENT | (_INLINE if inline else 0), ttl_seconds)


@dataclass(frozen=True)
class FileGrant:
    document_id: uuid.UUID
    user_id: uuid.UUID | None
    client_id: uuid.UUID | None
    inline: bool
    expires_at: dt.datetime


def read_link(settings, token: str, *, now: float | None = None) -> FileGrant:
    """The grant a token states; LINK_INVALID for anything not signed by us, LINK_EXPIRED after its time."""
    try:
        raw = _unb64(token)
    except (binascii.Error, ValueError):
        raise DomainError("LINK_INVALID") from None
    # Exactly one spelling per token: base64's unused trailing bits must not make a second one.
    if len(raw) != _PAYLOAD.size + _MAC_BYTES or _b64(raw) != token:
        raise DomainError("LINK_INVALID")
    payload, mac = raw[: _PAYLOAD.size], raw[_PAYLOAD.size :]
    if not hmac.compare_digest(mac, hmac.new(_key(settings), payload, hashlib.sha256).digest()[:_MAC_BYTES]):
        raise DomainError("LINK_INVALID")
    version, document, principal, flags, expires = _PAYLOAD.unpack(payload)
    if version != _VERSION:
        raise DomainError("LINK_INVALID")
    if expires <= (time.time() if now is None else now):
        raise DomainError("LINK_EXPIRED")
    principal_id = uuid.UUID(bytes=principal)
    return FileGrant(
        document_id=uuid.UUID(bytes=document),
        user_id=None if flags & _CLIENT else principal_id,
        client_id=principal_id if flags & _CLIENT else None,
        inline=bool(flags & _INLINE),
        expires_at=dt.datetime.fromtimestamp(expires, dt.timezone.utc),
    )


def download_name(title: str, content_type: str) -> str:
    """The file name a person sees: the document's title with the extension its content proves."""
    name = unicodedata.normalize("NFC", " ".join((title or "").split()))
    name = "".join(
        "_" if ch in '/\\' else ch for ch in name if unicodedata.category(ch)[0] != "C" and ch != '"'
    ) or "document"
    extension = _EXTENSIONS.get(content_type, "")
    if extension and not name.lower().endswith(extension):
        name = name[: 200 - len(extension)] + extension
    return name[:200]


def content_disposition(name: str, *, inline: bool) -> str:
    """RFC 6266: the UTF-8 name (Kazakh letters) in `filename*`, and for clients that know only
    `filename` the name itself when it is plain ASCII, else a neutral one with the same extension."""
    if name.isascii() and not _UNSAFE_ASCII.search(name):
        fallback = name
    else:
        extension = name.rsplit(".", 1)[1] if "." in name else ""
        fallback = "document" + (f".{extension}" if extension.isascii() and extension.isalnum() else "")
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
