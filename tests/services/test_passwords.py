"""The password policy of seed 000 and beyond, in one place."""

from __future__ import annotations

import pytest

from backend.auth.passwords import check_password, hash_password, verify_password


def test_a_good_password_passes():
    assert check_password("Almaty-Shanyraq-2026", "Almaty-Shanyraq-2026") == []


@pytest.mark.parametrize(
    "password,rule",
    [
        ("Aa1!aaa", "PASSWORD_TOO_SHORT"),
        ("AAAA1111!!!!", "PASSWORD_NO_LOWERCASE"),
        ("aaaa1111!!!!", "PASSWORD_NO_UPPERCASE"),
        ("AAAAaaaa!!!!", "PASSWORD_NO_DIGIT"),
        ("AAAAaaaa1111", "PASSWORD_NO_SYMBOL"),
        ("Password1!", "PASSWORD_COMMON"),
        ("Qwerty123!", "PASSWORD_COMMON"),
        ("A1!" + "a" * 300, "PASSWORD_TOO_LONG"),
    ],
)
def test_each_rule(password, rule):
    assert rule in check_password(password)


def test_entries_must_be_equal():
    assert check_password("Almaty-Shanyraq-2026", "Almaty-Shanyraq-2025") == ["PASSWORD_MISMATCH"]


def test_any_unicode_counts_kazakh_letters_included():
    assert check_password("Тұрғын-Үй-2026") == []
    assert "PASSWORD_NO_UPPERCASE" in check_password("тұрғын-үй-2026")


def test_long_passwords_up_to_the_limit_are_fine():
    password = "Aa1!" + "қ" * 124
    assert len(password) == 128 and check_password(password) == []
    assert verify_password(hash_password(password), password)


def test_personal_data_is_refused():
    assert check_password("Xx!900515300197", personal=("900515300197",)) == ["PASSWORD_CONTAINS_PERSONAL_DATA"]


def test_hashes_are_argon2id_and_verify():
    stored = hash_password("Almaty-Shanyraq-2026")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "Almaty-Shanyraq-2026")
    assert not verify_password(stored, "almaty-shanyraq-2026")
    assert not verify_password(None, "anything")


def test_composed_and_decomposed_unicode_are_the_same_password():
    composed, decomposed = "Жаңа-Үй-2026й", "Жаңа-Үй-2026и\u0306"
    assert verify_password(hash_password(composed), decomposed)
