"""Test-only PKCS#12 files for the EDS library's unit tests (never trusted anywhere).

A throwaway CA shaped like the demo NCA issues an RSA signing certificate of a company employee
and an ECDSA P-256 sign-in certificate of a person; both files are PBES2/AES-256 with a SHA-256
MAC, as the demo CA (backend/pki/demo_ca.py) writes them. Run from the repo root:

    .venv/bin/python frontend/src/lib/eds/testdata/make_fixtures.py
"""

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = Path(__file__).parent
PASSWORD = b"Test-EDS-only!"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def name(*attrs):
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in attrs])


def cert(subject, key, issuer, issuer_key, *, ca, usage, eku=()):
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW).not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(usage, critical=True)
    )
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(list(eku)), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def p12(label, key, leaf, chain):
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder().kdf_rounds(2048)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC).hmac_hash(hashes.SHA256()).build(PASSWORD)
    )
    (HERE / f"{label}.p12").write_bytes(pkcs12.serialize_key_and_certificates(label.encode(), key, leaf, chain, encryption))


def ku(**bits):
    names = ["digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
             "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"]
    return x509.KeyUsage(*[bits.get(n, False) for n in names])


ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ca_name = name((NameOID.COMMON_NAME, "TEST ONLY CA"), (NameOID.COUNTRY_NAME, "KZ"))
ca = cert(ca_name, ca_key, ca_name, ca_key, ca=True, usage=ku(key_cert_sign=True, crl_sign=True))

rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
employee = name(
    (NameOID.COMMON_NAME, "ТЕСТОВ ТЕСТ"), (NameOID.SURNAME, "ТЕСТОВ"), (NameOID.SERIAL_NUMBER, "IIN850719400230"),
    (NameOID.COUNTRY_NAME, "KZ"), (NameOID.ORGANIZATION_NAME, "ТОО «Тест»"),
    (NameOID.ORGANIZATIONAL_UNIT_NAME, "BIN150940012342"), (NameOID.GIVEN_NAME, "ТЕСТҰЛЫ"),
)
p12("test-rsa-sign", rsa_key, cert(employee, rsa_key, ca_name, ca_key, ca=False,
    usage=ku(digital_signature=True, content_commitment=True), eku=[ExtendedKeyUsageOID.EMAIL_PROTECTION]), [ca])

ec_key = ec.generate_private_key(ec.SECP256R1())
person = name((NameOID.COMMON_NAME, "ТЕСТОВА ӘЙГЕРІМ"), (NameOID.SERIAL_NUMBER, "IIN900515300197"), (NameOID.COUNTRY_NAME, "KZ"))
p12("test-ec-auth", ec_key, cert(person, ec_key, ca_name, ca_key, ca=False,
    usage=ku(digital_signature=True), eku=[ExtendedKeyUsageOID.CLIENT_AUTH]), [ca])
