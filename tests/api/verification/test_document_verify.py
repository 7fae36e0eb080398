"""Verify a document: anyone checks a signed PDF, or a file with its CMS."""

from __future__ import annotations

import base64

import pytest

from backend.adapters.pdf import OfficialDocument, render_pdf
from backend.pki.demo_ca import ensure_demo_ca
from tests.pki.cms_factory import sign

VERIFY = """mutation($i: DocumentVerifyInput!) { documentVerify(input: $i) {
  kind sha256 signatures { signerName iin bin intact trusted valid problem coversWholeDocument } errors { field code } } }"""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture
def demo_ca(settings):
    return ensure_demo_ca(settings.var_dir / "pki")


@pytest.fixture
async def signed_pdf(rt):
    return await rt.pdf_signer.sign(render_pdf(OfficialDocument(title="Хабарлама", fields=[("Өтінім", "KZH-1")])), reason="test")


async def test_a_signed_pdf_shows_kzhk_as_the_signer(anon, signed_pdf):
    body = await anon.data(VERIFY, {"i": {"file": b64(signed_pdf)}})
    payload = body["documentVerify"]
    assert payload["errors"] == [] and payload["kind"] == "pdf"
    [signature] = payload["signatures"]
    assert signature["valid"] and signature["intact"] and signature["trusted"] and signature["coversWholeDocument"]
    assert signature["iin"] == "880321400453" and signature["bin"] == "080540014021"


async def test_a_changed_byte_is_detected(anon, signed_pdf):
    index = signed_pdf.index(b"KZH") if b"KZH" in signed_pdf else len(signed_pdf) // 3
    tampered = bytearray(signed_pdf)
    tampered[index // 2] ^= 0x01
    body = await anon.data(VERIFY, {"i": {"file": b64(bytes(tampered))}})
    payload = body["documentVerify"]
    assert payload["errors"] or not payload["signatures"][0]["valid"]


async def test_an_unsigned_pdf_has_no_signatures(anon):
    body = await anon.data(VERIFY, {"i": {"file": b64(render_pdf(OfficialDocument(title="x")))}})
    assert body["documentVerify"]["errors"] == [{"field": "file", "code": "NO_SIGNATURES"}]


async def test_a_file_and_its_cms(anon, demo_ca):
    content = b"any file at all"
    cms = sign(demo_ca, "bayterek-director-sign", content)
    ok = (await anon.data(VERIFY, {"i": {"file": b64(content), "cms": b64(cms)}}))["documentVerify"]
    assert ok["kind"] == "detached" and ok["signatures"][0]["valid"] and ok["signatures"][0]["bin"] == "040640406657"
    changed = (await anon.data(VERIFY, {"i": {"file": b64(content + b"!"), "cms": b64(cms)}}))["documentVerify"]
    assert changed["signatures"][0]["valid"] is False and changed["signatures"][0]["problem"] == "SIGNATURE_INVALID"


async def test_a_revoked_certificate_is_named(anon, demo_ca):
    content = b"x"
    body = await anon.data(VERIFY, {"i": {"file": b64(content), "cms": b64(sign(demo_ca, "test-revoked-sign", content))}})
    assert body["documentVerify"]["signatures"][0]["problem"] == "CERT_REVOKED"


@pytest.mark.parametrize("file,code", [("!!!", "INVALID_BASE64"), (b64(b"plain text"), "NOT_A_PDF")])
async def test_bad_input_is_a_clear_error(anon, file, code):
    body = await anon.data(VERIFY, {"i": {"file": file}})
    assert body["documentVerify"]["errors"][0]["code"] == code
