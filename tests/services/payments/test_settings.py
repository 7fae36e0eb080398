"""PAYMENTS settings: the sandbox is for development; a real acquirer needs its URL, merchant, secret."""

from __future__ import annotations

import pytest

from backend.adapters.payments import HttpAcquirer, SandboxAcquirer, build_acquirer, sandbox_secret
from backend.settings import Settings

PRODUCTION = {"SHANYRAQ_ENV": "production", "SECRET_KEY": "k" * 48, "MESSAGING": "http", "REGISTRY_URL": "https://reg.example.kz"}
ACQUIRER = {"PAYMENTS": "http", "PAYMENTS_URL": "https://api.acquirer.example.kz/", "PAYMENTS_MERCHANT_ID": "M1",
            "PAYMENTS_SECRET": "s3cret", "PUBLIC_URL": "https://shanyraq.kz"}


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    for name in ("PAYMENTS", "PAYMENTS_URL", "PAYMENTS_MERCHANT_ID", "PAYMENTS_SECRET", "PUBLIC_URL", "SHANYRAQ_ENV", "SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)

    def apply(values: dict[str, str]) -> None:
        for k, v in values.items():
            monkeypatch.setenv(k, v)

    return apply


def test_development_uses_the_sandbox_with_a_secret_derived_from_secret_key(env):
    env({"SECRET_KEY": "a" * 48})
    settings = Settings.from_env()
    acquirer = build_acquirer(settings)
    assert isinstance(acquirer, SandboxAcquirer) and acquirer.secret == sandbox_secret(settings)
    assert acquirer.secret != settings.secret_key and len(acquirer.secret) == 64
    env({"PAYMENTS_SECRET": "given"})
    assert build_acquirer(Settings.from_env()).secret == "given"


def test_production_refuses_the_sandbox(env):
    env(PRODUCTION)
    with pytest.raises(RuntimeError, match="PAYMENTS=sandbox is for development"):
        Settings.from_env()


def test_production_starts_with_a_configured_acquirer(env):
    env({**PRODUCTION, **ACQUIRER})
    settings = Settings.from_env()
    acquirer = build_acquirer(settings)
    assert isinstance(acquirer, HttpAcquirer) and settings.payments_url == "https://api.acquirer.example.kz"
    assert acquirer.callback_url == "https://shanyraq.kz/payments/webhook/http"


@pytest.mark.parametrize("missing", ["PAYMENTS_URL", "PAYMENTS_MERCHANT_ID", "PAYMENTS_SECRET", "PUBLIC_URL"])
def test_an_http_acquirer_needs_every_setting(env, monkeypatch, missing):
    env(ACQUIRER)
    monkeypatch.delenv(missing)
    with pytest.raises(RuntimeError, match="PAYMENTS=http needs"):
        Settings.from_env()


def test_an_unknown_acquirer_kind_is_refused(env):
    env({"PAYMENTS": "stripe"})
    with pytest.raises(RuntimeError, match="PAYMENTS must be"):
        Settings.from_env()
