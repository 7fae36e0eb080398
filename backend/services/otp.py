"""Issuing and checking one-time codes: expiry, single use, attempt limits and send-rate limits."""

from __future__ import annotations

import datetime as dt
import logging
import math
import secrets
import uuid
from typing import Any

from tortoise.expressions import F, Q

from backend import i18n
from backend.adapters.messaging import MessagingError
from backend.auth.codes import code_hash, codes_equal, new_code
from backend.models.otp import OneTimeCode, OtpChannel, OtpPurpose
from backend.runtime import Runtime
from backend.errors import DomainError
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

log = logging.getLogger(__name__)

CODE_LENGTH = {
    OtpPurpose.REGISTRATION: 6,
    OtpPurpose.PHONE_LOGIN: 4,  # seed 004: a four-digit code by SMS or call
    OtpPurpose.PHONE_CHANGE: 6,
    OtpPurpose.EMAIL_CHANGE: 6,
    OtpPurpose.QUEUE_SIGNING: 6,
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _retry_after(moment: dt.datetime) -> int:
    return max(1, math.ceil((moment - _now()).total_seconds()))


async def _enforce_send_limits(rt: Runtime, target: str, ip: str) -> None:
    s = rt.settings
    now = _now()
    window_start = now - dt.timedelta(hours=1)
    scopes = [(Q(target=target), s.otp_resend_interval_seconds, s.otp_max_per_hour)]
    if ip:
        scopes.append((Q(ip=ip), s.otp_ip_resend_interval_seconds, s.otp_ip_max_per_hour))
    for scope, interval, per_hour in scopes:
        recent = await OneTimeCode.filter(scope, created_at__gte=window_start).order_by("-created_at").values_list(
            "created_at", flat=True
        )
        if recent and recent[0] > now - dt.timedelta(seconds=interval):
            raise DomainError(
                "OTP_RESEND_TOO_SOON", retryAfterSeconds=_retry_after(recent[0] + dt.timedelta(seconds=interval))
            )
        if len(recent) >= per_hour:
            raise DomainError(
                "OTP_RATE_LIMITED", retryAfterSeconds=_retry_after(recent[-1] + dt.timedelta(hours=1))
            )


def _message(purpose: OtpPurpose, channel: OtpChannel, code: str, locale: str) -> tuple[str, str]:
    key = f"otp.{purpose.value}"
    if channel is OtpChannel.CALL:
        return "", i18n.text(f"{key}.call", locale, spaced=", ".join(code))
    if channel is OtpChannel.EMAIL:
        return i18n.text(f"{key}.subject", locale), i18n.text(key, locale, code=code)
    return "", i18n.text(key, locale, code=code)


async def _deliver(rt: Runtime, channel: OtpChannel, target: str, subject: str, body: str) -> None:
    """Raising here rolls the code back, so a message that never left costs no rate-limit slot."""
    try:
        if channel is OtpChannel.SMS:
            await rt.messenger.send_sms(target, body)
        elif channel is OtpChannel.CALL:
            await rt.messenger.call(target, body)
        else:
            await rt.messenger.send_email(target, subject, body)
    except MessagingError:
        log.exception("could not send a %s code to %s", channel.value, target[:5])
        raise DomainError("MESSAGE_NOT_SENT") from None


async def issue(
    rt: Runtime,
    purpose: OtpPurpose,
    target: str,
    channel: OtpChannel,
    req: RequestInfo,
    *,
    user_id: uuid.UUID | None = None,
    payload: dict[str, Any] | None = None,
    decoy_message: tuple[str, str] | None = None,
) -> OneTimeCode:
    """Sends a new code. A code issued again for the same purpose and target inherits the
    attempts of the one it replaces, so resending never buys extra guesses.

    With `decoy_message` (subject, body) the person gets that text instead of a code and the
    stored hash matches nothing: the caller sees the same answer as for a real code, so the
    API never tells whether an account exists.
    """
    async with atomic():
        await _enforce_send_limits(rt, target, req.ip)
        now = _now()
        previous = await OneTimeCode.filter(
            purpose=purpose, target=target, consumed_at__isnull=True, voided_at__isnull=True, expires_at__gt=now
        ).order_by("-created_at").first()
        inherited = 0
        if previous:
            inherited = previous.attempts
            await OneTimeCode.filter(id=previous.id).update(voided_at=now)
        code = new_code(CODE_LENGTH[purpose])
        stored = code_hash(rt.settings.secret_key, purpose.value, target, code)
        if decoy_message is not None:
            stored = code_hash(rt.settings.secret_key, "decoy", target, secrets.token_hex(16))
        row = await OneTimeCode.create(
            purpose=purpose,
            target=target,
            channel=channel,
            code_hash=stored,
            attempts=inherited,
            ip=req.ip,
            user_id=user_id,
            payload=payload or {},
            expires_at=now + dt.timedelta(seconds=rt.settings.otp_ttl_seconds),
        )
        if decoy_message is not None:
            subject, body = decoy_message
        else:
            subject, body = _message(purpose, channel, code, req.locale)
        await _deliver(rt, channel, target, subject, body)
    return row


async def latest(purpose: OtpPurpose, target: str, user_id: uuid.UUID | None = None) -> OneTimeCode | None:
    query = OneTimeCode.filter(purpose=purpose, target=target)
    if user_id is not None:
        query = query.filter(user_id=user_id)
    return await query.order_by("-created_at").first()


async def check(rt: Runtime, row: OneTimeCode | None, code: str, *, consume: bool) -> OneTimeCode:
    """Checks a code against its row. Every wrong try is committed before the error is raised,
    so callers must not wrap this in a transaction of their own."""
    s = rt.settings
    if row is None or row.consumed_at is not None:
        raise DomainError("OTP_INVALID", field="code")
    if row.voided_at is not None:
        code_name = "OTP_ATTEMPTS_EXCEEDED" if row.attempts >= s.otp_max_attempts else "OTP_INVALID"
        raise DomainError(code_name, field="code")
    if row.expires_at <= _now():
        raise DomainError("OTP_EXPIRED", field="code")
    code = (code or "").strip()
    if codes_equal(row.code_hash, s.secret_key, row.purpose.value, row.target, code):
        if consume:
            taken = await OneTimeCode.filter(id=row.id, consumed_at__isnull=True, voided_at__isnull=True).update(
                consumed_at=_now()
            )
            if not taken:
                raise DomainError("OTP_INVALID", field="code")
        elif row.verified_at is None:
            await OneTimeCode.filter(id=row.id).update(verified_at=_now())
        return await OneTimeCode.get(id=row.id)
    await OneTimeCode.filter(id=row.id).update(attempts=F("attempts") + 1)
    row = await OneTimeCode.get(id=row.id)
    if row.attempts >= s.otp_max_attempts:
        await OneTimeCode.filter(id=row.id).update(voided_at=_now())
        raise DomainError("OTP_ATTEMPTS_EXCEEDED", field="code")
    raise DomainError("OTP_INVALID", field="code", attemptsLeft=s.otp_max_attempts - row.attempts)


def resend_available_at(rt: Runtime, row: OneTimeCode) -> dt.datetime:
    return row.created_at + dt.timedelta(seconds=rt.settings.otp_resend_interval_seconds)
