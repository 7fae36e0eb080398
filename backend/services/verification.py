"""Checking a signed document (seed 001 names eZsigner; this is the portal's own): a PDF with its
PAdES signatures, or any file with its detached CMS — who signed, when, with which certificate,
and whether the content is unchanged."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from backend.adapters.pdf_signing import verify_file, verify_pdf
from backend.pki.certinfo import SignerInfo
from backend.runtime import Runtime
from backend.errors import DomainError

MAX_INLINE_BYTES = 20 * 1024 * 1024
VERIFICATIONS_PER_MINUTE = 30


@dataclass(frozen=True)
class VerifiedSignature:
    signer: SignerInfo | None
    signing_time: object
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    covers_whole_document: bool
    problem: str | None


@dataclass(frozen=True)
class Verification:
    kind: str  # pdf | detached
    sha256: str
    size: int
    signatures: list[VerifiedSignature]


def decode(value: str, field: str, limit: int) -> bytes:
    """Standard or URL-safe base64, or PEM for a CMS."""
    text = value.strip()
    if text.startswith("-----BEGIN"):
        text = "".join(line for line in text.splitlines() if line and not line.startswith("-----"))
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_" if "-" in text or "_" in text else None, validate=True)
    except (binascii.Error, ValueError):
        raise DomainError("INVALID_BASE64", field=field) from None
    if not data:
        raise DomainError("REQUIRED", field=field)
    if len(data) > limit:
        raise DomainError("FILE_TOO_LARGE", field=field, max=limit)
    return data


async def verify(rt: Runtime, content: bytes, cms: bytes | None, ip: str) -> Verification:
    wait = await rt.rate_limiter.hit(f"verify:{ip}", VERIFICATIONS_PER_MINUTE)
    if wait:
        raise DomainError("RATE_LIMITED", retryAfterSeconds=wait)
    digest = hashlib.sha256(content).hexdigest()
    if cms is None:
        if not content.startswith(b"%PDF-"):
            raise DomainError("NOT_A_PDF", field="file")
        checks = await verify_pdf(rt.signatures, content)
        if not checks:
            raise DomainError("NO_SIGNATURES", field="file")
        signatures = [
            VerifiedSignature(c.signer, c.timestamp_time or c.signing_time, c.intact, c.valid, c.trusted, c.revoked,
                              c.covers_whole_document, c.problem)
            for c in checks
        ]
        return Verification("pdf", digest, len(content), signatures)
    checks = await verify_file(rt.signatures, content, cms)
    signatures = [
        VerifiedSignature(c.signer, c.signer.signing_time if c.signer else None, c.code not in ("SIGNATURE_INVALID",),
                          c.valid, c.valid, c.code == "CERT_REVOKED", True, c.code)
        for c in checks
    ]
    return Verification("detached", digest, len(content), signatures)
