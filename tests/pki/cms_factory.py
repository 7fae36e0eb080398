"""Detached CMS for tests: with `cryptography`'s builder as real signing tools make it, and by hand
with asn1crypto for the shapes no honest tool produces."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import algos, cms, core, x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12, pkcs7

from backend.pki.demo_ca import DemoCa

_HASHES = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512(), "sha1": hashes.SHA1()}


@dataclass(frozen=True)
class KeyPair:
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    chain: list[x509.Certificate]

    @property
    def asn1(self) -> ax509.Certificate:
        return ax509.Certificate.load(self.cert.public_bytes(serialization.Encoding.DER))


def key_pair(ca: DemoCa, name: str) -> KeyPair:
    entry = ca.certs[name]
    assert entry.p12 is not None, f"{name} has no private key"
    key, cert, chain = pkcs12.load_key_and_certificates(Path(entry.p12).read_bytes(), entry.password.encode())
    return KeyPair(key, cert, list(chain))


def sign(ca: DemoCa, name: str, content: bytes, *, digest: str = "sha256", pss: bool = False,
         detached: bool = True, with_chain: bool = True) -> bytes:
    """As NCALayer and the SPA sign: detached, signed attributes (contentType, signingTime, messageDigest)."""
    pair = key_pair(ca, name)
    hash_algorithm = _HASHES[digest]
    rsa_padding = padding.PSS(mgf=padding.MGF1(hash_algorithm), salt_length=padding.PSS.DIGEST_LENGTH) if pss else None
    builder = pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(
        pair.cert, pair.key, hash_algorithm, rsa_padding=rsa_padding
    )
    if with_chain:
        for extra in pair.chain:
            builder = builder.add_certificate(extra)
    options = [pkcs7.PKCS7Options.Binary] + ([pkcs7.PKCS7Options.DetachedSignature] if detached else [])
    return builder.sign(serialization.Encoding.DER, options)


def _attr(kind: str, value) -> cms.CMSAttribute:
    return cms.CMSAttribute({"type": kind, "values": [value]})


def standard_attrs(content: bytes, digest: str = "sha256", *, signing_time: dt.datetime | None = None) -> list:
    return [
        _attr("content_type", "data"),
        _attr("signing_time", cms.Time({"utc_time": signing_time or dt.datetime.now(dt.timezone.utc)})),
        _attr("message_digest", hashlib.new(digest, content).digest()),
    ]


def _raw_sign(key, data: bytes, digest: str, pss: bool = False) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(_HASHES[digest]))
    if pss:
        return key.sign(data, padding.PSS(mgf=padding.MGF1(_HASHES[digest]), salt_length=32), _HASHES[digest])
    return key.sign(data, padding.PKCS1v15(), _HASHES[digest])


def signer_info(pair: KeyPair, content: bytes, *, attrs: list | None | str = "standard", digest: str = "sha256",
                signature_algorithm: dict | None = None, digest_algorithm: str | None = None,
                signature: bytes | None = None, sid: str = "issuer_and_serial_number") -> cms.SignerInfo:
    cert = pair.asn1
    if attrs == "standard":
        attrs = standard_attrs(content, digest)
    if attrs is None:
        signed_attrs = None
        to_sign = content
    else:
        signed_attrs = cms.CMSAttributes(attrs)
        to_sign = signed_attrs.dump()
    algorithm = signature_algorithm or {
        "algorithm": f"{digest}_ecdsa" if isinstance(pair.key, ec.EllipticCurvePrivateKey) else f"{digest}_rsa"
    }
    if signature is None:
        signature = _raw_sign(pair.key, to_sign, digest, pss=algorithm["algorithm"] == "rsassa_pss")
    identifier = (
        cms.SignerIdentifier({"issuer_and_serial_number": {"issuer": cert.issuer, "serial_number": cert.serial_number}})
        if sid == "issuer_and_serial_number"
        else cms.SignerIdentifier({"subject_key_identifier": cert.key_identifier})
    )
    info = {
        "version": "v1" if sid == "issuer_and_serial_number" else "v3",
        "sid": identifier,
        "digest_algorithm": {"algorithm": digest_algorithm or digest},
        "signature_algorithm": algorithm,
        "signature": signature,
    }
    if signed_attrs is not None:
        info["signed_attrs"] = signed_attrs
    return cms.SignerInfo(info)


def assemble(signers: list[cms.SignerInfo], certs: list[ax509.Certificate], *, content: bytes | None = None,
             digests: list[str] | None = None) -> bytes:
    encap = {"content_type": "data"}
    if content is not None:
        encap["content"] = content
    signed = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [{"algorithm": d} for d in (digests or ["sha256"])],
        "encap_content_info": encap,
        "certificates": certs,
        "signer_infos": signers,
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()


def by_hand(ca: DemoCa, name: str, content: bytes, *, encapsulate: bytes | None = None, with_cert: bool = True,
            **options) -> bytes:
    pair = key_pair(ca, name)
    info = signer_info(pair, content, **options)
    certs = [pair.asn1] if with_cert else []
    return assemble([info], certs, content=encapsulate, digests=[options.get("digest_algorithm") or options.get("digest", "sha256")])


def gost_cms(ca: DemoCa, content: bytes, cert_name: str = "test-gost-marker") -> bytes:
    """A CMS shaped like one from a Kazakh GOST token: GOST 34.11-2015 digest, GOST 34.10-2015 signature,
    certificate with a GOST key. Its signature bytes are random: only the external verifier judges it."""
    cert = ax509.Certificate.load(_pem_to_der(Path(ca.certs[cert_name].pem).read_bytes()))
    attrs = [
        _attr("content_type", "data"),
        _attr("signing_time", cms.Time({"utc_time": dt.datetime.now(dt.timezone.utc)})),
        _attr("message_digest", secrets.token_bytes(64)),
    ]
    info = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": {"issuer": cert.issuer, "serial_number": cert.serial_number}}),
        "digest_algorithm": {"algorithm": "1.2.398.3.10.1.3.2"},
        "signed_attrs": cms.CMSAttributes(attrs),
        "signature_algorithm": {"algorithm": "1.2.398.3.10.1.1.2.3.2"},
        "signature": secrets.token_bytes(128),
    })
    signed = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "1.2.398.3.10.1.3.2"})],
        "encap_content_info": {"content_type": "data"},
        "certificates": [cert],
        "signer_infos": [info],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump()


def _pem_to_der(data: bytes) -> bytes:
    from asn1crypto import pem

    return pem.unarmor(data)[2]


def without_attribute(ca: DemoCa, name: str, content: bytes, kind: str, digest: str = "sha256") -> bytes:
    attrs = [a for a in standard_attrs(content, digest) if a["type"].native != kind]
    return by_hand(ca, name, content, attrs=attrs, digest=digest)


def tamper_signature(cms_bytes: bytes) -> bytes:
    info = cms.ContentInfo.load(cms_bytes)
    signer = info["content"]["signer_infos"][0]
    signature = bytearray(signer["signature"].native)
    signature[10] ^= 0x01
    signer["signature"] = bytes(signature)
    return info.dump(force=True)


def octets(value: bytes) -> core.OctetString:
    return core.OctetString(value)
