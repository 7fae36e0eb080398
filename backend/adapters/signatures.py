"""Verifying electronic signatures (detached CMS) against the configured trust roots.

One interface, `SignatureVerifier.verify_detached`, answers "who signed exactly these bytes, for this
purpose, with a certificate that is valid now" or raises `SignatureError` with a stable code:

    CMS_MALFORMED          not a SignedData with one signer whose certificate it carries
    SIGNATURE_INVALID      the content, the signed attributes (messageDigest, contentType) or the
                           signature do not match
    UNSUPPORTED_ALGORITHM  a weak or unknown algorithm (SHA-1, RSA < 2048 bits), or GOST without
                           the external verifier
    CERT_UNTRUSTED         no path to a trust root
    CERT_EXPIRED / CERT_NOT_YET_VALID / CERT_REVOKED / CRL_UNAVAILABLE
    KEY_USAGE_INVALID      an AUTH certificate used to sign, a signing certificate used to sign in,
                           or a certificate for neither (see backend/pki/usage.py)
    VERIFIER_UNAVAILABLE   the external GOST verifier did not answer

RSA (PKCS#1 v1.5 and PSS) and ECDSA with SHA-256/384/512 are checked here. GOST 34.10 (the national
algorithm) goes to an external verifier speaking NCANode 3.x's `POST /cms/verify`; the embedded
default refuses it. Whether the signer is the expected person or company is a separate question:
`require_subject`.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import httpx
from asn1crypto import cms as acms, x509

from backend.pki import cms
from backend.pki.algorithms import is_gost
from backend.pki.certinfo import SignerInfo, describe, serial_hex
from backend.pki.cms import ContentDigest
from backend.pki.crls import CrlSource
from backend.pki.errors import (
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    CERT_REVOKED,
    CERT_UNTRUSTED,
    CMS_MALFORMED,
    SIGNATURE_INVALID,
    SIGNER_MISMATCH,
    UNSUPPORTED_ALGORITHM,
    VERIFIER_UNAVAILABLE,
    SignatureError,
)
from backend.pki.trust import TrustStore, load_certificates
from backend.pki.usage import Purpose, require_purpose
from backend.settings import Settings

__all__ = [
    "SignatureError", "SignerInfo", "ContentDigest", "Purpose", "SignatureVerifier", "CmsVerifier", "GostVerifier", "GostRefused",
    "GostExternalVerifier", "SignatureCheck", "require_subject", "has_signing_authority", "build_signature_verifier",
]

log = logging.getLogger(__name__)

# NCA key users who may sign for their company (the others, EMPLOYEE and HR, may only identify).
SIGNING_AUTHORITY = frozenset({"CEO", "CAN_SIGN", "CAN_SIGN_FINANCIAL"})


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one signer of a CMS, for reports that show failures too."""

    signer: SignerInfo | None  # what the certificate claims; verified only when `code` is None
    code: str | None
    detail: str = ""

    @property
    def valid(self) -> bool:
        return self.code is None


class SignatureVerifier(Protocol):
    @property
    def trust(self) -> TrustStore: ...

    async def verify_detached(
        self, content: bytes, cms: bytes, *, purpose: Purpose, at: dt.datetime | None = None
    ) -> SignerInfo: ...

    async def check_all(
        self, content: bytes | ContentDigest, cms: bytes, *, purpose: Purpose = "sign", at: dt.datetime | None = None
    ) -> list[SignatureCheck]: ...


class GostVerifier(Protocol):
    async def verify(
        self, content: bytes, cms_bytes: bytes, cert: x509.Certificate, claimed: SignerInfo, at: dt.datetime | None
    ) -> SignerInfo: ...


class GostRefused:
    """The embedded default: GOST signatures cannot be checked without the national crypto library."""

    async def verify(self, content, cms_bytes, cert, claimed, at) -> SignerInfo:
        raise SignatureError(UNSUPPORTED_ALGORITHM, "GOST signatures need the external verifier", signer=claimed)


class GostExternalVerifier:
    """An HTTP JSON client of a GOST-capable verifier with NCANode 3.x's `POST /cms/verify` contract.

    Request: `{"cms": base64, "data": base64, "revocationCheck": ["OCSP"]}`. Response:
    `{"status": 200, "valid": bool, "signers": [{"certificates": [{"valid", "serialNumber", "notBefore",
    "notAfter", "keyUsage", "signAlg", "revocations": [{"revoked"}], "subject": {...}}]}]}` with the
    signer's certificate first. The verifier judges the GOST signature, chain and revocation; the
    holder's identity and key usage are still read here from the certificate in the CMS.
    """

    def __init__(self, url: str, token: str = "", *, revocation_check: tuple[str, ...] = ("OCSP",),
                 transport: httpx.AsyncBaseTransport | None = None, timeout: float = 15.0):
        self.url = url
        self.token = token
        self.revocation_check = revocation_check
        self._transport = transport
        self._timeout = timeout

    async def verify(self, content, cms_bytes, cert, claimed, at) -> SignerInfo:
        body = {
            "cms": base64.b64encode(cms_bytes).decode(),
            "data": base64.b64encode(content).decode(),
            "revocationCheck": list(self.revocation_check),
        }
        headers = {"authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            async with httpx.AsyncClient(transport=self._transport, timeout=self._timeout) as http:
                response = await http.post(self.url, json=body, headers=headers)
            answer = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("GOST verifier %s unavailable: %s", self.url, exc)
            raise SignatureError(VERIFIER_UNAVAILABLE, "the GOST verifier did not answer", signer=claimed) from None
        if response.status_code >= 500 or not isinstance(answer, dict):
            raise SignatureError(VERIFIER_UNAVAILABLE, "the GOST verifier failed", signer=claimed)
        if response.status_code >= 400 or answer.get("status", 200) != 200:
            raise SignatureError(CMS_MALFORMED, str(answer.get("message") or "refused by the GOST verifier")[:200],
                                 signer=claimed)
        info = self._certificate(answer, serial_hex(cert))
        if info is None:
            raise SignatureError(SIGNATURE_INVALID, "the GOST verifier does not vouch for this signer", signer=claimed)
        if not (answer.get("valid") and info.get("valid")):
            raise SignatureError(self._problem(info, at), "refused by the GOST verifier", signer=claimed)
        return describe(cert, signing_time=claimed.signing_time, algorithm=str(info.get("signAlg") or "GOST"))

    @staticmethod
    def _certificate(answer: dict[str, Any], serial: str) -> dict[str, Any] | None:
        for signer in answer.get("signers") or []:
            certificates = signer.get("certificates") if isinstance(signer, dict) else None
            for item in certificates or ([signer] if isinstance(signer, dict) else []):
                if str(item.get("serialNumber", "")).lower().lstrip("0") == serial.lstrip("0"):
                    return item
        return None

    @staticmethod
    def _problem(info: dict[str, Any], at: dt.datetime | None) -> str:
        if any(r.get("revoked") for r in info.get("revocations") or [] if isinstance(r, dict)):
            return CERT_REVOKED
        moment = at or dt.datetime.now(dt.timezone.utc)
        not_after, not_before = _parse_time(info.get("notAfter")), _parse_time(info.get("notBefore"))
        if not_after and not_after < moment:
            return CERT_EXPIRED
        if not_before and not_before > moment:
            return CERT_NOT_YET_VALID
        if info.get("valid") is False:
            return CERT_UNTRUSTED
        return SIGNATURE_INVALID


def _parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


class CmsVerifier:
    """The verifier a running portal uses; the trust store loads on first use (files, demo CA)."""

    def __init__(self, trust: TrustStore | Callable[[], TrustStore], gost: GostVerifier | None = None):
        self._trust = trust
        self.gost: GostVerifier = gost or GostRefused()

    @property
    def trust(self) -> TrustStore:
        if not isinstance(self._trust, TrustStore):
            self._trust = self._trust()
        return self._trust

    async def verify_detached(
        self, content: bytes, cms: bytes, *, purpose: Purpose, at: dt.datetime | None = None
    ) -> SignerInfo:
        parsed = _parse(cms)
        if len(parsed.signers) != 1:
            raise SignatureError(CMS_MALFORMED, "exactly one signer is expected")
        return await self._verify(parsed, parsed.signers[0], content, cms, purpose, at)

    async def check_all(
        self, content: bytes | ContentDigest, cms: bytes, *, purpose: Purpose = "sign", at: dt.datetime | None = None
    ) -> list[SignatureCheck]:
        """Every signer's verdict; a CMS that cannot be read at all still raises CMS_MALFORMED.
        `content` may be a ContentDigest of a file too large to hold (not for GOST signatures)."""
        parsed = _parse(cms)
        if not parsed.signers:
            raise SignatureError(CMS_MALFORMED, "the CMS has no signer")
        checks = []
        for signer in parsed.signers:
            try:
                checks.append(SignatureCheck(await self._verify(parsed, signer, content, cms, purpose, at), None))
            except SignatureError as exc:
                checks.append(SignatureCheck(exc.signer, exc.code, exc.detail))
        return checks

    async def _verify(
        self, parsed: cms.ParsedCms, signer: acms.SignerInfo, content: bytes | ContentDigest, raw: bytes,
        purpose: Purpose,
        at: dt.datetime | None,
    ) -> SignerInfo:
        try:
            cert = cms.signer_certificate(parsed, signer)
            gost = any(is_gost(oid) for oid in cms.algorithm_oids(parsed, signer, cert))
            claimed = describe(cert, signing_time=cms.signing_time(signer),
                               algorithm=signer["signature_algorithm"]["algorithm"].dotted)
        except SignatureError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise SignatureError(CMS_MALFORMED, f"unreadable signer: {type(exc).__name__}") from None
        try:
            if gost:
                require_purpose(cert, purpose)
                if isinstance(content, ContentDigest):
                    raise SignatureError(UNSUPPORTED_ALGORITHM, "the GOST verifier needs the content itself")
                return await self.gost.verify(content, raw, cert, claimed, at)
            info = cms.check_signer(parsed, signer, content)
            await self.trust.validate(cert, parsed.certificates, at)
            require_purpose(cert, purpose)
            return info
        except SignatureError as exc:
            exc.signer = exc.signer or claimed
            raise


def _parse(data: bytes) -> cms.ParsedCms:
    if not data:
        raise SignatureError(CMS_MALFORMED, "empty CMS")
    return cms.parse(data)


def require_subject(info: SignerInfo, iin: str | None = None, bin: str | None = None) -> None:  # noqa: A002
    """SIGNER_MISMATCH unless the certificate holds this IIN (the person) and/or BIN (their company)."""
    if iin is not None and info.iin != iin:
        raise SignatureError(SIGNER_MISMATCH, "the certificate belongs to another person", signer=info)
    if bin is not None and info.bin != bin:
        raise SignatureError(SIGNER_MISMATCH, "the certificate belongs to another organization", signer=info)


def has_signing_authority(info: SignerInfo) -> bool:
    """Whether an employee's certificate may sign for the company (first head or a person with the right
    to sign); a person's own certificate always speaks for that person."""
    return info.bin is None or bool(SIGNING_AUTHORITY.intersection(info.key_users))


def _paths(values: tuple[str, ...]) -> tuple[Path, ...]:
    return tuple(Path(v) for v in values)


def build_trust_store(settings: Settings) -> TrustStore:
    """Configured roots, or in development the demo CA (generated on first use) when none are."""
    roots, intermediates, crl_files = (_paths(settings.eds_trust_roots), _paths(settings.eds_intermediates),
                                       _paths(settings.eds_crl_files))
    if not roots and settings.dev_mode:
        from backend.pki.demo_ca import ensure_demo_ca

        demo = ensure_demo_ca(settings.var_dir / "pki")
        roots, intermediates = demo.trust_roots, intermediates or demo.intermediates
        crl_files = crl_files or (() if settings.eds_crl_urls else demo.crl_files)
    crls = CrlSource(crl_files, settings.eds_crl_urls, cache_dir=settings.var_dir / "pki" / "crl-cache",
                     refresh_seconds=settings.eds_crl_refresh_seconds)
    return TrustStore(load_certificates(roots), load_certificates(intermediates), crls, settings.eds_revocation)


def build_signature_verifier(settings: Settings) -> CmsVerifier:
    gost: GostVerifier = (
        GostExternalVerifier(settings.eds_gost_verifier_url, settings.eds_gost_verifier_token)
        if settings.eds_gost_verifier_url
        else GostRefused()
    )
    return CmsVerifier(lambda: build_trust_store(settings), gost)
