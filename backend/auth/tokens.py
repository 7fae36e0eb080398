"""Access and refresh JWTs: a fixed algorithm, typed, audience- and issuer-bound, short-lived."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass

import jwt

from backend.settings import Settings

ALGORITHM = "HS256"
ACCESS_TYP = "at+jwt"
REFRESH_TYP = "rt+jwt"


class TokenError(Exception):
    """A token that must not be accepted; `code` tells the client what to do."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    expires_at: dt.datetime


@dataclass(frozen=True)
class RefreshClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    token_id: uuid.UUID


def _key(settings: Settings, purpose: str) -> bytes:
    # Separate keys per token type, so one kind can never verify as the other even with a bug in typ checks.
    return hmac.new(settings.secret_key.encode(), f"jwt:{purpose}".encode(), hashlib.sha256).digest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def issue_access(settings: Settings, user_id: uuid.UUID, session_id: uuid.UUID) -> tuple[str, dt.datetime]:
    now = _now()
    expires = now + dt.timedelta(seconds=settings.access_ttl_seconds)
    claims = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": str(user_id),
        "sid": str(session_id),
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": uuid.uuid4().hex,
    }
    token = jwt.encode(claims, _key(settings, "access"), algorithm=ALGORITHM, headers={"typ": ACCESS_TYP})
    return token, expires


def issue_refresh(
    settings: Settings, user_id: uuid.UUID, session_id: uuid.UUID, token_id: uuid.UUID, expires: dt.datetime
) -> str:
    now = _now()
    claims = {
        "iss": settings.jwt_issuer,
        "aud": f"{settings.jwt_audience}:refresh",
        "sub": str(user_id),
        "sid": str(session_id),
        "jti": str(token_id),
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()),
    }
    return jwt.encode(claims, _key(settings, "refresh"), algorithm=ALGORITHM, headers={"typ": REFRESH_TYP})


def _decode(settings: Settings, token: str, purpose: str, typ: str, audience: str) -> dict:
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise TokenError("INVALID_TOKEN") from None
    if header.get("alg") != ALGORITHM or header.get("typ") != typ:
        raise TokenError("INVALID_TOKEN")
    try:
        return jwt.decode(
            token,
            _key(settings, purpose),
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=settings.jwt_issuer,
            options={"require": ["exp", "iat", "iss", "aud", "sub", "sid", "jti"]},
        )
    except jwt.ExpiredSignatureError:
        raise TokenError("TOKEN_EXPIRED") from None
    except jwt.PyJWTError:
        raise TokenError("INVALID_TOKEN") from None


def _uuid(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise TokenError("INVALID_TOKEN") from None


def decode_access(settings: Settings, token: str) -> AccessClaims:
    claims = _decode(settings, token, "access", ACCESS_TYP, settings.jwt_audience)
    return AccessClaims(
        user_id=_uuid(claims["sub"]),
        session_id=_uuid(claims["sid"]),
        expires_at=dt.datetime.fromtimestamp(claims["exp"], dt.timezone.utc),
    )


_VERIFIED_MAX = 4096
# (secret, issuer, audience, token) -> (claims, exp as a timestamp). Only tokens that passed
# `decode_access` get in, so forging or flooding with junk never enters it; the oldest leave first.
_verified: dict[tuple[str, str, str, str], tuple[AccessClaims, float]] = {}


def verify_access(settings: Settings, token: str) -> AccessClaims:
    """`decode_access` for every request of a client: the same token comes back until it expires,
    and its signature and claims cannot change, so their check (a third of a small request's CPU)
    is done once per token. Only the clock is checked again. Whether its session is still alive is
    not a property of the token: the caller asks the database every time."""
    key = (settings.secret_key, settings.jwt_issuer, settings.jwt_audience, token)
    hit = _verified.get(key)
    if hit is not None:
        claims, expires = hit
        if expires > time.time():  # PyJWT's rule without leeway: expired once exp <= now
            return claims
        _verified.pop(key, None)
        raise TokenError("TOKEN_EXPIRED")
    claims = decode_access(settings, token)
    if len(_verified) >= _VERIFIED_MAX:
        del _verified[next(iter(_verified))]
    _verified[key] = (claims, claims.expires_at.timestamp())
    return claims


def decode_refresh(settings: Settings, token: str) -> RefreshClaims:
    claims = _decode(settings, token, "refresh", REFRESH_TYP, f"{settings.jwt_audience}:refresh")
    return RefreshClaims(user_id=_uuid(claims["sub"]), session_id=_uuid(claims["sid"]), token_id=_uuid(claims["jti"]))
