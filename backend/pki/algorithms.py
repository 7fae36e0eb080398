"""Which signature algorithms are checked here, which go to the GOST verifier, which are refused."""

from __future__ import annotations

from asn1crypto import algos, x509
from cryptography import x509 as cx509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from backend.pki.errors import CMS_MALFORMED, SIGNATURE_INVALID, UNSUPPORTED_ALGORITHM, SignatureError

# Kazakhstan's national GOST arc (GOST 34.310-2004, 34.10-2015 and their hashes) and the Russian
# GOST R 34.10-2001 / 2012 arcs that some tokens still emit: only the external verifier checks them.
GOST_PREFIXES = ("1.2.398.3.10.", "1.2.643.2.2.", "1.2.643.7.1.")

HASHES: dict[str, hashes.HashAlgorithm] = {
    "sha256": hashes.SHA256(),
    "sha384": hashes.SHA384(),
    "sha512": hashes.SHA512(),
}
_RSA_WITH_HASH = {"sha256_rsa": "sha256", "sha384_rsa": "sha384", "sha512_rsa": "sha512"}
_ECDSA_WITH_HASH = {"sha256_ecdsa": "sha256", "sha384_ecdsa": "sha384", "sha512_ecdsa": "sha512"}
_CURVES = (ec.SECP256R1, ec.SECP384R1, ec.SECP521R1)
MIN_RSA_BITS = 2048


def is_gost(oid: str) -> bool:
    return oid.startswith(GOST_PREFIXES)


def public_key_oid(cert: x509.Certificate) -> str:
    return cert["tbs_certificate"]["subject_public_key_info"]["algorithm"]["algorithm"].dotted


def digest_name(digest_algorithm: algos.DigestAlgorithm) -> str:
    """The hash the signer used for the content, refusing what is weak or unknown."""
    name = digest_algorithm["algorithm"].native
    if name not in HASHES:
        raise SignatureError(UNSUPPORTED_ALGORITHM, f"digest algorithm {name} is not accepted")
    return name


def _public_key(cert: x509.Certificate):
    try:
        return cx509.load_der_x509_certificate(cert.dump()).public_key()
    except (ValueError, UnsupportedAlgorithm):
        raise SignatureError(UNSUPPORTED_ALGORITHM, "the certificate's public key is not supported") from None


def verify_raw(
    cert: x509.Certificate,
    signature_algorithm: algos.SignedDigestAlgorithm,
    digest: str,
    data: bytes,
    signature: bytes,
) -> str:
    """Checks `signature` over `data` with the certificate's key; returns a name such as RSA-SHA256."""
    sig_name = signature_algorithm["algorithm"].native
    key = _public_key(cert)
    if sig_name in ("rsassa_pkcs1v15", *_RSA_WITH_HASH):
        _same_hash(_RSA_WITH_HASH.get(sig_name, digest), digest)
        _rsa(key)
        _check(lambda: key.verify(signature, data, padding.PKCS1v15(), HASHES[digest]))
        return f"RSA-{digest.upper()}"
    if sig_name == "rsassa_pss":
        params = signature_algorithm["parameters"]
        pss_hash = params["hash_algorithm"]["algorithm"].native
        mgf = params["mask_gen_algorithm"]
        if mgf["algorithm"].native != "mgf1" or params["trailer_field"].native not in (None, "trailer_field_bc"):
            raise SignatureError(UNSUPPORTED_ALGORITHM, "RSASSA-PSS parameters are not supported")
        _same_hash(pss_hash, digest)
        _same_hash(mgf["parameters"]["algorithm"].native, digest)
        _rsa(key)
        salt = params["salt_length"].native
        _check(lambda: key.verify(
            signature, data, padding.PSS(mgf=padding.MGF1(HASHES[digest]), salt_length=salt), HASHES[digest]
        ))
        return f"RSASSA-PSS-{digest.upper()}"
    if sig_name in ("ecdsa", *_ECDSA_WITH_HASH):
        _same_hash(_ECDSA_WITH_HASH.get(sig_name, digest), digest)
        if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, _CURVES):
            raise SignatureError(SIGNATURE_INVALID, "the certificate's key does not match ECDSA")
        _check(lambda: key.verify(signature, data, ec.ECDSA(HASHES[digest])))
        return f"ECDSA-{digest.upper()}"
    raise SignatureError(UNSUPPORTED_ALGORITHM, f"signature algorithm {sig_name} is not accepted")


def _same_hash(declared: str, digest: str) -> None:
    if declared not in HASHES:
        raise SignatureError(UNSUPPORTED_ALGORITHM, f"hash {declared} is not accepted")
    if declared != digest:
        raise SignatureError(CMS_MALFORMED, "the signature and digest algorithms use different hashes")


def _rsa(key) -> None:
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureError(SIGNATURE_INVALID, "the certificate's key does not match RSA")
    if key.key_size < MIN_RSA_BITS:
        raise SignatureError(UNSUPPORTED_ALGORITHM, f"RSA keys under {MIN_RSA_BITS} bits are not accepted")


def _check(verify) -> None:
    try:
        verify()
    except InvalidSignature:
        raise SignatureError(SIGNATURE_INVALID, "the signature does not match") from None
    except (ValueError, TypeError):
        raise SignatureError(SIGNATURE_INVALID, "the signature cannot be decoded") from None
