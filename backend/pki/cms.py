"""Detached CMS (PKCS#7 SignedData, RFC 5652): parsing and the cryptographic check of one signer.

`cryptography` can build CMS but not verify it, so the structure is read with asn1crypto and each
signature is checked with `cryptography`'s primitives.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from asn1crypto import cms, core, pem, x509

from backend.pki import algorithms
from backend.pki.certinfo import SignerInfo, describe
from backend.pki.errors import CMS_MALFORMED, SIGNATURE_INVALID, UNSUPPORTED_ALGORITHM, SignatureError


MAX_CMS_TEXT = 512 * 1024  # a detached CMS with its chain is a few kilobytes


def from_text(text: str) -> bytes:
    """A CMS as clients send it over JSON: base64 (standard or URL-safe) of the DER, or PEM."""
    text = (text or "").strip()
    if not text or len(text) > MAX_CMS_TEXT:
        raise SignatureError(CMS_MALFORMED, "a base64 CMS is required", field="cms")
    if text.startswith("-----BEGIN"):
        return text.encode("ascii", "ignore")
    compact = "".join(text.split())
    try:
        if "-" in compact or "_" in compact:
            return base64.urlsafe_b64decode(compact + "=" * (-len(compact) % 4))
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(CMS_MALFORMED, "the CMS is not base64", field="cms") from None


@dataclass(frozen=True)
class ContentDigest:
    """A content known only by its hash: an upload of hundreds of megabytes is hashed on the way in
    and need not be read again to check a detached signature over it."""

    algorithm: str  # sha256, sha384 or sha512
    value: bytes


def digest_of(content: bytes | ContentDigest, algorithm: str) -> bytes:
    if isinstance(content, ContentDigest):
        if content.algorithm != algorithm:
            raise SignatureError(UNSUPPORTED_ALGORITHM, f"the content's {algorithm} digest is not known")
        return content.value
    return hashlib.new(algorithm, content).digest()


@dataclass(frozen=True)
class ParsedCms:
    signed_data: cms.SignedData
    certificates: list[x509.Certificate]
    signers: list[cms.SignerInfo]
    content_type: str
    encapsulated: bytes | None  # the content itself when the CMS is attached, None when detached


def parse(data: bytes) -> ParsedCms:
    """Any SignedData, DER or PEM; anything else is CMS_MALFORMED."""
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        info = cms.ContentInfo.load(data, strict=True)
        if info["content_type"].native != "signed_data":
            raise SignatureError(CMS_MALFORMED, "not a SignedData")
        signed = info["content"]
        # asn1crypto parses lazily: read every part used later now, so that garbage fails here. Not
        # `signed.native` as a whole: asn1crypto cannot decode GOST public keys, yet such a CMS is
        # well-formed and goes to the GOST verifier.
        encap = signed["encap_content_info"]
        content = encap["content"]
        certificates = [c.chosen for c in signed["certificates"] if c.name == "certificate"] if not isinstance(
            signed["certificates"], core.Void) else []
        for cert in certificates:
            tbs = cert["tbs_certificate"]
            for part in ("serial_number", "issuer", "subject", "validity", "extensions"):
                tbs[part].native  # noqa: B018
        signers = list(signed["signer_infos"])
        for signer in signers:
            signer.native  # noqa: B018
        encapsulated = None if isinstance(content, core.Void) or content.native is None else _octets(content)
        return ParsedCms(signed, certificates, signers, encap["content_type"].dotted, encapsulated)
    except SignatureError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
        raise SignatureError(CMS_MALFORMED, f"not a readable CMS: {type(exc).__name__}") from None


def _octets(content) -> bytes:
    value = content.parsed if isinstance(content, core.ParsableOctetString) else content
    return bytes(value.native) if not isinstance(value.native, bytes) else value.native


def signer_certificate(parsed: ParsedCms, signer: cms.SignerInfo) -> x509.Certificate:
    sid = signer["sid"]
    for cert in parsed.certificates:
        if sid.name == "issuer_and_serial_number":
            if cert.serial_number == sid.chosen["serial_number"].native and cert.issuer == sid.chosen["issuer"]:
                return cert
        elif sid.name == "subject_key_identifier" and cert.key_identifier == sid.chosen.native:
            return cert
    raise SignatureError(CMS_MALFORMED, "the signer's certificate is not in the CMS")


def _attributes(signer: cms.SignerInfo) -> dict[str, list]:
    attrs = signer["signed_attrs"]
    if isinstance(attrs, core.Void) or not attrs.native:
        return {}
    found: dict[str, list] = {}
    for attr in attrs:
        found.setdefault(attr["type"].native, []).extend(list(attr["values"]))
    return found


def signing_time(signer: cms.SignerInfo) -> dt.datetime | None:
    values = _attributes(signer).get("signing_time") or []
    if len(values) != 1:
        return None
    moment = values[0].native
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def algorithm_oids(parsed: ParsedCms, signer: cms.SignerInfo, cert: x509.Certificate | None) -> list[str]:
    oids = [signer["digest_algorithm"]["algorithm"].dotted, signer["signature_algorithm"]["algorithm"].dotted]
    if cert is not None:
        oids.append(algorithms.public_key_oid(cert))
    return oids


def check_signer(parsed: ParsedCms, signer: cms.SignerInfo, content: bytes | ContentDigest) -> SignerInfo:
    """The signer's signature over `content`, through the messageDigest of its signed attributes.

    Signed attributes are required: they bind the content (messageDigest), its type and the signing
    time; every national signing tool (NCALayer, eGov mobile) includes them.
    """
    cert = signer_certificate(parsed, signer)
    claimed = describe(cert, signing_time=signing_time(signer), algorithm=signer["signature_algorithm"]["algorithm"].native)
    try:
        digest = algorithms.digest_name(signer["digest_algorithm"])
        expected = digest_of(content, digest)
        if parsed.encapsulated is not None and not hmac.compare_digest(
            hashlib.new(digest, parsed.encapsulated).digest(), expected
        ):
            raise SignatureError(SIGNATURE_INVALID, "the CMS carries other content than the one given")
        attrs = _attributes(signer)
        if not attrs:
            raise SignatureError(SIGNATURE_INVALID, "signed attributes are required")
        digests = attrs.get("message_digest") or []
        if len(digests) != 1:
            raise SignatureError(SIGNATURE_INVALID, "exactly one messageDigest attribute is required")
        if not hmac.compare_digest(digests[0].native, expected):
            raise SignatureError(SIGNATURE_INVALID, "the content does not match the signed digest")
        content_types = attrs.get("content_type") or []
        if len(content_types) != 1 or content_types[0].dotted != parsed.content_type:
            raise SignatureError(SIGNATURE_INVALID, "the contentType attribute does not match the content")
        # The signature covers the DER of the attributes as a SET OF, not as the [0] they travel in.
        raw = signer["signed_attrs"].dump()
        to_verify = b"\x31" + raw[1:]
        name = algorithms.verify_raw(
            cert, signer["signature_algorithm"], digest, to_verify, signer["signature"].native
        )
    except SignatureError as exc:
        exc.signer = exc.signer or claimed
        raise
    return describe(cert, signing_time=claimed.signing_time, algorithm=name)
