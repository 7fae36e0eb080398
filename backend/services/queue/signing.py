"""What a queue application's filer signs, and the two ways to sign it (SPEC §5.1): a detached CMS
by the filer's own certificate, or a one-time code sent to the filer's phone registered in the
mobile citizens' base. Either binds to the digest of the exact bytes below, so a signature or a code
given for other data signs nothing else."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any

from backend.adapters.signatures import SignatureError, SignerInfo, require_subject
from backend.auth.identifiers import normalize_phone
from backend.errors import DomainError
from backend.models.otp import OneTimeCode, OtpChannel, OtpPurpose
from backend.runtime import Runtime
from backend.services import otp
from backend.services.queue.access import Scope
from backend.services.request_info import RequestInfo

SCHEMA = "shanyraq.queue-application/1"
PURPOSE = "application"  # QueueSignature.purpose of the filer's signature
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def content(data: dict[str, Any], conclusion_sha256: str | None) -> bytes:
    """The exact bytes the filer signs: the application's data and the technical conclusion's
    SHA-256, as canonical JSON (sorted keys, UTF-8, no spaces)."""
    signed = {**data, "schema": SCHEMA, "technicalConclusionSha256": conclusion_sha256}
    return json.dumps(signed, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(signed: bytes) -> str:
    return hashlib.sha256(signed).hexdigest()


def kz_mobile(raw: str, field: str = "phone") -> str:
    """A Kazakhstan mobile number in E.164 (+7…), validated as the rest of the portal does."""
    phone = normalize_phone(raw, field)
    if not phone.startswith("+7"):
        raise DomainError("INVALID_PHONE", field=field)
    return phone


# EDS ---------------------------------------------------------------------------------------


async def verify_eds(rt: Runtime, signed: bytes, cms_b64: str | None, signer_iin: str) -> tuple[bytes, SignerInfo]:
    """The CMS and its verified signer; only the certificate of `signer_iin` signs (SIGNER_MISMATCH):
    the filer's for an application, the officer's for a hearing result."""
    if not cms_b64:
        raise DomainError("REQUIRED", field="cms")
    try:
        cms = base64.b64decode(cms_b64, validate=True)
    except (binascii.Error, ValueError):
        raise DomainError("CMS_MALFORMED", field="cms") from None
    try:
        signer = await rt.signatures.verify_detached(signed, cms, purpose="sign")
        require_subject(signer, iin=signer_iin)
    except SignatureError as exc:
        raise DomainError(exc.code, field="cms", **exc.params) from None
    return cms, signer


# SMS ---------------------------------------------------------------------------------------


def _digest_arg(value: str) -> str:
    value = (value or "").strip().lower()
    if not _DIGEST.match(value):
        raise DomainError("INVALID", field="digest")
    return value


async def request_code(rt: Runtime, scope: Scope, phone: str, signed_digest: str, req: RequestInfo) -> OneTimeCode:
    """Sends a code that signs the data of `signed_digest`, only to a phone the mobile citizens'
    base has for the filer."""
    scope.require_person()
    phone = kz_mobile(phone)
    signed_digest = _digest_arg(signed_digest)
    if not await rt.registry.phone_registered(scope.iin, phone):
        raise DomainError("PHONE_NOT_IN_MOBILE_BASE", field="phone")
    return await otp.issue(rt, OtpPurpose.QUEUE_SIGNING, phone, OtpChannel.SMS, req, user_id=scope.user_id,
                           payload={"digest": signed_digest})


async def check_code(rt: Runtime, scope: Scope, phone: str, signed_digest: str, code: str | None) -> None:
    """Consumes the filer's latest code to `phone` if it was issued for exactly this digest.
    Not inside a transaction: a wrong try must stay counted (services/otp.check)."""
    if not (code or "").strip():
        raise DomainError("REQUIRED", field="smsCode")
    row = await otp.latest(OtpPurpose.QUEUE_SIGNING, phone, scope.user_id)
    if row is not None and row.payload.get("digest") != signed_digest:
        # A code for other data (the form changed after it was sent) signs nothing here.
        raise DomainError("OTP_INVALID", field="smsCode", cause="other_data")
    try:
        await otp.check(rt, row, code or "", consume=True)
    except DomainError as exc:
        raise DomainError(exc.code, field="smsCode", **exc.params) from None
