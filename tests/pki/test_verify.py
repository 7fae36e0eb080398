"""Detached CMS verification against the demo CA: what passes and, for each failure, its own code."""

from __future__ import annotations

import datetime as dt

import pytest
from asn1crypto import pem
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from backend.adapters.signatures import SignatureError, has_signing_authority, require_subject
from backend.pki.cms import from_text
from backend.pki.demo_ca import KZHK_BIN
from tests.pki import cms_factory as f

DATA = "Өтінім № 42: шарт Н-3-67/44-АФ, құжаттардың SHA-256 хэштері\n".encode()


async def _refused(verifier, content: bytes, cms: bytes, purpose: str = "sign", **kw) -> SignatureError:
    with pytest.raises(SignatureError) as caught:
        await verifier.verify_detached(content, cms, purpose=purpose, **kw)
    return caught.value


# Accepted


@pytest.mark.parametrize(
    ("name", "iin", "bin_", "organization"),
    [
        ("citizen-sign", "900515300197", None, None),
        ("bayterek-director-sign", "780212300122", "040640406657", "ТОО «Байтерек Девелопмент»"),
        ("alatau-director-sign", "850719400230", "150940012342", "ТОО «Алатау Құрылыс»"),
        ("kzhk-operator-sign", "880321400453", KZHK_BIN, "АО «Казахстанская жилищная компания»"),
    ],
)
async def test_a_valid_signing_certificate_passes_and_names_its_holder(demo_ca, verifier, name, iin, bin_, organization):
    # given
    cms = f.sign(demo_ca, name, DATA)
    # when
    info = await verifier.verify_detached(DATA, cms, purpose="sign")
    # then
    assert (info.iin, info.bin, info.organization) == (iin, bin_, organization)
    assert info.serial == demo_ca.certs[name].serial
    assert info.issuer == "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) DEMO"
    assert info.algorithm == "RSA-SHA256"
    assert info.signing_time is not None and abs(info.signing_time - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=1)
    assert info.not_before < dt.datetime.now(dt.timezone.utc) < info.not_after
    assert info.certificate_pem.startswith("-----BEGIN CERTIFICATE-----")
    assert f"SERIALNUMBER=IIN{iin}" in info.subject


@pytest.mark.parametrize("name", ["citizen-auth", "bayterek-director-auth", "kzhk-operator-auth"])
async def test_an_auth_certificate_passes_for_sign_in(demo_ca, verifier, name):
    info = await verifier.verify_detached(DATA, f.sign(demo_ca, name, DATA), purpose="auth")
    assert info.iin == demo_ca.certs[name].holder.iin


async def test_the_company_certificate_carries_the_role_of_its_holder(demo_ca, verifier):
    info = await verifier.verify_detached(DATA, f.sign(demo_ca, "bayterek-director-sign", DATA), purpose="sign")
    assert set(info.key_users) == {"ORGANIZATION", "CEO"}
    assert has_signing_authority(info)


async def test_rsa_pss_passes(demo_ca, verifier):
    info = await verifier.verify_detached(DATA, f.sign(demo_ca, "citizen-sign", DATA, pss=True), purpose="sign")
    assert info.algorithm == "RSASSA-PSS-SHA256"


async def test_rsa_pss_made_by_hand_with_explicit_parameters_passes(demo_ca, verifier):
    params = {"hash_algorithm": {"algorithm": "sha256"},
              "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": "sha256"}}, "salt_length": 32}
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, signature_algorithm={"algorithm": "rsassa_pss", "parameters": params})
    assert (await verifier.verify_detached(DATA, cms, purpose="sign")).algorithm == "RSASSA-PSS-SHA256"


@pytest.mark.parametrize("digest", ["sha256", "sha384", "sha512"])
async def test_ecdsa_passes_with_each_sha2(demo_ca, verifier, digest):
    info = await verifier.verify_detached(DATA, f.sign(demo_ca, "citizen-sign-ec", DATA, digest=digest), purpose="sign")
    assert info.algorithm == f"ECDSA-{digest.upper()}"


@pytest.mark.parametrize("digest", ["sha384", "sha512"])
async def test_rsa_with_longer_hashes_passes(demo_ca, verifier, digest):
    info = await verifier.verify_detached(DATA, f.sign(demo_ca, "citizen-sign", DATA, digest=digest), purpose="sign")
    assert info.algorithm == f"RSA-{digest.upper()}"


async def test_an_attached_cms_of_the_same_content_passes(demo_ca, verifier):
    cms = f.sign(demo_ca, "citizen-sign", DATA, detached=False)
    assert (await verifier.verify_detached(DATA, cms, purpose="sign")).iin == "900515300197"


async def test_a_pem_armored_cms_passes(demo_ca, verifier):
    cms = pem.armor("CMS", f.sign(demo_ca, "citizen-sign", DATA))
    assert (await verifier.verify_detached(DATA, cms, purpose="sign")).iin == "900515300197"


async def test_a_signer_named_by_subject_key_identifier_passes(demo_ca, verifier):
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, sid="subject_key_identifier")
    assert (await verifier.verify_detached(DATA, cms, purpose="sign")).iin == "900515300197"


async def test_a_cms_without_the_intermediate_passes_with_the_configured_one(demo_ca, verifier):
    cms = f.sign(demo_ca, "citizen-sign", DATA, with_chain=False)
    assert (await verifier.verify_detached(DATA, cms, purpose="sign")).iin == "900515300197"


async def test_a_revoked_certificate_still_passes_at_a_moment_before_its_revocation(demo_ca, verifier):
    cms = f.sign(demo_ca, "test-revoked-sign", DATA)
    before = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=3)
    assert (await verifier.verify_detached(DATA, cms, purpose="sign", at=before)).iin == "900515300197"


# Refused: the content and the signature


async def test_tampered_data_is_refused(demo_ca, verifier):
    cms = f.sign(demo_ca, "citizen-sign", DATA)
    error = await _refused(verifier, DATA + b" ", cms)
    assert error.code == "SIGNATURE_INVALID"
    assert error.signer is not None and error.signer.iin == "900515300197"  # whose signature failed


async def test_a_message_digest_of_other_content_is_refused(demo_ca, verifier):
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, attrs=f.standard_attrs(b"another document"))
    assert (await _refused(verifier, DATA, cms)).code == "SIGNATURE_INVALID"


async def test_a_tampered_signature_is_refused(demo_ca, verifier):
    cms = f.tamper_signature(f.sign(demo_ca, "citizen-sign", DATA))
    assert (await _refused(verifier, DATA, cms)).code == "SIGNATURE_INVALID"


async def test_a_missing_message_digest_is_refused(demo_ca, verifier):
    cms = f.without_attribute(demo_ca, "citizen-sign", DATA, "message_digest")
    assert (await _refused(verifier, DATA, cms)).code == "SIGNATURE_INVALID"


async def test_a_cms_without_signed_attributes_is_refused(demo_ca, verifier):
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, attrs=None)
    assert (await _refused(verifier, DATA, cms)).code == "SIGNATURE_INVALID"


async def test_a_content_type_attribute_that_is_not_the_content_is_refused(demo_ca, verifier):
    attrs = [a for a in f.standard_attrs(DATA) if a["type"].native != "content_type"]
    attrs.append(f._attr("content_type", "signed_data"))
    assert (await _refused(verifier, DATA, f.by_hand(demo_ca, "citizen-sign", DATA, attrs=attrs))).code == "SIGNATURE_INVALID"


async def test_an_attached_cms_of_other_content_is_refused(demo_ca, verifier):
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, encapsulate=b"something else")
    assert (await _refused(verifier, DATA, cms)).code == "SIGNATURE_INVALID"


async def test_an_ecdsa_signature_algorithm_on_an_rsa_key_is_refused(demo_ca, verifier):
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, signature_algorithm={"algorithm": "sha256_ecdsa"})
    assert (await _refused(verifier, DATA, cms)).code == "SIGNATURE_INVALID"


# Refused: algorithms


async def test_sha1_is_refused(demo_ca, verifier):
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, digest="sha1")
    assert (await _refused(verifier, DATA, cms)).code == "UNSUPPORTED_ALGORITHM"


async def test_a_signature_hash_other_than_the_digest_algorithm_is_refused(demo_ca, verifier):
    cms = f.by_hand(demo_ca, "citizen-sign", DATA, signature_algorithm={"algorithm": "sha512_rsa"})
    assert (await _refused(verifier, DATA, cms)).code == "CMS_MALFORMED"


async def test_an_rsa_key_under_2048_bits_is_refused(demo_ca, verifier):
    # given: a 1024-bit certificate from the trusted intermediate
    intermediate = x509.load_pem_x509_certificate(demo_ca.intermediate.read_bytes())
    ca_key = serialization.load_pem_private_key((demo_ca.directory / "private" / "intermediate-ca.key.pem").read_bytes(), None)
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(x509.NameOID.SERIAL_NUMBER, "IIN900515300197")]))
        .issuer_name(intermediate.subject).public_key(weak.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    pair = f.KeyPair(weak, cert, [])
    cms = f.assemble([f.signer_info(pair, DATA)], [pair.asn1])
    # then
    assert (await _refused(verifier, DATA, cms)).code == "UNSUPPORTED_ALGORITHM"


# Refused: the certificate


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("test-expired-sign", "CERT_EXPIRED"),
        ("test-not-yet-valid-sign", "CERT_NOT_YET_VALID"),
        ("test-revoked-sign", "CERT_REVOKED"),
        ("test-untrusted-sign", "CERT_UNTRUSTED"),
        ("test-wrong-usage", "KEY_USAGE_INVALID"),
    ],
)
async def test_a_certificate_that_must_not_sign_is_refused_with_its_own_code(demo_ca, verifier, name, code):
    error = await _refused(verifier, DATA, f.sign(demo_ca, name, DATA))
    assert error.code == code
    assert error.signer is not None and error.signer.serial == demo_ca.certs[name].serial


async def test_a_key_encipherment_only_certificate_cannot_sign_in_either(demo_ca, verifier):
    assert (await _refused(verifier, DATA, f.sign(demo_ca, "test-wrong-usage", DATA), "auth")).code == "KEY_USAGE_INVALID"


async def test_an_auth_certificate_cannot_sign_documents(demo_ca, verifier):
    error = await _refused(verifier, DATA, f.sign(demo_ca, "citizen-auth", DATA), "sign")
    assert error.code == "KEY_USAGE_INVALID" and error.params["expected"] == "sign"


async def test_a_signing_certificate_cannot_sign_in(demo_ca, verifier):
    error = await _refused(verifier, DATA, f.sign(demo_ca, "citizen-sign", DATA), "auth")
    assert error.code == "KEY_USAGE_INVALID" and error.params["expected"] == "auth"


async def test_the_revoked_error_says_when(demo_ca, verifier):
    error = await _refused(verifier, DATA, f.sign(demo_ca, "test-revoked-sign", DATA))
    assert dt.datetime.fromisoformat(error.params["revoked_at"]) < dt.datetime.now(dt.timezone.utc)


# Refused: the structure


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not a cms at all", b"\x30\x03\x02\x01\x01", b"-----BEGIN CMS-----\n!!!\n-----END CMS-----\n"],
    ids=["empty", "text", "integer", "bad-pem"],
)
async def test_malformed_cms_is_refused(verifier, garbage):
    assert (await _refused(verifier, DATA, garbage)).code == "CMS_MALFORMED"


async def test_a_certificate_is_not_a_cms(demo_ca, verifier):
    der = pem.unarmor(demo_ca.root.read_bytes())[2]
    assert (await _refused(verifier, DATA, der)).code == "CMS_MALFORMED"


async def test_a_cms_without_the_signer_certificate_is_refused(demo_ca, verifier):
    assert (await _refused(verifier, DATA, f.by_hand(demo_ca, "citizen-sign", DATA, with_cert=False))).code == "CMS_MALFORMED"


async def test_two_signers_are_refused_where_one_is_expected(demo_ca, verifier):
    first, second = f.key_pair(demo_ca, "citizen-sign"), f.key_pair(demo_ca, "bayterek-director-sign")
    cms = f.assemble([f.signer_info(first, DATA), f.signer_info(second, DATA)], [first.asn1, second.asn1])
    assert (await _refused(verifier, DATA, cms)).code == "CMS_MALFORMED"


async def test_every_signer_of_a_co_signed_cms_gets_a_verdict(demo_ca, verifier):
    first, second = f.key_pair(demo_ca, "citizen-sign"), f.key_pair(demo_ca, "test-revoked-sign")
    cms = f.assemble([f.signer_info(first, DATA), f.signer_info(second, DATA)], [first.asn1, second.asn1])
    checks = await verifier.check_all(DATA, cms)
    assert {c.signer.serial: (c.valid, c.code) for c in checks} == {
        demo_ca.certs["citizen-sign"].serial: (True, None), demo_ca.certs["test-revoked-sign"].serial: (False, "CERT_REVOKED")}


# The expected signer


async def test_require_subject_accepts_the_expected_person_and_company(demo_ca, verifier):
    info = await verifier.verify_detached(DATA, f.sign(demo_ca, "bayterek-director-sign", DATA), purpose="sign")
    require_subject(info, iin="780212300122", bin="040640406657")
    require_subject(info, bin="040640406657")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("citizen-sign", {"iin": "780212300122"}),
        ("bayterek-director-sign", {"bin": "150940012342"}),
        ("citizen-sign", {"bin": "040640406657"}),  # a personal certificate does not speak for a company
    ],
)
async def test_require_subject_refuses_another_iin_or_bin(demo_ca, verifier, name, expected):
    info = await verifier.verify_detached(DATA, f.sign(demo_ca, name, DATA), purpose="sign")
    with pytest.raises(SignatureError) as caught:
        require_subject(info, **expected)
    assert caught.value.code == "SIGNER_MISMATCH"


# How clients send a CMS


def test_a_cms_arrives_as_base64_url_safe_base64_or_pem(demo_ca):
    import base64

    der = f.sign(demo_ca, "citizen-sign", DATA)
    assert from_text(base64.b64encode(der).decode()) == der
    assert from_text(base64.urlsafe_b64encode(der).decode().rstrip("=")) == der
    assert pem.unarmor(from_text(pem.armor("CMS", der).decode()))[2] == der
    with pytest.raises(SignatureError) as caught:
        from_text("not base64 ***")
    assert caught.value.code == "CMS_MALFORMED" and caught.value.field == "cms"
