"""The cabinet's personal QR code (seed 004 "персональный QR-код для авторизации в приложении").

A signed-in person asks for a one-time token; the page shows it as a QR code of
`<public url>/device-login#<token>` (after "#", so it never reaches a server log). The mobile app
that reads it exchanges the token for a session of its own for the same person.

- 32 random bytes, URL-safe base64; only its SHA-256 is stored, so the table cannot sign anyone in;
- valid for TOKEN_TTL (120 s) by backend.clock; one exchange only: the exchange marks it used with
  one conditional UPDATE (unused and unexpired), so two racing exchanges get one session between them;
- a used, expired or unknown token → TOKEN_INVALID, one answer for all three. There is nothing to
  throttle: a token cannot be guessed in 2²⁵⁶ tries.
- the new session is like any other sign-in (method "device_qr"): in the history, in "My sessions",
  revocable, and announced to the person with NEW_SIGN_IN.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import io
import secrets
from dataclasses import dataclass

import segno

from backend import clock
from backend.errors import DomainError
from backend.models.identity import DeviceLoginToken, User
from backend.runtime import Runtime
from backend.services import history
from backend.services.request_info import RequestInfo
from backend.services.sessions import AuthResult, open_session
from backend.services.tx import atomic

TOKEN_TTL = dt.timedelta(seconds=120)
TOKEN_BYTES = 32
MAX_TOKEN = 100
MAX_DEVICE_NAME = 100
METHOD = "device_qr"
# Rows past this age (used or not) are of no use to anyone; each new token sweeps its owner's.
KEEP_FOR = dt.timedelta(days=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def login_url(public_url: str, token: str) -> str:
    return f"{public_url}/device-login#{token}"


def qr_svg(url: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2, xmldecl=False, svgclass="device-login-qr")
    return buffer.getvalue().decode()


@dataclass(frozen=True)
class IssuedToken:
    token: str
    url: str
    qr_svg: str
    expires_at: dt.datetime


async def issue(rt: Runtime, user: User, req: RequestInfo) -> IssuedToken:
    token = base64.urlsafe_b64encode(secrets.token_bytes(TOKEN_BYTES)).rstrip(b"=").decode()
    now = clock.now()
    expires_at = now + TOKEN_TTL
    async with atomic():
        await DeviceLoginToken.filter(user_id=user.id, expires_at__lt=now - KEEP_FOR).delete()
        row = await DeviceLoginToken.create(user_id=user.id, token_hash=token_hash(token), expires_at=expires_at)
        await history.record("device_login_token", row.id, "issued", actor_id=user.id, ip=req.ip, expiresAt=expires_at.isoformat())
    url = login_url(rt.settings.public_url, token)
    return IssuedToken(token=token, url=url, qr_svg=qr_svg(url), expires_at=expires_at)


async def exchange(rt: Runtime, token: str, device_name: str | None, req: RequestInfo) -> AuthResult:
    token = (token or "").strip()
    if not token:
        raise DomainError("REQUIRED", field="token")
    if len(token) > MAX_TOKEN:
        raise DomainError("TOKEN_INVALID", field="token")
    name = " ".join((device_name or "").split())[:MAX_DEVICE_NAME]
    now = clock.now()
    hashed = token_hash(token)
    async with atomic():
        # The one place a token is spent: of two racing exchanges only one updates the row.
        spent = await DeviceLoginToken.filter(token_hash=hashed, used_at__isnull=True, expires_at__gt=now).update(used_at=now)
        if spent != 1:
            raise DomainError("TOKEN_INVALID", field="token")
        row = await DeviceLoginToken.get(token_hash=hashed)
        user = await User.get(id=row.user_id)
        if not user.is_active:
            raise DomainError("TOKEN_INVALID", field="token")
        # The device names itself ("iPhone Марата"): that is what "My sessions" shows for it.
        device_req = dataclasses.replace(req, user_agent=f"{name} · {req.user_agent}" if name else req.user_agent)
        result = await open_session(rt, user, METHOD, device_req)
        await DeviceLoginToken.filter(id=row.id).update(session_id=result.session.id)
        await history.record("device_login_token", row.id, "exchanged", actor_id=user.id, ip=req.ip,
                             sessionId=str(result.session.id), device=name)
    return result
