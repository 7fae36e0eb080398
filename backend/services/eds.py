"""Sign-in with an electronic signature (EDS): the server's one-time challenge, signed with an AUTH key.

The client asks for a challenge, signs its bytes as a detached CMS with the AUTH certificate of its
key pair (NCALayer, eGov mobile, or the SPA with the PKCS#12 file that never leaves the browser), and
sends the CMS back. A challenge lives two minutes and is burnt by the first attempt, good or bad.

Which account opens (the rule):
- a person's certificate (SERIALNUMBER=IIN…, no BIN) opens the person account with that IIN;
- a company employee's certificate (OU=BIN…) opens the company account with that BIN — the legal
  entity's cabinet — and, when the portal has no such company account, the person account with the
  employee's IIN (staff such as KZhK operators hold personal accounts).
Certificate problems the holder can act on keep their own code (CERT_EXPIRED, KEY_USAGE_INVALID…);
a bad signature and a certificate of nobody known both answer EDS_LOGIN_FAILED, so the answer never
tells whether an account exists.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

from backend.models.identity import AccountKind, User
from backend.models.signatures import EdsChallenge
from backend.pki.errors import CMS_MALFORMED, SIGNATURE_INVALID, SIGNER_MISMATCH, SignatureError
from backend.runtime import Runtime
from backend.services import history
from backend.errors import DomainError
from backend.services.request_info import RequestInfo
from backend.services.sessions import AuthResult, open_session
from backend.services.tx import atomic

LOGIN_FAILED = "EDS_LOGIN_FAILED"
CHALLENGE_PREFIX = b"shanyraq:eds-login:"
CHALLENGES_PER_MINUTE = 20  # per IP: each challenge is a row, and nobody signs in twenty times a minute
_HIDDEN = {SIGNATURE_INVALID, CMS_MALFORMED, SIGNER_MISMATCH}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def challenge_bytes(challenge: EdsChallenge) -> bytes:
    """Exactly what the client signs. The prefix keeps a sign-in signature from passing for any other
    signed statement, and the other way round."""
    return CHALLENGE_PREFIX + challenge.nonce.encode("ascii")


async def issue_challenge(rt: Runtime, req: RequestInfo) -> EdsChallenge:
    wait = await rt.rate_limiter.hit(f"eds-challenge:{req.ip}", CHALLENGES_PER_MINUTE, 60)
    if wait:
        raise DomainError("RATE_LIMITED", retryAfterSeconds=wait)
    now = _now()
    async with atomic():
        # Spent and stale challenges mean nothing to anyone; clearing them here needs no job.
        await EdsChallenge.filter(expires_at__lt=now - dt.timedelta(hours=1)).delete()
        return await EdsChallenge.create(
            nonce=secrets.token_hex(32),
            expires_at=now + dt.timedelta(seconds=rt.settings.eds_challenge_ttl_seconds),
            ip=req.ip[:64],
        )


async def _take_challenge(challenge_id: str) -> EdsChallenge:
    try:
        key = uuid.UUID(str(challenge_id))
    except ValueError:
        raise DomainError("CHALLENGE_NOT_FOUND", field="challengeId") from None
    row = await EdsChallenge.get_or_none(id=key)
    if row is None:
        raise DomainError("CHALLENGE_NOT_FOUND", field="challengeId")
    if row.used_at is not None:
        raise DomainError("CHALLENGE_USED", field="challengeId")
    now = _now()
    if row.expires_at <= now:
        raise DomainError("CHALLENGE_EXPIRED", field="challengeId")
    # First attempt burns it, whatever the outcome: a challenge is never signed twice.
    if not await EdsChallenge.filter(id=row.id, used_at__isnull=True).update(used_at=now):
        raise DomainError("CHALLENGE_USED", field="challengeId")
    return row


async def account_for(iin: str | None, bin_: str | None) -> User | None:
    """The account a certificate opens, under the rule in this module's docstring."""
    if bin_:
        company = await User.get_or_none(iin_bin=bin_, kind=AccountKind.COMPANY, is_active=True)
        if company is not None:
            return company
    if iin:
        return await User.get_or_none(iin_bin=iin, kind=AccountKind.PERSON, is_active=True)
    return None


async def login(rt: Runtime, challenge_id: str, cms: bytes, req: RequestInfo) -> AuthResult:
    challenge = await _take_challenge(challenge_id)
    try:
        signer = await rt.signatures.verify_detached(challenge_bytes(challenge), cms, purpose="auth")
    except SignatureError as exc:
        if exc.code in _HIDDEN:
            raise DomainError(LOGIN_FAILED, field="cms") from None
        raise DomainError(exc.code, field="cms", message=exc.detail or None, **exc.params) from None
    user = await account_for(signer.iin, signer.bin)
    if user is None:
        raise DomainError(LOGIN_FAILED, field="cms")
    async with atomic():
        result = await open_session(rt, user, "eds", req)
        await history.record(
            "session", result.session.id, "eds_certificate", actor_id=user.id, ip=req.ip,
            challengeId=str(challenge.id), serial=signer.serial, issuer=signer.issuer, iin=signer.iin, bin=signer.bin,
        )
        return result
