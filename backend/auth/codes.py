"""One-time code values: random from `secrets`, compared through a keyed hash only."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_code(length: int) -> str:
    return f"{secrets.randbelow(10**length):0{length}d}"


def code_hash(secret_key: str, purpose: str, target: str, code: str) -> str:
    # Keyed so that a leaked table cannot be brute-forced offline over the tiny code space.
    message = f"{purpose}\x00{target}\x00{code}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()


def codes_equal(expected_hash: str, secret_key: str, purpose: str, target: str, code: str) -> bool:
    return hmac.compare_digest(expected_hash, code_hash(secret_key, purpose, target, code))
