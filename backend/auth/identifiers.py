"""Kazakh IIN/BIN, phone numbers and emails: validation and the canonical form we store."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from backend.errors import DomainError

_WEIGHTS_1 = tuple(range(1, 12))
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


class IdentifierKind(str, Enum):
    PERSON = "person"
    COMPANY = "company"


def iin_bin_checksum_ok(value: str) -> bool:
    """The national checksum: weights 1..11 mod 11, falling back to 3..11,1,2; a second 10 is invalid."""
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    check = sum(d * w for d, w in zip(digits, _WEIGHTS_1)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, _WEIGHTS_2)) % 11
        if check == 10:
            return False
    return check == digits[11]


def _iin_birth_date(value: str) -> dt.date | None:
    century_digit = int(value[6])
    centuries = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}
    base = centuries.get(century_digit)
    if base is None:
        return None
    try:
        return dt.date(base + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None


def classify_iin_bin(value: str) -> IdentifierKind:
    """Tells a person's IIN from a company's BIN; raises INVALID_IIN_BIN when neither holds.

    An IIN starts with the birth date (YYMMDD) and a century/sex digit; a BIN with YYMM and an
    entity-type digit 4, 5 or 6 where an IIN has the tens of the day (0..3).
    """
    value = (value or "").strip()
    if not iin_bin_checksum_ok(value):
        raise DomainError("INVALID_IIN_BIN", field="iinBin")
    fifth = int(value[4])
    if fifth <= 3:
        if _iin_birth_date(value) is None:
            raise DomainError("INVALID_IIN_BIN", field="iinBin")
        return IdentifierKind.PERSON
    if fifth in (4, 5, 6) and 1 <= int(value[2:4]) <= 12 and int(value[5]) <= 3:
        return IdentifierKind.COMPANY
    raise DomainError("INVALID_IIN_BIN", field="iinBin")


def normalize_phone(raw: str, field: str = "phone") -> str:
    """Returns the number in E.164; Kazakhstan is the default region for national formats."""
    raw = (raw or "").strip()
    if not raw or len(raw) > 32:
        raise DomainError("INVALID_PHONE", field=field)
    try:
        number = phonenumbers.parse(raw, "KZ")
    except phonenumbers.NumberParseException:
        raise DomainError("INVALID_PHONE", field=field) from None
    if not phonenumbers.is_valid_number(number):
        raise DomainError("INVALID_PHONE", field=field)
    kind = phonenumbers.number_type(number)
    if kind not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise DomainError("NOT_A_MOBILE_PHONE", field=field)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(raw: str, field: str = "email") -> str:
    raw = (raw or "").strip()
    if not raw or len(raw) > 254:
        raise DomainError("INVALID_EMAIL", field=field)
    try:
        info = validate_email(raw, check_deliverability=False)
    except EmailNotValidError:
        raise DomainError("INVALID_EMAIL", field=field) from None
    # Domain parts are case-insensitive; local parts are lowered too because people type them so.
    return info.normalized.lower()


def looks_like_email(value: str) -> bool:
    return "@" in value
