"""Signing on a second device (QR): the page shows a QR code, the phone signs, the page learns of it.

The domain that needs a signature (an application, a supplementary agreement) opens a session with
the exact bytes to sign and the IIN/BIN expected to sign them. The QR code carries the SPA URL
`/sign/<session id>#<token>`: the token is the capability of the second device, which needs no
sign-in; it never reaches the server's logs (URL fragment) and only its SHA-256 is stored. The
session lives three minutes. The signed CMS is checked at once (purpose "sign", expected signer);
the creator's page hears SIGNED or FAILED through `signingSessionUpdated`, and the domain takes the
signature with `take_signed`, once.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
import uuid
from typing import Any

from backend.auth.identifiers import IdentifierKind, classify_iin_bin
from backend.models.identity import User
from backend.models.signatures import SigningSession, SigningStatus
from backend.pki.certinfo import SignerInfo
from backend.pki.errors import CRL_UNAVAILABLE, VERIFIER_UNAVAILABLE, SignatureError
from backend.runtime import Runtime
from backend.adapters.signatures import require_subject
from backend.services import history
from backend.errors import DomainError
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic, on_commit
from backend.settings import Settings

SESSION_TTL_SECONDS = 180
MAX_PAYLOAD_BYTES = 64 * 1024  # a canonical digest of data and document hashes, never the documents
NOT_FOUND = "SIGNING_SESSION_NOT_FOUND"
EXPIRED = "SIGNING_SESSION_EXPIRED"
CLOSED = "SIGNING_SESSION_CLOSED"
NOT_SIGNED = "SIGNING_SESSION_NOT_SIGNED"
USED = "SIGNING_SESSION_USED"
PAYLOAD_CHANGED = "SIGNING_PAYLOAD_CHANGED"
# Failures that say nothing about the signature: the session stays open for another try.
_TRANSIENT = {CRL_UNAVAILABLE, VERIFIER_UNAVAILABLE}
_PURPOSE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
FINAL = frozenset({SigningStatus.SIGNED, SigningStatus.FAILED, SigningStatus.EXPIRED, SigningStatus.CANCELLED})


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def channel_for(session_id: uuid.UUID | str) -> str:
    return f"signing_session:{session_id}"


async def reloaded(row: SigningSession) -> SigningSession:
    """The session as stored now (another device may have signed or cancelled it)."""
    await row.refresh_from_db()
    return row


def status_of(row: SigningSession, now: dt.datetime | None = None) -> SigningStatus:
    """The status as of now: a pending session past its deadline is expired even before anyone says so."""
    if row.status == SigningStatus.PENDING and row.expires_at <= (now or _now()):
        return SigningStatus.EXPIRED
    return SigningStatus(row.status)


def payload_of(row: SigningSession) -> bytes:
    return base64.b64decode(row.payload)


def signer_of(row: SigningSession) -> SignerInfo | None:
    data = (row.result or {}).get("signer")
    return SignerInfo.from_dict(data) if data else None


def error_of(row: SigningSession) -> str | None:
    return (row.result or {}).get("code")


def signing_path(session: SigningSession, token: str) -> str:
    return f"/sign/{session.id}#{token}"


def signing_url(settings: Settings, session: SigningSession, token: str) -> str:
    """What the QR code encodes; relative to the SPA when PUBLIC_URL is not configured."""
    return f"{settings.public_url}{signing_path(session, token)}"


async def create_session(
    purpose: str,
    subject_id: str,
    payload: bytes,
    description: str,
    expected_iin_bin: str,
    user: User,
    *,
    req: RequestInfo | None = None,
    ttl_seconds: int = SESSION_TTL_SECONDS,
) -> tuple[SigningSession, str]:
    """A pending session and its secret token (shown once, in the QR code; only its hash is kept)."""
    if not _PURPOSE.match(purpose or ""):
        raise DomainError("INVALID_PURPOSE", field="purpose")
    subject_id = str(subject_id)
    if not subject_id or len(subject_id) > 64:
        raise DomainError("INVALID_SUBJECT", field="subjectId")
    if not isinstance(payload, bytes | bytearray) or not payload or len(payload) > MAX_PAYLOAD_BYTES:
        raise DomainError("INVALID_PAYLOAD", field="payload", max=MAX_PAYLOAD_BYTES)
    classify_iin_bin(expected_iin_bin)  # INVALID_IIN_BIN: a session must say who is to sign
    token = secrets.token_urlsafe(32)
    req = req or RequestInfo()
    async with atomic():
        session = await SigningSession.create(
            purpose=purpose,
            subject_id=subject_id,
            payload=base64.b64encode(bytes(payload)).decode("ascii"),
            digest=hashlib.sha256(payload).hexdigest(),
            description=(description or "")[:300],
            expected_iin_bin=expected_iin_bin,
            token_hash=token_hash(token),
            created_by=user,
            expires_at=_now() + dt.timedelta(seconds=ttl_seconds),
        )
        await history.record(
            "signing_session", session.id, "created", actor_id=user.id, ip=req.ip,
            purpose=purpose, subjectId=subject_id, digest=session.digest, expected=expected_iin_bin,
        )
    return session, token


async def _get(session_id: Any) -> SigningSession | None:
    try:
        key = uuid.UUID(str(session_id))
    except ValueError:
        return None
    return await SigningSession.get_or_none(id=key)


async def open_for_signer(session_id: Any, token: str) -> SigningSession:
    """The session the token unlocks; a wrong token looks exactly like an unknown session."""
    row = await _get(session_id)
    if row is None or not token or not hmac.compare_digest(row.token_hash, token_hash(token)):
        raise DomainError(NOT_FOUND, field="id")
    return row


async def for_creator(session_id: Any, user_id: uuid.UUID) -> SigningSession | None:
    row = await _get(session_id)
    return row if row is not None and row.created_by_id == user_id else None


async def _publish(rt: Runtime, row: SigningSession) -> None:
    async def send() -> None:
        await rt.pubsub.publish(channel_for(row.id), {"id": str(row.id), "status": row.status.value})

    on_commit(send)


async def _close(rt: Runtime, row: SigningSession, status: SigningStatus, action: str, req: RequestInfo,
                 **changes: Any) -> bool:
    """Moves a pending session to a final status, once: a concurrent close makes this one a no-op."""
    now = _now()
    async with atomic():
        updated = await SigningSession.filter(id=row.id, status=SigningStatus.PENDING).update(
            status=status, completed_at=now, **changes
        )
        if not updated:
            return False
        for key, value in changes.items():
            setattr(row, key, value)
        row.status, row.completed_at = status, now
        details = {k: v for k, v in (changes.get("result") or {}).items() if k in ("code", "serial", "iin", "bin")}
        await history.record("signing_session", row.id, action, actor_id=req.user_id, ip=req.ip, **details)
        await _publish(rt, row)
    return True


async def expire_if_due(rt: Runtime, row: SigningSession, req: RequestInfo | None = None) -> SigningSession:
    if row.status == SigningStatus.PENDING and status_of(row) == SigningStatus.EXPIRED:
        if not await _close(rt, row, SigningStatus.EXPIRED, "expired", req or RequestInfo()):
            await row.refresh_from_db()
    return row


async def _ensure_pending(rt: Runtime, row: SigningSession, req: RequestInfo) -> None:
    status = status_of(row)
    if status == SigningStatus.EXPIRED:
        await expire_if_due(rt, row, req)
        raise DomainError(EXPIRED, field="id")
    if status != SigningStatus.PENDING:
        raise DomainError(CLOSED, field="id", status=status.value)


async def complete(rt: Runtime, session_id: Any, token: str, cms: bytes, req: RequestInfo) -> SigningSession:
    """Checks the second device's CMS over the session's payload; SIGNED or FAILED either way, except
    for failures of our own infrastructure (no CRL, verifier down), which leave it open for a retry."""
    row = await open_for_signer(session_id, token)
    await _ensure_pending(rt, row, req)
    failure: SignatureError | None = None
    try:
        signer = await rt.signatures.verify_detached(payload_of(row), cms, purpose="sign")
        expected = row.expected_iin_bin
        if classify_iin_bin(expected) == IdentifierKind.COMPANY:
            require_subject(signer, bin=expected)
        else:
            require_subject(signer, iin=expected)
    except SignatureError as exc:
        if exc.code in _TRANSIENT:
            raise
        failure = exc
    encoded = base64.b64encode(cms).decode("ascii")
    if failure is None:
        result = {"signer": signer.to_dict(), "serial": signer.serial, "iin": signer.iin, "bin": signer.bin}
        closed = await _close(rt, row, SigningStatus.SIGNED, "signed", req, cms=encoded, result=result)
    else:
        result = {"code": failure.code, "detail": failure.detail,
                  "signer": failure.signer.to_dict() if failure.signer else None}
        closed = await _close(rt, row, SigningStatus.FAILED, "failed", req, cms=encoded, result=result)
    if not closed:
        await row.refresh_from_db()
        raise DomainError(CLOSED, field="id", status=status_of(row).value)
    if failure is not None:
        raise failure
    return row


async def cancel(
    rt: Runtime, session_id: Any, req: RequestInfo, *, user_id: uuid.UUID | None = None, token: str | None = None
) -> SigningSession:
    """By the second device (its token) or the creator (signed in): nobody else learns it exists."""
    if token:
        row = await open_for_signer(session_id, token)
    else:
        row = await for_creator(session_id, user_id) if user_id else None
        if row is None:
            raise DomainError(NOT_FOUND, field="id")
    await _ensure_pending(rt, row, req)
    if not await _close(rt, row, SigningStatus.CANCELLED, "cancelled", req):
        await row.refresh_from_db()
        raise DomainError(CLOSED, field="id", status=status_of(row).value)
    return row


async def take_signed(
    session_id: Any, user_id: uuid.UUID, purpose: str, subject_id: str, *, payload: bytes | None = None,
    req: RequestInfo | None = None,
) -> tuple[bytes, SignerInfo]:
    """The CMS and signer of a SIGNED session, for the domain that opened it; once only.

    Only the creator, for the same purpose and subject, may take it; pass `payload` to make sure the
    signed bytes are still the ones the domain would sign now.
    """
    req = req or RequestInfo(user_id=user_id)
    key = None
    try:
        key = uuid.UUID(str(session_id))
    except ValueError:
        pass
    async with atomic():
        row = await SigningSession.filter(
            id=key, created_by_id=user_id, purpose=purpose, subject_id=str(subject_id)
        ).select_for_update().first() if key else None
        if row is None:
            raise DomainError(NOT_FOUND, field="signingSessionId")
        if row.status != SigningStatus.SIGNED:
            raise DomainError(NOT_SIGNED, field="signingSessionId", status=status_of(row).value)
        result = dict(row.result or {})
        if result.get("taken_at"):
            raise DomainError(USED, field="signingSessionId")
        if payload is not None and hashlib.sha256(payload).hexdigest() != row.digest:
            raise DomainError(PAYLOAD_CHANGED, field="signingSessionId")
        result["taken_at"] = _now().isoformat()
        row.result = result
        await row.save(update_fields=["result"])
        await history.record("signing_session", row.id, "taken", actor_id=user_id, ip=req.ip,
                             purpose=purpose, subjectId=str(subject_id))
    signer = signer_of(row)
    assert signer is not None
    return base64.b64decode(row.cms), signer
