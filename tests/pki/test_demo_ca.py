"""The demo CA: NCA-shaped certificates, documented passwords, and files reused on the next run."""

from __future__ import annotations

import datetime as dt
import json

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from backend.auth.identifiers import IdentifierKind, classify_iin_bin
from backend.pki.demo_ca import DEMO_PASSWORD, KZHK_BIN, SPECS, ensure_demo_ca


def _cert(ca, name) -> x509.Certificate:
    return x509.load_pem_x509_certificate(ca.certs[name].pem.read_bytes())


def _attr(cert, oid) -> str | None:
    values = cert.subject.get_attributes_for_oid(oid)
    return values[0].value if values else None


def test_a_person_certificate_follows_the_nca_profile(demo_ca):
    cert = _cert(demo_ca, "citizen-sign")
    assert _attr(cert, NameOID.SERIAL_NUMBER) == "IIN900515300197"
    assert _attr(cert, NameOID.COMMON_NAME) == "САДЫҚОВА ӘЙГЕРІМ"
    assert _attr(cert, NameOID.SURNAME) == "САДЫҚОВА"
    assert _attr(cert, NameOID.GIVEN_NAME) == "НҰРЛАНҚЫЗЫ"  # NCA puts the patronymic in givenName
    assert _attr(cert, NameOID.ORGANIZATIONAL_UNIT_NAME) is None


def test_an_employee_certificate_names_person_and_company(demo_ca):
    cert = _cert(demo_ca, "bayterek-director-auth")
    assert _attr(cert, NameOID.SERIAL_NUMBER) == "IIN780212300122"
    assert _attr(cert, NameOID.ORGANIZATIONAL_UNIT_NAME) == "BIN040640406657"
    assert _attr(cert, NameOID.ORGANIZATION_NAME) == "ТОО «Байтерек Девелопмент»"


def test_every_holder_has_an_auth_and_a_signing_certificate(demo_ca):
    for holder in ("citizen", "bayterek-director", "alatau-director", "kzhk-operator"):
        auth, sign = _cert(demo_ca, f"{holder}-auth"), _cert(demo_ca, f"{holder}-sign")
        auth_usage, sign_usage = (c.extensions.get_extension_for_class(x509.KeyUsage).value for c in (auth, sign))
        assert auth_usage.digital_signature and not auth_usage.content_commitment
        assert sign_usage.content_commitment
        assert ExtendedKeyUsageOID.CLIENT_AUTH in auth.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        assert ExtendedKeyUsageOID.CLIENT_AUTH not in sign.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value


def test_identifiers_are_valid_iins_and_bins(demo_ca):
    for spec in SPECS:
        assert classify_iin_bin(spec.holder.iin) is IdentifierKind.PERSON
        if spec.holder.bin:
            assert classify_iin_bin(spec.holder.bin) is IdentifierKind.COMPANY
    assert demo_ca.pdf_signer.holder.bin == KZHK_BIN


def test_the_p12_files_open_with_the_documented_password(demo_ca):
    readme = (demo_ca.directory / "README.txt").read_text()
    assert DEMO_PASSWORD in readme and KZHK_BIN in readme
    for cert in demo_ca.certs.values():
        if cert.p12 is None:
            continue
        key, leaf, chain = pkcs12.load_key_and_certificates(cert.p12.read_bytes(), DEMO_PASSWORD.encode())
        assert key is not None and format(leaf.serial_number, "x") == cert.serial and chain
        assert cert.p12.name in readme


def test_the_crl_lists_the_revoked_certificate_only(demo_ca):
    crl = x509.load_der_x509_crl(demo_ca.intermediate_crl.read_bytes())
    revoked = {format(r.serial_number, "x") for r in crl}
    assert revoked == {demo_ca.certs["test-revoked-sign"].serial}
    assert crl.next_update_utc > dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=60)


def test_a_second_run_reuses_every_file(tmp_path):
    first = ensure_demo_ca(tmp_path / "pki")
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "pki").glob("*.p12")}
    second = ensure_demo_ca(tmp_path / "pki")
    assert {n: c.serial for n, c in first.certs.items()} == {n: c.serial for n, c in second.certs.items()}
    assert stamps == {p.name: p.stat().st_mtime_ns for p in (tmp_path / "pki").glob("*.p12")}


def test_a_crl_near_its_next_update_is_signed_again_with_the_same_entries(tmp_path):
    # given
    ca = ensure_demo_ca(tmp_path / "pki")
    manifest_path = ca.directory / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["crl_next_update"] = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=3)).isoformat()
    manifest_path.write_text(json.dumps(manifest))
    old = x509.load_der_x509_crl(ca.intermediate_crl.read_bytes())
    # when
    again = ensure_demo_ca(tmp_path / "pki")
    # then
    new = x509.load_der_x509_crl(again.intermediate_crl.read_bytes())
    number = x509.CRLNumber
    assert new.extensions.get_extension_for_class(number).value.crl_number == \
        old.extensions.get_extension_for_class(number).value.crl_number + 1
    assert {r.serial_number for r in new} == {r.serial_number for r in old}
    assert {n: c.serial for n, c in again.certs.items()} == {n: c.serial for n, c in ca.certs.items()}


def test_holder_certificates_near_their_end_are_issued_again_by_the_same_ca(tmp_path):
    ca = ensure_demo_ca(tmp_path / "pki")
    root = ca.root.read_bytes()
    manifest_path = ca.directory / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["certs"]["citizen-sign"]["not_after"] = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)).isoformat()
    manifest_path.write_text(json.dumps(manifest))
    again = ensure_demo_ca(tmp_path / "pki")
    assert again.certs["citizen-sign"].serial != ca.certs["citizen-sign"].serial
    assert again.root.read_bytes() == root
    crl = x509.load_der_x509_crl(again.intermediate_crl.read_bytes())
    assert {format(r.serial_number, "x") for r in crl} == {again.certs["test-revoked-sign"].serial}


def test_a_broken_demo_directory_is_generated_anew(tmp_path):
    ca = ensure_demo_ca(tmp_path / "pki")
    ca.certs["citizen-auth"].p12.unlink()
    again = ensure_demo_ca(tmp_path / "pki")
    assert again.certs["citizen-auth"].p12.exists()
