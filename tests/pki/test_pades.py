"""PAdES: the portal signs its official PDFs, and anyone can check a signed document or a file with its CMS."""

from __future__ import annotations

import pytest

from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.adapters.pdf_signing import PdfSigner, verify_file, verify_pdf
from backend.adapters.signatures import SignatureError
from backend.errors import DomainError
from tests.pki import cms_factory as f


def _notice() -> bytes:
    return render_pdf(OfficialDocument(
        title="Өтінім қабылданбады",
        subtitle="Заявка отклонена",
        fields=[("Өтінім нөмірі / Номер заявки", "ҚТК-2026/000042"), ("Шарт / Договор", "Н-3-67/44-АФ")],
        paragraphs=["Ресми хабарлама. Официальное уведомление."],
    ))


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return _notice()


async def test_a_signed_pdf_verifies_with_the_kzhk_signer(rt, demo_ca, pdf):
    # when
    signed = await rt.pdf_signer.sign(pdf, reason="Ресми хабарлама", location="Астана", name="ҚТК")
    reports = await verify_pdf(rt.signatures, signed)
    # then
    assert len(reports) == 1
    report = reports[0]
    assert report.valid and report.intact and report.signature_valid and report.trusted
    assert not report.revoked and report.covers_whole_document and report.modification == "NONE"
    assert (report.reason, report.location) == ("Ресми хабарлама", "Астана")
    signer = report.signer
    assert (signer.iin, signer.bin) == ("880321400453", "080540014021")
    assert signer.serial == demo_ca.pdf_signer.serial and signer.algorithm == "RSA-SHA256"
    assert report.signing_time is not None
    assert signed.startswith(pdf)  # an incremental update: the issued bytes are untouched


async def test_a_byte_changed_after_signing_is_detected(rt, pdf):
    # given
    signed = bytearray(await rt.pdf_signer.sign(pdf, reason="Ресми хабарлама"))
    # when: one byte of the issued document changes (the creator "Shanyraq" becomes "Shanyrap")
    at = signed.index(b"/Creator (Shanyraq)") + len(b"/Creator (Shanyra")
    signed[at] ^= 0x01
    reports = await verify_pdf(rt.signatures, bytes(signed))
    # then
    assert len(reports) == 1
    assert not reports[0].intact and not reports[0].valid and reports[0].problem == "SIGNATURE_INVALID"


async def test_a_second_signature_leaves_the_first_one_covering_less_than_the_file(rt, pdf):
    once = await rt.pdf_signer.sign(pdf, reason="first")
    twice = await rt.pdf_signer.sign(once, reason="second")
    first, second = await verify_pdf(rt.signatures, twice)
    assert (first.field_name, second.field_name) == ("Signature1", "Signature2")
    assert first.valid and not first.covers_whole_document
    assert second.valid and second.covers_whole_document


async def test_an_unsigned_pdf_has_no_signatures_and_garbage_is_unreadable(rt, pdf):
    assert await verify_pdf(rt.signatures, pdf) == []
    with pytest.raises(DomainError) as caught:
        await verify_pdf(rt.signatures, b"%PDF-1.7 this is not a pdf")
    assert caught.value.code == "PDF_UNREADABLE"


async def test_a_pdf_signed_with_an_expired_certificate_is_intact_but_not_trusted(rt, demo_ca, pdf):
    expired = demo_ca.certs["test-expired-sign"]
    signer = PdfSigner(expired.p12.read_bytes(), expired.password)
    report, = await verify_pdf(rt.signatures, await signer.sign(pdf, reason="old key"))
    assert report.intact and report.signature_valid
    assert not report.trusted and report.problem == "CERT_EXPIRED"


async def test_a_pdf_signed_with_a_revoked_certificate_says_revoked(rt, demo_ca, pdf):
    revoked = demo_ca.certs["test-revoked-sign"]
    report, = await verify_pdf(rt.signatures, await PdfSigner(revoked.p12.read_bytes(), revoked.password).sign(pdf, reason="x"))
    assert report.revoked and report.problem == "CERT_REVOKED"


async def test_a_file_and_its_detached_cms_verify(rt, demo_ca, pdf):
    cms = f.sign(demo_ca, "bayterek-director-sign", pdf)
    check, = await verify_file(rt.signatures, pdf, cms)
    assert check.valid and check.signer.bin == "040640406657"
    bad, = await verify_file(rt.signatures, pdf + b"\n", cms)
    assert not bad.valid and bad.code == "SIGNATURE_INVALID" and bad.signer.bin == "040640406657"


async def test_an_attached_cms_carries_its_file(rt, demo_ca, pdf):
    cms = f.sign(demo_ca, "citizen-sign", pdf, detached=False)
    check, = await verify_file(rt.signatures, None, cms)
    assert check.valid and check.signer.iin == "900515300197"
    with pytest.raises(SignatureError) as caught:
        await verify_file(rt.signatures, None, f.sign(demo_ca, "citizen-sign", pdf))
    assert caught.value.code == "CMS_MALFORMED"


async def test_a_co_signed_file_reports_each_signer(rt, demo_ca, pdf):
    a, b = f.key_pair(demo_ca, "citizen-sign"), f.key_pair(demo_ca, "test-untrusted-sign")
    cms = f.assemble([f.signer_info(a, pdf), f.signer_info(b, pdf)], [a.asn1, b.asn1])
    checks = await verify_file(rt.signatures, pdf, cms)
    # SignerInfos are a DER SET OF: their order is the encoding's, not the signing order
    assert {c.signer.serial: c.code for c in checks} == {
        demo_ca.certs["citizen-sign"].serial: None, demo_ca.certs["test-untrusted-sign"].serial: "CERT_UNTRUSTED"}


async def test_a_large_upload_is_checked_by_its_sha256_without_reading_it_again(rt, demo_ca, pdf):
    import hashlib

    from backend.adapters.signatures import ContentDigest

    cms = f.sign(demo_ca, "citizen-sign", pdf)
    check, = await verify_file(rt.signatures, ContentDigest("sha256", hashlib.sha256(pdf).digest()), cms)
    assert check.valid and check.signer.iin == "900515300197"
    other, = await verify_file(rt.signatures, ContentDigest("sha256", hashlib.sha256(b"other").digest()), cms)
    assert other.code == "SIGNATURE_INVALID"
    sha384 = f.sign(demo_ca, "citizen-sign", pdf, digest="sha384")
    unknown, = await verify_file(rt.signatures, ContentDigest("sha256", hashlib.sha256(pdf).digest()), sha384)
    assert unknown.code == "UNSUPPORTED_ALGORITHM"
