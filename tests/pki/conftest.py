"""The demo CA of the test run (generated once into the session's VAR_DIR, as `make run` does)."""

from __future__ import annotations

import pytest

from backend.pki.demo_ca import DemoCa, ensure_demo_ca


@pytest.fixture(scope="session")
def demo_ca(settings) -> DemoCa:
    return ensure_demo_ca(settings.var_dir / "pki")


@pytest.fixture
def verifier(rt):
    return rt.signatures
