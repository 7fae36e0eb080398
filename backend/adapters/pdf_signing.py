"""Signing official PDFs (PAdES) with the portal's key, and verifying signed documents.

- `PdfSigner.sign` puts an invisible PAdES signature (ETSI.CAdES.detached, SHA-256) made with the
  configured key: baseline B-B, or B-T when a timestamp authority is configured.
- `verify_pdf` reports every signature of a PDF: who signed, when, whether the signed bytes are
  intact, whether the certificate chains to the trust roots and is unrevoked, and whether the
  signature covers the whole file.
- `verify_file` does the same for "a file and its CMS" (a detached .cms/.p7s, or an attached one).
The same trust roots and revocation lists as every other signature check (backend/pki/trust.py).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel

from backend.adapters.signatures import CmsVerifier, ContentDigest, SignatureCheck
from backend.pki import cms as pki_cms
from backend.pki.certinfo import SignerInfo, describe
from backend.pki.errors import CMS_MALFORMED, SIGNATURE_INVALID, SignatureError
from backend.pki.usage import require_purpose
from backend.errors import DomainError
from backend.settings import Settings

log = logging.getLogger(__name__)

MAX_PDF_BYTES = 100 * 1024 * 1024  # verification reads the whole file into memory


@dataclass(frozen=True)
class PdfSignatureInfo:
    """One signature of a PDF as the "Verify a document" page shows it."""

    field_name: str
    signer: SignerInfo | None  # read from the certificate; to be trusted only when `valid`
    signing_time: dt.datetime | None  # the signer's claim (/M); `timestamp_time` when a TSA vouched for it
    timestamp_time: dt.datetime | None
    reason: str | None
    location: str | None
    intact: bool  # the signed bytes hash to the signed digest
    signature_valid: bool  # and the signature over them checks out with the certificate's key
    trusted: bool  # the certificate chains to a trust root and is valid, unrevoked, fit for signing
    revoked: bool
    covers_whole_document: bool  # nothing was appended after this signature
    modification: str  # NONE, LTA_UPDATES, FORM_FILLING, ANNOTATIONS or OTHER (after this signature)
    problem: str | None  # the first reason not to rely on it, as a signature error code

    @property
    def valid(self) -> bool:
        return self.problem is None


class PdfSigner:
    """The portal's own signature on the PDFs it issues (notices, agreements, certificates)."""

    def __init__(self, p12: bytes | Callable[[], bytes], password: str, *, tsa_url: str = "",
                 field_prefix: str = "Signature"):
        self._p12 = p12
        self._password = password
        self._signer: signers.SimpleSigner | None = None
        self.tsa_url = tsa_url
        self.field_prefix = field_prefix

    @property
    def signer(self) -> signers.SimpleSigner:
        if self._signer is None:
            data = self._p12() if callable(self._p12) else self._p12
            signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=self._password.encode())
            if signer is None:
                raise RuntimeError("the PDF signing key could not be loaded: check PDF_SIGNER_P12 and its password")
            self._signer = signer
        return self._signer

    @property
    def certificate(self) -> x509.Certificate:
        return self.signer.signing_cert

    async def sign(self, pdf: bytes, *, reason: str, location: str = "Astana", name: str | None = None) -> bytes:
        """The PDF with one more signature appended as an incremental update."""
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        except (PdfError, ValueError) as exc:
            raise DomainError("PDF_UNREADABLE", message=str(exc)[:200]) from None
        existing = [f for f, _, _ in fields.enumerate_sig_fields(writer)]
        field_name = self._free_name(existing)
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            reason=reason,
            location=location,
            name=name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        timestamper = timestamps.HTTPTimeStamper(self.tsa_url) if self.tsa_url else None
        pdf_signer = signers.PdfSigner(meta, signer=self.signer, timestamper=timestamper)
        try:
            out = await pdf_signer.async_sign_pdf(writer, in_place=False)
        except (SigningError, PdfError) as exc:
            raise DomainError("PDF_SIGNING_FAILED", message=str(exc)[:200]) from None
        return out.getvalue()

    def _free_name(self, existing: list[str]) -> str:
        n = len(existing) + 1
        while f"{self.field_prefix}{n}" in existing:
            n += 1
        return f"{self.field_prefix}{n}"


_MODIFICATION = {
    "NONE": "NONE", "LTA_UPDATES": "LTA_UPDATES", "FORM_FILLING": "FORM_FILLING", "ANNOTATIONS": "ANNOTATIONS",
}


async def verify_pdf(verifier: CmsVerifier, pdf: bytes) -> list[PdfSignatureInfo]:
    """Every signature of the PDF, in document order; an unsigned PDF gives an empty list."""
    if len(pdf) > MAX_PDF_BYTES:
        raise DomainError("FILE_TOO_LARGE", max=MAX_PDF_BYTES)
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise DomainError("PDF_UNREADABLE", message=str(exc)[:200]) from None
    trust = verifier.trust
    results = []
    for sig in embedded:
        results.append(await _one(trust, sig))
    return results


async def _one(trust, sig) -> PdfSignatureInfo:
    sig_dict = sig.sig_object
    reason = _text(sig_dict.get("/Reason"))
    location = _text(sig_dict.get("/Location"))
    try:
        cert = sig.signer_cert
        certs = list(sig.other_embedded_certs) + [cert]
    except (ValueError, KeyError, TypeError, AttributeError):
        cert, certs = None, []
    claimed = describe(cert, signing_time=sig.self_reported_timestamp, algorithm="") if cert is not None else None
    context = await trust.context(certs)
    try:
        status = await async_validate_pdf_signature(
            sig, signer_validation_context=context, key_usage_settings=KeyUsageConstraints(key_usage=set()),
        )
    except (PdfError, ValueError, KeyError, TypeError, SignatureError) as exc:
        log.info("PDF signature %s unreadable: %s", sig.field_name, exc)
        return PdfSignatureInfo(sig.field_name, claimed, claimed.signing_time if claimed else None, None, reason,
                                location, False, False, False, False, False, "OTHER", CMS_MALFORMED)
    signer = None
    if status.signing_cert is not None:
        signer = describe(status.signing_cert, signing_time=status.signer_reported_dt,
                          algorithm=_algorithm(status.pkcs7_signature_mechanism, status.md_algorithm))
    problem = None
    if not (status.intact and status.valid):
        problem = SIGNATURE_INVALID
    else:
        try:
            await trust.validate(status.signing_cert, certs)
            require_purpose(status.signing_cert, "sign")
        except SignatureError as exc:
            problem = exc.code
    timestamp = status.timestamp_validity.timestamp if status.timestamp_validity is not None else None
    level = status.modification_level.name if status.modification_level is not None else "NONE"
    return PdfSignatureInfo(
        field_name=sig.field_name,
        signer=signer or claimed,
        signing_time=status.signer_reported_dt,
        timestamp_time=timestamp,
        reason=reason,
        location=location,
        intact=bool(status.intact),
        signature_valid=bool(status.valid),
        trusted=problem is None,
        revoked=bool(status.revoked) or problem == "CERT_REVOKED",
        covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        modification=_MODIFICATION.get(level, "OTHER"),
        problem=problem,
    )


def _algorithm(mechanism: str, digest: str) -> str:
    """The names `verify_detached` uses: RSA-SHA256, RSASSA-PSS-SHA256, ECDSA-SHA384."""
    family = "RSASSA-PSS" if "pss" in mechanism else "ECDSA" if "ecdsa" in mechanism else "RSA" if "rsa" in mechanism \
        else mechanism.upper()
    return f"{family}-{digest.upper()}"


def _text(value) -> str | None:
    return str(value) if value is not None else None


async def verify_file(verifier: CmsVerifier, content: bytes | ContentDigest | None, cms: bytes) -> list[SignatureCheck]:
    """Each signer of a file's CMS. `content` is the file, or its ContentDigest (an upload's SHA-256, so
    that a large file is not read again), or None when the CMS carries the file itself."""
    if content is None:
        parsed = pki_cms.parse(cms)
        if parsed.encapsulated is None:
            raise SignatureError(CMS_MALFORMED, "a detached CMS needs the file it signs", field="content")
        content = parsed.encapsulated
    return await verifier.check_all(content, cms, purpose="sign")


def build_pdf_signer(settings: Settings) -> PdfSigner | None:
    """The configured key; in development the demo KZhK operator's signing key. None when unconfigured."""
    if settings.pdf_signer_p12:
        path = Path(settings.pdf_signer_p12)
        return PdfSigner(path.read_bytes, settings.pdf_signer_password, tsa_url=settings.pdf_tsa_url)
    if not settings.dev_mode:
        return None

    def demo_key() -> bytes:
        from backend.pki.demo_ca import ensure_demo_ca

        return ensure_demo_ca(settings.var_dir / "pki").pdf_signer.p12.read_bytes()  # type: ignore[union-attr]

    from backend.pki.demo_ca import DEMO_PASSWORD

    return PdfSigner(demo_key, DEMO_PASSWORD, tsa_url=settings.pdf_tsa_url)
