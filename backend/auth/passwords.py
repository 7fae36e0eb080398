"""The password policy (seed 000 plus a blocklist) and argon2id hashing; the only place for both."""

from __future__ import annotations

import asyncio
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 256

# argon2id with the RFC 9106 low-memory profile (64 MiB, t=3): slow for an attacker, fine for a login.
# The test suite may ask for a cheaper argon2id so that hundreds of sign-ins stay quick.
_hasher = (
    PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    if os.environ.get("SHANYRAQ_TEST_FAST_HASH") == "1"
    else PasswordHasher()
)
_DUMMY_HASH = _hasher.hash("dummy password used to spend the same time on unknown accounts")


@dataclass(frozen=True)
class PasswordRule:
    code: str
    description: str


RULES: tuple[PasswordRule, ...] = (
    PasswordRule("PASSWORD_TOO_SHORT", f"At least {MIN_LENGTH} characters"),
    PasswordRule("PASSWORD_TOO_LONG", f"At most {MAX_LENGTH} characters"),
    PasswordRule("PASSWORD_NO_LOWERCASE", "At least one lowercase letter"),
    PasswordRule("PASSWORD_NO_UPPERCASE", "At least one uppercase letter"),
    PasswordRule("PASSWORD_NO_DIGIT", "At least one digit"),
    PasswordRule("PASSWORD_NO_SYMBOL", "At least one symbol (not a letter or digit)"),
    PasswordRule("PASSWORD_COMMON", "Not a commonly used password"),
    PasswordRule("PASSWORD_CONTAINS_PERSONAL_DATA", "Does not contain your IIN/BIN, phone or email name"),
    PasswordRule("PASSWORD_MISMATCH", "Both entries are equal"),
)


@lru_cache(maxsize=1)
def _blocklist() -> frozenset[str]:
    # zxcvbn ships the 30,000 most common leaked passwords; a maintained list beats our own.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


_DECORATION = re.compile(r"[\d\W_]+$|^[\d\W_]+", re.UNICODE)


def _is_common(password: str) -> bool:
    lowered = password.lower()
    if lowered in _blocklist():
        return True
    # "Password1!" is "password" dressed up to pass the character-class rules.
    core = _DECORATION.sub("", _DECORATION.sub("", lowered))
    return len(core) >= 4 and core in _blocklist() and len(core) >= len(lowered) - 4


def check_password(password: str, confirmation: str | None = None, personal: tuple[str, ...] = ()) -> list[str]:
    """Returns the codes of the rules the password breaks, in the order of RULES; empty when fine."""
    password = unicodedata.normalize("NFC", password or "")
    broken: list[str] = []
    if len(password) < MIN_LENGTH:
        broken.append("PASSWORD_TOO_SHORT")
    if len(password) > MAX_LENGTH:
        broken.append("PASSWORD_TOO_LONG")
    if not any(c.islower() for c in password):
        broken.append("PASSWORD_NO_LOWERCASE")
    if not any(c.isupper() for c in password):
        broken.append("PASSWORD_NO_UPPERCASE")
    if not any(c.isdigit() for c in password):
        broken.append("PASSWORD_NO_DIGIT")
    if not any(not c.isalnum() for c in password):
        broken.append("PASSWORD_NO_SYMBOL")
    if password and _is_common(password):
        broken.append("PASSWORD_COMMON")
    lowered = password.lower()
    if any(item and len(item) >= 4 and item.lower() in lowered for item in personal):
        broken.append("PASSWORD_CONTAINS_PERSONAL_DATA")
    if confirmation is not None and unicodedata.normalize("NFC", confirmation) != password:
        broken.append("PASSWORD_MISMATCH")
    return broken


def hash_password(password: str) -> str:
    return _hasher.hash(unicodedata.normalize("NFC", password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Constant work whether or not an account (or its password) exists."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, unicodedata.normalize("NFC", password)) and bool(stored_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


async def hash_password_async(password: str) -> str:
    """argon2id takes ~0.1 s of CPU by design: off the event loop, so other requests keep moving."""
    return await asyncio.to_thread(hash_password, password)


async def verify_password_async(stored_hash: str | None, password: str) -> bool:
    return await asyncio.to_thread(verify_password, stored_hash, password)
