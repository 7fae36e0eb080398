"""The profile: name and language, email and phone changes confirmed by code, password change."""

from __future__ import annotations

import datetime as dt

from tortoise.exceptions import IntegrityError

from backend import i18n
from backend.auth.identifiers import normalize_email, normalize_phone
from backend.auth.passwords import check_password, hash_password_async, verify_password_async
from backend.models.identity import User
from backend.models.otp import OneTimeCode, OtpChannel, OtpPurpose
from backend.runtime import Runtime
from backend.services import history, otp, throttle
from backend.errors import DomainError, DomainErrors
from backend.services.notifications import NotificationKind, notify
from backend.services.request_info import RequestInfo
from backend.services.sessions import revoke_user_sessions
from backend.services.tx import atomic

MAX_NAME = User._meta.fields_map["full_name"].max_length


async def update(user: User, full_name: str | None, locale: str | None, req: RequestInfo) -> User:
    changes: dict[str, str] = {}
    if full_name is not None:
        name = " ".join(full_name.split())
        if not name:
            raise DomainError("REQUIRED", field="fullName")
        if len(name) > MAX_NAME:
            raise DomainError("TOO_LONG", field="fullName", max=MAX_NAME)
        changes["full_name"] = name
    if locale is not None:
        if locale not in i18n.LOCALES:
            raise DomainError("INVALID_LOCALE", field="locale")
        changes["locale"] = locale
    if changes:
        async with atomic():
            await User.filter(id=user.id).update(**changes)
            await history.record("user", user.id, "profile_updated", actor_id=req.user_id, ip=req.ip, fields=sorted(changes))
    return await User.get(id=user.id)


async def start_email_change(rt: Runtime, user: User, email: str, req: RequestInfo) -> OneTimeCode:
    email = normalize_email(email)
    if email == user.email:
        raise DomainError("UNCHANGED", field="email")
    taken = await User.filter(email=email).exclude(id=user.id).exists()
    decoy = (i18n.text("email.in_use.subject", req.locale), i18n.text("email.in_use", req.locale)) if taken else None
    return await otp.issue(rt, OtpPurpose.EMAIL_CHANGE, email, OtpChannel.EMAIL, req, user_id=user.id, decoy_message=decoy)


async def start_phone_change(rt: Runtime, user: User, phone: str, channel: OtpChannel, req: RequestInfo) -> OneTimeCode:
    phone = normalize_phone(phone)
    if channel not in (OtpChannel.SMS, OtpChannel.CALL):
        raise DomainError("INVALID_CHANNEL", field="channel")
    if phone == user.phone:
        raise DomainError("UNCHANGED", field="phone")
    taken = await User.filter(phone=phone).exclude(id=user.id).exists()
    decoy = ("", i18n.text("registration.exists", req.locale)) if taken else None
    return await otp.issue(rt, OtpPurpose.PHONE_CHANGE, phone, channel, req, user_id=user.id, decoy_message=decoy)


async def _confirm_change(
    rt: Runtime, user: User, purpose: OtpPurpose, field: str, value: str, code: str, req: RequestInfo
) -> User:
    row = await otp.latest(purpose, value, user_id=user.id)
    await otp.check(rt, row, code, consume=True)
    kind = NotificationKind.EMAIL_CHANGED if field == "email" else NotificationKind.PHONE_CHANGED
    try:
        async with atomic():
            await User.filter(id=user.id).update(**{field: value})
            await history.record("user", user.id, f"{field}_changed", actor_id=req.user_id, ip=req.ip, old=getattr(user, field), new=value)
            await notify(rt, user.id, kind)
    except IntegrityError:
        raise DomainError("OTP_INVALID", field="code") from None
    return await User.get(id=user.id)


async def confirm_email_change(rt: Runtime, user: User, email: str, code: str, req: RequestInfo) -> User:
    return await _confirm_change(rt, user, OtpPurpose.EMAIL_CHANGE, "email", normalize_email(email), code, req)


async def confirm_phone_change(rt: Runtime, user: User, phone: str, code: str, req: RequestInfo) -> User:
    return await _confirm_change(rt, user, OtpPurpose.PHONE_CHANGE, "phone", normalize_phone(phone), code, req)


async def change_password(
    rt: Runtime, user: User, current: str | None, new: str, confirmation: str, req: RequestInfo
) -> User:
    attempt = await throttle.claim(rt.settings, "password-change", str(user.id), req.ip)
    if user.password_hash and not await verify_password_async(user.password_hash, current or ""):
        raise DomainError("INVALID_CREDENTIALS", field="currentPassword")
    await throttle.succeeded(attempt)
    personal = tuple(x for x in (user.iin_bin, (user.phone or "").lstrip("+"), (user.email or "").split("@")[0]) if x)
    broken = check_password(new, confirmation, personal)
    if broken:
        raise DomainErrors([DomainError(code, field="newPassword") for code in broken])
    new_hash = await hash_password_async(new)
    async with atomic():
        await User.filter(id=user.id).update(password_hash=new_hash, password_changed_at=dt.datetime.now(dt.timezone.utc))
        await history.record("user", user.id, "password_changed", actor_id=req.user_id, ip=req.ip)
        await revoke_user_sessions(user.id, "password_changed", req, keep=req.session_id)
        await notify(rt, user.id, NotificationKind.PASSWORD_CHANGED)
    return await User.get(id=user.id)
