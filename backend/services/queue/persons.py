"""A person's registry data as an application keeps it: what the registry said at filing time, never
typed by anyone. The JSON of `QueueApplication.person` and `.representative` (camelCase keys):
{iin, surname, name, patronymic, birthDate, citizenship, document: {kind, number, issuedOn, issuer} | null,
 address: {locality, text, registeredFrom, registeredTo} | null} — `address` is the current registration."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backend.adapters.registries import PersonRecord

ADULT_AGE = 18


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def stored(record: PersonRecord) -> dict[str, Any]:
    """The stored form of a registry `PersonRecord`."""
    document = record.document
    address = record.address
    return {
        "iin": record.iin,
        "surname": record.surname,
        "name": record.name,
        "patronymic": record.patronymic or "",
        "birthDate": _iso(record.birth_date),
        "citizenship": record.citizenship.value,
        "document": None if document is None else {
            "kind": document.kind, "number": document.number, "issuedOn": _iso(document.issued_on),
            "issuer": document.issuer or "",
        },
        "address": None if address is None else {
            "locality": address.locality, "text": address.address, "registeredFrom": _iso(address.registered_from),
            "registeredTo": _iso(address.registered_to),
        },
    }


def date_of(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def full_name(person: dict[str, Any]) -> str:
    return " ".join(p for p in (person.get("surname"), person.get("name"), person.get("patronymic")) if p)


def age_on(birth_date: dt.date, day: dt.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_adult(birth_date: dt.date | None, day: dt.date) -> bool:
    # A person the registry gives no birth date is not taken for a minor.
    return birth_date is None or age_on(birth_date, day) >= ADULT_AGE
