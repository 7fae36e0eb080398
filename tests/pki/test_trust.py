"""Trust roots, intermediates and revocation lists: from files, from HTTP with a cache, and refused
when missing, stale or forged."""

from __future__ import annotations

import dataclasses
import datetime as dt

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from backend.adapters.signatures import CmsVerifier, SignatureError, build_signature_verifier
from backend.pki.crls import CrlSource
from backend.pki.trust import TrustStore, load_certificates
from backend.settings import Settings
from tests.pki import cms_factory as f

DATA = b"canonical application digest"
CRL_URL = "http://crl.test/nca_rsa.crl"


def _store(demo_ca, crls: CrlSource, revocation: str = "require") -> CmsVerifier:
    return CmsVerifier(TrustStore(load_certificates(demo_ca.trust_roots), load_certificates(demo_ca.intermediates),
                                  crls, revocation))


def _crl(demo_ca, *, next_update: dt.timedelta, signer: str = "intermediate", revoked: bool = True) -> bytes:
    issuer = x509.load_pem_x509_certificate(demo_ca.intermediate.read_bytes())
    key_file = "intermediate-ca.key.pem" if signer == "intermediate" else "untrusted-root-ca.key.pem"
    key = serialization.load_pem_private_key((demo_ca.directory / "private" / key_file).read_bytes(), None)
    now = dt.datetime.now(dt.timezone.utc)
    builder = (x509.CertificateRevocationListBuilder().issuer_name(issuer.subject)
               .last_update(now - dt.timedelta(days=2)).next_update(now + next_update))
    if revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(int(demo_ca.certs["test-revoked-sign"].serial, 16))
            .revocation_date(now - dt.timedelta(days=1)).build())
    return builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


async def _code(verifier, demo_ca, name: str) -> str | None:
    try:
        await verifier.verify_detached(DATA, f.sign(demo_ca, name, DATA), purpose="sign")
    except SignatureError as exc:
        return exc.code
    return None


async def test_without_any_crl_a_signature_is_refused_as_crl_unavailable(demo_ca):
    verifier = _store(demo_ca, CrlSource())
    assert await _code(verifier, demo_ca, "citizen-sign") == "CRL_UNAVAILABLE"


async def test_without_the_root_crl_the_intermediate_that_declares_it_cannot_be_checked(demo_ca):
    verifier = _store(demo_ca, CrlSource((demo_ca.intermediate_crl,)))
    assert await _code(verifier, demo_ca, "citizen-sign") == "CRL_UNAVAILABLE"


async def test_soft_revocation_checking_accepts_a_missing_crl_and_none_skips_it(demo_ca):
    assert await _code(_store(demo_ca, CrlSource(), "soft"), demo_ca, "citizen-sign") is None
    assert await _code(_store(demo_ca, CrlSource(), "none"), demo_ca, "test-revoked-sign") is None


async def test_a_crl_is_fetched_over_http_once_and_reused(demo_ca, tmp_path):
    # given
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(200, content=_crl(demo_ca, next_update=dt.timedelta(days=1)))

    crls = CrlSource((demo_ca.root_crl,), (CRL_URL,), cache_dir=tmp_path, transport=httpx.MockTransport(handler))
    verifier = _store(demo_ca, crls)
    # when
    revoked = await _code(verifier, demo_ca, "test-revoked-sign")
    valid = await _code(verifier, demo_ca, "citizen-sign")
    # then
    assert (revoked, valid) == ("CERT_REVOKED", None)
    assert calls == [CRL_URL]


async def test_a_crl_fetched_before_serves_from_the_disk_cache_when_the_server_is_down(demo_ca, tmp_path):
    ok = httpx.MockTransport(lambda r: httpx.Response(200, content=_crl(demo_ca, next_update=dt.timedelta(days=1))))
    down = httpx.MockTransport(lambda r: httpx.Response(503))
    first = _store(demo_ca, CrlSource((demo_ca.root_crl,), (CRL_URL,), cache_dir=tmp_path, transport=ok))
    assert await _code(first, demo_ca, "citizen-sign") is None
    # a restarted server: nothing in memory, the CRL host is down
    later = _store(demo_ca, CrlSource((demo_ca.root_crl,), (CRL_URL,), cache_dir=tmp_path, transport=down))
    assert await _code(later, demo_ca, "test-revoked-sign") == "CERT_REVOKED"


async def test_an_unreachable_crl_never_fetched_is_crl_unavailable(demo_ca, tmp_path):
    def fail(request):
        raise httpx.ConnectError("no route to host")

    crls = CrlSource((demo_ca.root_crl,), (CRL_URL,), cache_dir=tmp_path, transport=httpx.MockTransport(fail))
    assert await _code(_store(demo_ca, crls), demo_ca, "citizen-sign") == "CRL_UNAVAILABLE"


async def test_a_stale_crl_is_crl_unavailable(demo_ca, tmp_path):
    stale = tmp_path / "stale.crl"
    stale.write_bytes(_crl(demo_ca, next_update=-dt.timedelta(hours=1)))
    verifier = _store(demo_ca, CrlSource((stale, demo_ca.root_crl)))
    assert await _code(verifier, demo_ca, "citizen-sign") == "CRL_UNAVAILABLE"


async def test_a_crl_forged_by_another_key_cannot_clear_a_revoked_certificate(demo_ca, tmp_path):
    forged = tmp_path / "forged.crl"
    forged.write_bytes(_crl(demo_ca, next_update=dt.timedelta(days=1), signer="untrusted", revoked=False))
    verifier = _store(demo_ca, CrlSource((forged, demo_ca.root_crl)))
    assert await _code(verifier, demo_ca, "test-revoked-sign") == "CRL_UNAVAILABLE"


async def test_no_trust_roots_trusts_nothing(demo_ca):
    verifier = CmsVerifier(TrustStore([], [], CrlSource()))
    assert await _code(verifier, demo_ca, "citizen-sign") == "CERT_UNTRUSTED"


async def test_configured_roots_replace_the_demo_root(demo_ca, settings):
    # given: a deployment that trusts only the other root
    configured = dataclasses.replace(settings, eds_trust_roots=(str(demo_ca.untrusted_root),), eds_revocation="none")
    verifier = build_signature_verifier(configured)
    # then
    assert await _code(verifier, demo_ca, "test-untrusted-sign") is None
    assert await _code(verifier, demo_ca, "citizen-sign") == "CERT_UNTRUSTED"


def test_production_without_roots_trusts_nothing_rather_than_the_demo(settings):
    production = dataclasses.replace(settings, env="production")
    assert build_signature_verifier(production).trust.roots == []


def test_eds_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    monkeypatch.setenv("EDS_TRUST_ROOTS", "/etc/nca/root_rsa.pem, /etc/nca/root_gost.pem")
    monkeypatch.setenv("EDS_CRL_URLS", "http://crl.pki.gov.kz/nca_rsa.crl")
    monkeypatch.setenv("EDS_REVOCATION", "soft")
    monkeypatch.setenv("EDS_CHALLENGE_TTL_SECONDS", "60")
    monkeypatch.setenv("EDS_GOST_VERIFIER_URL", "http://ncanode:14579/cms/verify")
    settings = Settings.from_env()
    assert settings.eds_trust_roots == ("/etc/nca/root_rsa.pem", "/etc/nca/root_gost.pem")
    assert settings.eds_crl_urls == ("http://crl.pki.gov.kz/nca_rsa.crl",)
    assert (settings.eds_revocation, settings.eds_challenge_ttl_seconds) == ("soft", 60)
    assert settings.eds_gost_verifier_url.endswith("/cms/verify")
    monkeypatch.setenv("EDS_REVOCATION", "sometimes")
    with pytest.raises(RuntimeError):
        Settings.from_env()
