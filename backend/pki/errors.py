"""The failures of signature verification, each with a stable code the API returns as is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backend.errors import DomainError

if TYPE_CHECKING:
    from backend.pki.certinfo import SignerInfo

CMS_MALFORMED = "CMS_MALFORMED"
SIGNATURE_INVALID = "SIGNATURE_INVALID"
CERT_UNTRUSTED = "CERT_UNTRUSTED"
CERT_EXPIRED = "CERT_EXPIRED"
CERT_NOT_YET_VALID = "CERT_NOT_YET_VALID"
CERT_REVOKED = "CERT_REVOKED"
CRL_UNAVAILABLE = "CRL_UNAVAILABLE"
KEY_USAGE_INVALID = "KEY_USAGE_INVALID"
UNSUPPORTED_ALGORITHM = "UNSUPPORTED_ALGORITHM"
SIGNER_MISMATCH = "SIGNER_MISMATCH"
# The external (GOST) verifier did not answer; nothing is known about the signature.
VERIFIER_UNAVAILABLE = "VERIFIER_UNAVAILABLE"

CODES = (
    CMS_MALFORMED, SIGNATURE_INVALID, CERT_UNTRUSTED, CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_REVOKED,
    CRL_UNAVAILABLE, KEY_USAGE_INVALID, UNSUPPORTED_ALGORITHM, SIGNER_MISMATCH, VERIFIER_UNAVAILABLE,
)


class SignatureError(DomainError):
    """A signature that is refused. `signer` holds what the certificate claims when it could be read,
    so that a verification report can still say whose signature failed (never trust it otherwise)."""

    def __init__(self, code: str, detail: str = "", *, signer: SignerInfo | None = None,
                 field: str | None = None, **params: Any):
        super().__init__(code, field=field, message=detail or None, **params)
        self.detail = detail
        self.signer = signer
