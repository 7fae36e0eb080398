"""Which certificate may do what: the NCA issues every holder two keys, and they are not interchangeable.

- AUTH (sign-in): keyUsage digitalSignature without nonRepudiation, extendedKeyUsage clientAuth.
- RSA/GOST (signing documents): keyUsage nonRepudiation; an extendedKeyUsage, if present, must not
  name clientAuth.
So a signing key cannot open a session, and an AUTH key cannot put a legally binding signature on an
application or agreement. A certificate without keyUsage, or with only keyEncipherment, does neither.
"""

from __future__ import annotations

from typing import Literal

from asn1crypto import x509

from backend.pki.certinfo import EKU_CLIENT_AUTH
from backend.pki.errors import KEY_USAGE_INVALID, SignatureError

Purpose = Literal["sign", "auth"]
PURPOSES = ("sign", "auth")


def key_purpose(cert: x509.Certificate) -> Purpose | None:
    """What the certificate is for under the rule above, or None when it is for neither."""
    usage = cert.key_usage_value
    bits = set(usage.native) if usage is not None else set()
    eku = cert.extended_key_usage_value
    purposes = {p.dotted for p in eku} if eku is not None else None
    if "non_repudiation" in bits:
        if purposes is not None and EKU_CLIENT_AUTH in purposes:
            return None
        return "sign"
    if "digital_signature" in bits and purposes is not None and EKU_CLIENT_AUTH in purposes:
        return "auth"
    return None


def require_purpose(cert: x509.Certificate, purpose: Purpose) -> None:
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}")
    actual = key_purpose(cert)
    if actual != purpose:
        hint = {"sign": "a signing (RSA) certificate is required", "auth": "an AUTH certificate is required"}
        raise SignatureError(KEY_USAGE_INVALID, hint[purpose], expected=purpose, actual=actual)
