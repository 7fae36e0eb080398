"""Equity-holder registration (seed 000): details and contract → SMS code → password → account."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from backend import i18n
from backend.auth.identifiers import IdentifierKind, classify_iin_bin, normalize_email, normalize_phone
from backend.auth.passwords import check_password, hash_password_async
from backend.models.identity import AccountKind, Role, User, UserRole
from backend.models.otp import OneTimeCode, OtpChannel, OtpPurpose
from backend.runtime import Runtime
from backend.services import history, otp
from backend.services.contracts import find_held_contract
from backend.errors import DomainError, DomainErrors
from backend.services.notifications import NotificationKind, notify
from backend.services.request_info import RequestInfo
from backend.services.sessions import AuthResult, open_session
from backend.services.tx import atomic

VERIFIED_WINDOW = dt.timedelta(minutes=15)
MAX_CONTRACT_NUMBER = 64


@dataclass(frozen=True)
class RegistrationDetails:
    iin_bin: str
    email: str
    contract_number: str
    contract_date: dt.date | None
    phone: str


def _collect(details: RegistrationDetails) -> tuple[str, str, str, IdentifierKind]:
    errors: list[DomainError] = []
    iin_bin = email = phone = ""
    kind = IdentifierKind.PERSON
    try:
        kind = classify_iin_bin(details.iin_bin)
        iin_bin = details.iin_bin.strip()
    except DomainError as exc:
        errors.append(exc)
    for normalize, raw, field in ((normalize_email, details.email, "email"), (normalize_phone, details.phone, "phone")):
        try:
            value = normalize(raw, field)
            if field == "email":
                email = value
            else:
                phone = value
        except DomainError as exc:
            errors.append(exc)
    number = (details.contract_number or "").strip()
    if not number:
        errors.append(DomainError("REQUIRED", field="contractNumber"))
    elif len(number) > MAX_CONTRACT_NUMBER:
        errors.append(DomainError("TOO_LONG", field="contractNumber", max=MAX_CONTRACT_NUMBER))
    if details.contract_date is None:
        errors.append(DomainError("REQUIRED", field="contractDate"))
    elif details.contract_date > dt.date.today():
        errors.append(DomainError("DATE_IN_FUTURE", field="contractDate"))
    if errors:
        raise DomainErrors(errors)
    return iin_bin, email, phone, kind


async def start(rt: Runtime, details: RegistrationDetails, req: RequestInfo) -> OneTimeCode:
    iin_bin, email, phone, kind = _collect(details)
    assert details.contract_date is not None
    contract = await find_held_contract(iin_bin, details.contract_number, details.contract_date)
    if contract is None:
        raise DomainError("CONTRACT_NOT_FOUND", field="contractNumber")
    existing = await User.filter(Q(iin_bin=iin_bin) | Q(email=email) | Q(phone=phone)).exists()
    payload = {
        "iinBin": iin_bin,
        "email": email,
        "phone": phone,
        "kind": kind.value,
        "contractId": str(contract.id),
        "fullName": contract.holder_name,
        "locale": req.locale,
    }
    decoy = ("", i18n.text("registration.exists", req.locale)) if existing else None
    return await otp.issue(
        rt, OtpPurpose.REGISTRATION, phone, OtpChannel.SMS, req, payload=payload, decoy_message=decoy
    )


async def _registration(registration_id: object) -> OneTimeCode:
    try:
        key = uuid.UUID(str(registration_id))
    except ValueError:
        raise DomainError("REGISTRATION_NOT_FOUND", field="registrationId") from None
    row = await OneTimeCode.get_or_none(id=key, purpose=OtpPurpose.REGISTRATION)
    if row is None:
        raise DomainError("REGISTRATION_NOT_FOUND", field="registrationId")
    return row


async def resend(rt: Runtime, registration_id: object, req: RequestInfo) -> OneTimeCode:
    row = await _registration(registration_id)
    if row.consumed_at is not None:
        raise DomainError("REGISTRATION_NOT_FOUND", field="registrationId")
    payload = dict(row.payload)
    existing = await User.filter(
        Q(iin_bin=payload["iinBin"]) | Q(email=payload["email"]) | Q(phone=payload["phone"])
    ).exists()
    decoy = ("", i18n.text("registration.exists", req.locale)) if existing else None
    return await otp.issue(
        rt, OtpPurpose.REGISTRATION, row.target, OtpChannel.SMS, req, payload=payload, decoy_message=decoy
    )


async def verify(rt: Runtime, registration_id: object, code: str) -> OneTimeCode:
    row = await _registration(registration_id)
    return await otp.check(rt, row, code, consume=False)


async def complete(
    rt: Runtime, registration_id: object, password: str, confirmation: str, req: RequestInfo
) -> AuthResult:
    row = await _registration(registration_id)
    now = dt.datetime.now(dt.timezone.utc)
    if row.verified_at is None or row.consumed_at is not None or row.voided_at is not None:
        raise DomainError("REGISTRATION_NOT_VERIFIED", field="registrationId")
    if row.verified_at + VERIFIED_WINDOW < now:
        raise DomainError("REGISTRATION_EXPIRED", field="registrationId")
    data = row.payload
    personal = (data["iinBin"], data["phone"].lstrip("+"), data["email"].split("@")[0])
    broken = check_password(password, confirmation, personal)
    if broken:
        raise DomainErrors([DomainError(code, field="password") for code in broken])
    password_hash = await hash_password_async(password)
    kind = AccountKind(data["kind"])
    role = Role.CITIZEN if kind is AccountKind.PERSON else Role.LEGAL_ENTITY
    try:
        async with atomic():
            taken = await OneTimeCode.filter(id=row.id, consumed_at__isnull=True).update(consumed_at=now)
            if not taken:
                raise DomainError("REGISTRATION_NOT_VERIFIED", field="registrationId")
            user = await User.create(
                kind=kind,
                iin_bin=data["iinBin"],
                email=data["email"],
                phone=data["phone"],
                full_name=data.get("fullName", ""),
                password_hash=password_hash,
                password_changed_at=now,
                locale=data.get("locale") or req.locale,
            )
            await UserRole.create(user=user, role=role)
            await history.record("user", user.id, "registered", actor_id=user.id, ip=req.ip, contractId=data["contractId"])
            await notify(rt, user.id, NotificationKind.WELCOME)
            return await open_session(rt, user, "registration", req, announce=False)
    except IntegrityError:
        # Someone registered the same IIN, email or phone a moment ago.
        raise DomainError("REGISTRATION_NOT_VERIFIED", field="registrationId") from None
