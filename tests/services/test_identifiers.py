"""IIN/BIN checksum and kind, phone and email normalization."""

from __future__ import annotations

import pytest

from backend.auth.identifiers import IdentifierKind, classify_iin_bin, iin_bin_checksum_ok, normalize_email, normalize_phone
from backend.errors import DomainError


@pytest.mark.parametrize("value", ["900515300197", "850614301092", "040640406657", "120540049966"])
def test_valid_checksums(value):
    assert iin_bin_checksum_ok(value)


@pytest.mark.parametrize("value", ["900515300198", "12345678901", "1234567890123", "90051530019a", "", "９００５１５３００１９７"])
def test_invalid_checksums_and_shapes(value):
    assert not iin_bin_checksum_ok(value)


def test_the_second_weight_set_is_used_when_the_first_gives_ten():
    # 11 digits whose first weighted sum is 10 mod 11: the check digit comes from weights 3..11,1,2
    for n in range(100000):
        prefix = f"9001013{n:04d}"
        first = sum(int(c) * w for c, w in zip(prefix, range(1, 12))) % 11
        if first == 10:
            second = sum(int(c) * w for c, w in zip(prefix, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))) % 11
            if second != 10:
                assert iin_bin_checksum_ok(prefix + str(second))
                assert not iin_bin_checksum_ok(prefix + str((second + 1) % 10))
                return
    pytest.fail("no example found")


def test_a_double_ten_is_invalid_whatever_the_last_digit():
    for n in range(100000):
        prefix = f"9001013{n:04d}"
        first = sum(int(c) * w for c, w in zip(prefix, range(1, 12))) % 11
        second = sum(int(c) * w for c, w in zip(prefix, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))) % 11
        if first == 10 and second == 10:
            assert not any(iin_bin_checksum_ok(prefix + d) for d in "0123456789")
            return
    pytest.fail("no example found")


def test_a_person_and_a_company_are_told_apart():
    assert classify_iin_bin("900515300197") is IdentifierKind.PERSON
    assert classify_iin_bin("040640406657") is IdentifierKind.COMPANY


def test_an_impossible_birth_date_is_not_an_iin():
    # 1990-02-30 with a correct check digit
    from tests.helpers import valid_iin

    with pytest.raises(DomainError) as err:
        classify_iin_bin(valid_iin("90023030019"))
    assert err.value.code == "INVALID_IIN_BIN"


@pytest.mark.parametrize("raw,expected", [("8 701 234 5678", "+77012345678"), ("+7 (707) 111-22-33", "+77071112233"), ("87471234567", "+77471234567")])
def test_phones_are_stored_in_e164(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw,code", [("+7 727 250 1234", "NOT_A_MOBILE_PHONE"), ("123", "INVALID_PHONE"), ("", "INVALID_PHONE"), ("+7" + "1" * 40, "INVALID_PHONE")])
def test_bad_phones(raw, code):
    with pytest.raises(DomainError) as err:
        normalize_phone(raw)
    assert err.value.code == code


def test_emails_are_lower_cased_and_validated():
    assert normalize_email(" Aigerim.K@Mail.KZ ") == "aigerim.k@mail.kz"
    for bad in ("no-at", "a@", "@b.kz", "a b@c.kz"):
        with pytest.raises(DomainError):
            normalize_email(bad)
