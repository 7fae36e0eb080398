"""GOST 34.10 signatures: refused by the embedded verifier, sent to the external one when configured."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json

import httpx
import pytest

from backend.adapters.signatures import (
    CmsVerifier,
    GostExternalVerifier,
    GostRefused,
    SignatureError,
    build_signature_verifier,
)
from tests.pki import cms_factory as f

DATA = b"application digest signed on a GOST token"
URL = "http://ncanode.test/cms/verify"


def _answer(demo_ca, *, valid=True, cert_valid=True, revoked=False, not_after=None, serial=None, status=200):
    now = dt.datetime.now(dt.timezone.utc)
    cert = {
        "valid": cert_valid,
        "serialNumber": serial or demo_ca.certs["test-gost-marker"].serial,
        "notBefore": (now - dt.timedelta(days=30)).isoformat(),
        "notAfter": (not_after or now + dt.timedelta(days=300)).isoformat(),
        "keyUsage": "SIGN",
        "signAlg": "ECGOST34310-2015-512",
        "revocations": [{"revoked": revoked, "by": "OCSP"}],
        "subject": {"iin": "900515300197", "commonName": "САДЫҚОВА ӘЙГЕРІМ"},
    }
    return {"status": status, "message": "OK", "valid": valid, "signers": [{"certificates": [cert]}]}


def _verifier(verifier: CmsVerifier, handler) -> CmsVerifier:
    return CmsVerifier(lambda: verifier.trust, GostExternalVerifier(URL, "secret", transport=httpx.MockTransport(handler)))


async def test_gost_is_refused_by_the_embedded_default(demo_ca, verifier):
    assert isinstance(verifier.gost, GostRefused)
    with pytest.raises(SignatureError) as caught:
        await verifier.verify_detached(DATA, f.gost_cms(demo_ca, DATA), purpose="sign")
    assert caught.value.code == "UNSUPPORTED_ALGORITHM"
    assert caught.value.signer is not None and caught.value.signer.iin == "900515300197"


async def test_gost_goes_to_the_external_verifier_when_configured(demo_ca, verifier):
    # given
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("authorization"), json.loads(request.content)))
        return httpx.Response(200, json=_answer(demo_ca))

    cms = f.gost_cms(demo_ca, DATA)
    # when
    info = await _verifier(verifier, handler).verify_detached(DATA, cms, purpose="sign")
    # then
    assert (info.iin, info.algorithm, info.serial) == ("900515300197", "ECGOST34310-2015-512",
                                                        demo_ca.certs["test-gost-marker"].serial)
    url, auth, body = seen[0]
    assert (url, auth) == (URL, "Bearer secret")
    assert base64.b64decode(body["cms"]) == cms and base64.b64decode(body["data"]) == DATA
    assert body["revocationCheck"] == ["OCSP"]


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ({"valid": False, "revoked": True}, "CERT_REVOKED"),
        ({"valid": False, "not_after": dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)}, "CERT_EXPIRED"),
        ({"valid": False, "cert_valid": False}, "CERT_UNTRUSTED"),
        ({"valid": False}, "SIGNATURE_INVALID"),
        ({"serial": "abcdef"}, "SIGNATURE_INVALID"),  # it vouched for someone else
        ({"status": 400}, "CMS_MALFORMED"),
    ],
)
async def test_the_external_verdict_keeps_our_codes(demo_ca, verifier, answer, code):
    gost = _verifier(verifier, lambda request: httpx.Response(200, json=_answer(demo_ca, **answer)))
    with pytest.raises(SignatureError) as caught:
        await gost.verify_detached(DATA, f.gost_cms(demo_ca, DATA), purpose="sign")
    assert caught.value.code == code


async def test_an_unreachable_verifier_is_verifier_unavailable(demo_ca, verifier):
    def down(request):
        raise httpx.ConnectTimeout("timed out")

    with pytest.raises(SignatureError) as caught:
        await _verifier(verifier, down).verify_detached(DATA, f.gost_cms(demo_ca, DATA), purpose="sign")
    assert caught.value.code == "VERIFIER_UNAVAILABLE"
    gost = _verifier(verifier, lambda request: httpx.Response(502, text="Bad gateway"))
    with pytest.raises(SignatureError) as caught:
        await gost.verify_detached(DATA, f.gost_cms(demo_ca, DATA), purpose="sign")
    assert caught.value.code == "VERIFIER_UNAVAILABLE"


async def test_key_usage_is_still_ours_to_check(demo_ca, verifier):
    calls = []
    gost = _verifier(verifier, lambda request: calls.append(1) or httpx.Response(200, json=_answer(demo_ca)))
    with pytest.raises(SignatureError) as caught:
        await gost.verify_detached(DATA, f.gost_cms(demo_ca, DATA), purpose="auth")
    assert caught.value.code == "KEY_USAGE_INVALID" and calls == []


async def test_rsa_signatures_never_reach_the_external_verifier(demo_ca, verifier):
    calls = []
    gost = _verifier(verifier, lambda request: calls.append(1) or httpx.Response(500))
    info = await gost.verify_detached(DATA, f.sign(demo_ca, "citizen-sign", DATA), purpose="sign")
    assert info.iin == "900515300197" and calls == []


def test_settings_choose_the_external_verifier(settings):
    configured = dataclasses.replace(settings, eds_gost_verifier_url=URL, eds_gost_verifier_token="t")
    gost = build_signature_verifier(configured).gost
    assert isinstance(gost, GostExternalVerifier) and (gost.url, gost.token) == (URL, "t")
