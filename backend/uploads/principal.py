"""Who is calling /uploads and /files.

Today a user, by bearer access token (and, for downloads only, by the session behind the
refresh cookie). The partner API adds an API-client resolver to `RESOLVERS`; every endpoint
that asks `resolve()` then accepts API clients too, and their uploads are owned by the client.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from starlette.requests import HTTPConnection

from backend.auth import tokens
from backend.models.identity import RefreshToken
from backend.runtime import Runtime
from backend.auth.cookies import REFRESH_COOKIE
from backend.services.partners import ApiScope, InvalidApiKey, authenticate_key
from backend.services.sessions import authenticate
from backend.services.uploads import Owner


@dataclass(frozen=True)
class Principal:
    user_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    session_id: uuid.UUID | None = None

    @property
    def owner(self) -> Owner:
        return Owner(user_id=self.user_id, client_id=self.client_id)


class Unauthenticated(Exception):
    """Credentials were presented and are not valid: a 401, never a fall-back to anonymous."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


Resolver = Callable[[Runtime, HTTPConnection], Awaitable[Principal | None]]


async def bearer_user(rt: Runtime, conn: HTTPConnection) -> Principal | None:
    header = conn.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None  # another scheme (an API key) is another resolver's business
    token = token.strip()
    if not token:
        raise Unauthenticated("INVALID_TOKEN")
    try:
        viewer = await authenticate(rt, token)
    except tokens.TokenError as exc:
        raise Unauthenticated(exc.code) from None
    return Principal(user_id=viewer.user.id, session_id=viewer.session_id)


async def refresh_cookie_user(rt: Runtime, conn: HTTPConnection) -> Principal | None:
    """The signed-in browser's session, for navigations and iframes that cannot carry the SPA's
    in-memory access token. Read-only: the refresh token is not rotated. Only downloads accept it;
    a state-changing request by cookie would invite cross-site request forgery."""
    raw = conn.cookies.get(REFRESH_COOKIE)
    if not raw:
        return None
    try:
        claims = tokens.decode_refresh(rt.settings, raw)
    except tokens.TokenError:
        return None
    row = await RefreshToken.get_or_none(id=claims.token_id, session_id=claims.session_id).prefetch_related(
        "session__user"
    )
    if row is None or row.expires_at <= dt.datetime.now(dt.timezone.utc):
        return None
    session = row.session
    if session.user_id != claims.user_id or session.revoked_at is not None or not session.user.is_active:
        return None
    # Not checking `used_at`: an iframe that loads while the SPA rotates the cookie must not fail.
    return Principal(user_id=claims.user_id, session_id=session.id)


async def api_key_client(rt: Runtime, conn: HTTPConnection) -> Principal | None:
    """A partner system by its API key; it uploads and downloads documents with `documents:write`."""
    key = conn.headers.get("x-api-key")
    if key is None:
        return None
    try:
        principal = await authenticate_key(rt.settings.secret_key, key)
    except InvalidApiKey:
        raise Unauthenticated("INVALID_API_KEY") from None
    if not principal.may(ApiScope.DOCUMENTS_WRITE):
        raise Unauthenticated("SCOPE_MISSING")
    return Principal(client_id=principal.client.id)


RESOLVERS: tuple[Resolver, ...] = (bearer_user, api_key_client)
DOWNLOAD_RESOLVERS: tuple[Resolver, ...] = (*RESOLVERS, refresh_cookie_user)


async def resolve(rt: Runtime, conn: HTTPConnection, resolvers: Sequence[Resolver] = RESOLVERS) -> Principal | None:
    """The first resolver that recognises the request's credentials decides; None when there are none."""
    for resolver in resolvers:
        principal = await resolver(rt, conn)
        if principal is not None:
            return principal
    return None
