"""Sign-in, rotating refresh tokens with reuse detection, sign-out."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from backend.auth import tokens
from backend.auth.identifiers import looks_like_email, normalize_phone
from backend.auth.passwords import hash_password_async, needs_rehash, verify_password_async
from backend.models.identity import AccountKind, RefreshToken, Role, Session, User, UserRole
from backend.models.otp import OtpChannel, OtpPurpose
from backend.runtime import Runtime
from backend.services import history, otp, throttle
from backend.errors import DomainError
from backend.services.notifications import NotificationKind, notify
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic


@dataclass(frozen=True)
class AuthResult:
    user: User
    session: Session
    access_token: str
    access_expires_at: dt.datetime
    refresh_token: str
    refresh_expires_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def _issue_pair(rt: Runtime, user: User, session: Session) -> AuthResult:
    refresh_expires = _now() + dt.timedelta(seconds=rt.settings.refresh_ttl_seconds)
    row = await RefreshToken.create(session=session, expires_at=refresh_expires)
    access, access_expires = tokens.issue_access(rt.settings, user.id, session.id)
    refresh = tokens.issue_refresh(rt.settings, user.id, session.id, row.id, refresh_expires)
    return AuthResult(user, session, access, access_expires, refresh, refresh_expires)


async def open_session(rt: Runtime, user: User, method: str, req: RequestInfo, *, announce: bool = True) -> AuthResult:
    """Must run inside `atomic()`."""
    session = await Session.create(
        user=user, method=method, ip=req.ip, user_agent=req.user_agent[:300], last_seen_at=_now()
    )
    await history.record("session", session.id, "signed_in", actor_id=user.id, ip=req.ip, method=method)
    if announce:
        await notify(rt, user.id, NotificationKind.NEW_SIGN_IN, method=method, ip=req.ip, userAgent=req.user_agent[:120])
    return await _issue_pair(rt, user, session)


async def login_with_password(rt: Runtime, login: str, password: str, req: RequestInfo) -> AuthResult:
    login = (login or "").strip()
    if not login or len(login) > 254:
        raise DomainError("INVALID_CREDENTIALS", field="login")
    # Keyed by the login as typed, not by the account: a shared counter for an account's IIN and
    # email would tell a guesser that the two belong together.
    attempt = await throttle.claim(rt.settings, "password", login.lower(), req.ip)
    user = None
    if looks_like_email(login):
        user = await User.filter(email=login.lower(), is_active=True).first()
    elif len(login) == 12 and login.isascii() and login.isdigit():
        user = await User.filter(iin_bin=login, is_active=True).first()
    if not await verify_password_async(user.password_hash if user else None, password or ""):
        raise DomainError("INVALID_CREDENTIALS")
    await throttle.succeeded(attempt)
    assert user is not None
    rehashed = await hash_password_async(password) if needs_rehash(user.password_hash or "") else None
    async with atomic():
        if rehashed:
            user.password_hash = rehashed
            await user.save(update_fields=["password_hash"])
        return await open_session(rt, user, "password", req)


async def start_phone_login(
    rt: Runtime, phone: str, channel: OtpChannel, agreement_accepted: bool, req: RequestInfo
):
    if not agreement_accepted:
        raise DomainError("AGREEMENT_REQUIRED", field="acceptAgreement")
    if channel not in (OtpChannel.SMS, OtpChannel.CALL):
        raise DomainError("INVALID_CHANNEL", field="channel")
    phone = normalize_phone(phone)
    await throttle.check(rt.settings, "phone", phone, req.ip)
    return await otp.issue(rt, OtpPurpose.PHONE_LOGIN, phone, channel, req)


async def complete_phone_login(rt: Runtime, phone: str, code: str, req: RequestInfo) -> AuthResult:
    phone = normalize_phone(phone)
    attempt = await throttle.claim(rt.settings, "phone", phone, req.ip)
    row = await otp.latest(OtpPurpose.PHONE_LOGIN, phone)
    await otp.check(rt, row, code, consume=True)
    await throttle.succeeded(attempt)
    async with atomic():
        user = await User.get_or_none(phone=phone)
        if user is None:
            user = await User.create(kind=AccountKind.PERSON, phone=phone, locale=req.locale)
            await history.record("user", user.id, "registered", actor_id=user.id, ip=req.ip, method="phone")
        elif not user.is_active:
            raise DomainError("INVALID_CREDENTIALS")
        # Seed 004: signing in by phone is the door to the resident cabinet.
        await UserRole.get_or_create(user=user, role=Role.RESIDENT)
        return await open_session(rt, user, "phone", req)


async def refresh(rt: Runtime, token: str, req: RequestInfo) -> AuthResult:
    try:
        claims = tokens.decode_refresh(rt.settings, token)
    except tokens.TokenError as exc:
        raise DomainError(exc.code) from None
    row = await RefreshToken.get_or_none(id=claims.token_id).prefetch_related("session__user")
    if row is None or row.session_id != claims.session_id:
        raise DomainError("INVALID_TOKEN")
    session = row.session
    if session.revoked_at is not None or not session.user.is_active:
        raise DomainError("SESSION_REVOKED")
    if row.used_at is not None:
        await revoke_session(session.id, "refresh_reuse", req)
        raise DomainError("REFRESH_TOKEN_REUSED")
    if row.expires_at <= _now():
        raise DomainError("TOKEN_EXPIRED")
    async with atomic():
        taken = await RefreshToken.filter(id=row.id, used_at__isnull=True).update(used_at=_now())
        if not taken:
            raise DomainError("REFRESH_TOKEN_REUSED")
        await Session.filter(id=session.id).update(last_seen_at=_now())
        return await _issue_pair(rt, session.user, session)


async def revoke_session(session_id: uuid.UUID, reason: str, req: RequestInfo) -> int:
    async with atomic():
        count = await Session.filter(id=session_id, revoked_at__isnull=True).update(
            revoked_at=_now(), revoked_reason=reason
        )
        if count:
            await history.record("session", session_id, "revoked", actor_id=req.user_id, ip=req.ip, reason=reason)
    return count


async def revoke_user_sessions(user_id: uuid.UUID, reason: str, req: RequestInfo, keep: uuid.UUID | None = None) -> int:
    """Must run inside `atomic()`."""
    query = Session.filter(user_id=user_id, revoked_at__isnull=True)
    if keep is not None:
        query = query.exclude(id=keep)
    ids = await query.values_list("id", flat=True)
    if ids:
        await Session.filter(id__in=ids).update(revoked_at=_now(), revoked_reason=reason)
        await history.record("user", user_id, "sessions_revoked", actor_id=req.user_id, ip=req.ip, reason=reason, count=len(ids))
    return len(ids)


async def logout(rt: Runtime, req: RequestInfo, everywhere: bool) -> int:
    if req.session_id is None or req.user_id is None:
        return 0
    if everywhere:
        async with atomic():
            return await revoke_user_sessions(req.user_id, "logout_everywhere", req)
    return await revoke_session(req.session_id, "logout", req)


async def active_sessions(user_id: uuid.UUID) -> list[Session]:
    return await Session.filter(user_id=user_id, revoked_at__isnull=True).order_by("-created_at")


async def revoke_own_session(user_id: uuid.UUID, session_id: uuid.UUID, req: RequestInfo) -> None:
    if not await Session.filter(id=session_id, user_id=user_id, revoked_at__isnull=True).exists():
        raise DomainError("NOT_FOUND", field="sessionId")
    await revoke_session(session_id, "revoked_by_user", req)


@dataclass(frozen=True)
class Viewer:
    """The authenticated caller of one request or WebSocket connection."""

    user: User
    session_id: uuid.UUID
    roles: frozenset[Role]

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))


_VIEWER_SQL: dict[str, str] = {}


def _viewer_sql(dialect: str) -> str | None:
    """The live session's user and roles in one statement, written once per dialect.

    Every authenticated request runs it, so it is not built by the ORM each time: with
    `select_related` plus a second query for the roles, building the SQL cost more CPU than the
    database spent answering it (bench/me_query.py). A revoked session, a deactivated or deleted
    user gives no row, so nothing about the viewer is cached between requests."""
    if dialect not in _VIEWER_SQL:
        if dialect == "sqlite":
            mark = ["?", "?", "?"]
        elif dialect == "postgres":
            mark = ["$1", "$2", "$3"]
        else:
            return None
        u, s, r = User._meta, Session._meta, UserRole._meta
        columns = ", ".join(f'u."{c}" AS "{c}"' for c in u.db_fields)
        _VIEWER_SQL[dialect] = (
            f'SELECT {columns}, r."{r.fields_db_projection["role"]}" AS "_role" '
            f'FROM "{s.db_table}" s JOIN "{u.db_table}" u ON u."id" = s."user_id" '
            f'LEFT JOIN "{r.db_table}" r ON r."user_id" = u."id" '
            f'WHERE s."id" = {mark[0]} AND s."user_id" = {mark[1]} AND s."revoked_at" IS NULL '
            f'AND u."is_active" = {mark[2]}'
        )
    return _VIEWER_SQL[dialect]


async def authenticate(rt: Runtime, access_token: str) -> Viewer:
    """Accepts a valid access token of a live session; raises TokenError otherwise."""
    claims = tokens.verify_access(rt.settings, access_token)
    db = User._meta.db
    sql = _viewer_sql(db.capabilities.dialect)
    if sql is None:
        session = await Session.get_or_none(id=claims.session_id, user_id=claims.user_id).select_related("user")
        if session is None or session.revoked_at is not None or not session.user.is_active:
            raise tokens.TokenError("SESSION_REVOKED")
        roles = await UserRole.filter(user_id=claims.user_id).values_list("role", flat=True)
        return Viewer(user=session.user, session_id=session.id, roles=frozenset(Role(r) for r in roles))
    rows = await db.execute_query_dict(sql, [str(claims.session_id), str(claims.user_id), True])
    if not rows:
        raise tokens.TokenError("SESSION_REVOKED")
    roles = frozenset(Role(row["_role"]) for row in rows if row["_role"] is not None)
    user_row = rows[0]
    del user_row["_role"]
    return Viewer(user=User._init_from_db(**user_row), session_id=claims.session_id, roles=roles)


async def session_alive(session_id: uuid.UUID) -> bool:
    return await Session.filter(id=session_id, revoked_at__isnull=True).exists()
