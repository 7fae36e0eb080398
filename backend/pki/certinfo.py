"""What a certificate says about its holder, read the way NCA certificates are laid out.

NCA profile: a person's subject is `CN=<SURNAME NAME>, SURNAME=<SURNAME>, SERIALNUMBER=IIN<12 digits>,
C=KZ, G=<patronymic>` (NCA puts the patronymic in givenName); an employee's certificate adds
`O=<company>` and `OU=BIN<12 digits>`. The holder's role sits in extendedKeyUsage (1.2.398.3.3.4.*).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from asn1crypto import pem, x509

# Extended key usages of NCA certificates: who holds the key (order 20 of the Ministry, 2020).
KEY_USERS = {
    "1.2.398.3.3.4.1.1": "INDIVIDUAL",
    "1.2.398.3.3.4.1.2": "ORGANIZATION",
    "1.2.398.3.3.4.1.2.1": "CEO",
    "1.2.398.3.3.4.1.2.2": "CAN_SIGN",
    "1.2.398.3.3.4.1.2.3": "CAN_SIGN_FINANCIAL",
    "1.2.398.3.3.4.1.2.4": "HR",
    "1.2.398.3.3.4.1.2.5": "EMPLOYEE",
}
KEY_USER_OIDS = {name: oid for oid, name in KEY_USERS.items()}
EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2"
EKU_EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4"


@dataclass(frozen=True)
class SignerInfo:
    """The verified signer of a CMS: who, with which certificate, when."""

    name: str
    iin: str | None
    bin: str | None
    organization: str | None
    serial: str  # lower-case hex, no leading zeros, as NCA and most tools print it
    issuer: str
    subject: str
    not_before: dt.datetime
    not_after: dt.datetime
    signing_time: dt.datetime | None
    algorithm: str
    certificate_pem: str
    key_users: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("not_before", "not_after", "signing_time"):
            data[key] = data[key].isoformat() if data[key] else None
        data["key_users"] = list(self.key_users)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SignerInfo":
        values = dict(data)
        for key in ("not_before", "not_after", "signing_time"):
            values[key] = dt.datetime.fromisoformat(values[key]) if values.get(key) else None
        values["key_users"] = tuple(values.get("key_users") or ())
        return cls(**{k: values.get(k) for k in cls.__dataclass_fields__})


def _first(native: dict[str, Any], key: str) -> str | None:
    value = native.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value else None


def _all(native: dict[str, Any], key: str) -> list[str]:
    value = native.get(key)
    if value is None:
        return []
    return [str(v).strip() for v in (value if isinstance(value, list) else [value])]


def _digits_after(value: str | None, prefix: str) -> str | None:
    if value and value.upper().startswith(prefix):
        rest = value[len(prefix):]
        if len(rest) == 12 and rest.isascii() and rest.isdigit():
            return rest
    return None


def subject_ids(name: x509.Name) -> tuple[str | None, str | None]:
    """(IIN, BIN) of a subject; either may be absent."""
    native = name.native
    iin = bin_ = None
    for serial in _all(native, "serial_number"):
        iin = iin or _digits_after(serial, "IIN")
        # Certificates of a company's information system carry the BIN as serialNumber.
        bin_ = bin_ or _digits_after(serial, "BIN")
    for unit in _all(native, "organizational_unit_name"):
        bin_ = bin_ or _digits_after(unit, "BIN")
    return iin, bin_


_LABELS = {
    "common_name": "CN", "surname": "SURNAME", "serial_number": "SERIALNUMBER", "country_name": "C",
    "organization_name": "O", "organizational_unit_name": "OU", "given_name": "G", "email_address": "E",
    "locality_name": "L", "state_or_province_name": "S", "title": "T",
}


def readable_name(name: x509.Name) -> str:
    """The subject in the order it was issued, labelled the way NCA tools print it (CN=…, SERIALNUMBER=…)."""
    parts = []
    for rdn in name.chosen:
        for attr in rdn:
            kind = attr["type"].native
            parts.append(f"{_LABELS.get(kind, attr['type'].dotted)}={attr['value'].native}")
    return ", ".join(parts)


def short_name(name: x509.Name) -> str:
    native = name.native
    return _first(native, "common_name") or _first(native, "organization_name") or name.human_friendly


def key_users(cert: x509.Certificate) -> tuple[str, ...]:
    purposes = cert.extended_key_usage_value
    if purposes is None:
        return ()
    return tuple(KEY_USERS[p.dotted] for p in purposes if p.dotted in KEY_USERS)


def serial_hex(cert: x509.Certificate) -> str:
    return format(cert.serial_number, "x")


def to_pem(cert: x509.Certificate) -> str:
    return pem.armor("CERTIFICATE", cert.dump()).decode("ascii")


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def describe(cert: x509.Certificate, *, signing_time: dt.datetime | None, algorithm: str) -> SignerInfo:
    subject = cert.subject
    iin, bin_ = subject_ids(subject)
    validity = cert["tbs_certificate"]["validity"]
    return SignerInfo(
        name=short_name(subject),
        iin=iin,
        bin=bin_,
        organization=_first(subject.native, "organization_name"),
        serial=serial_hex(cert),
        issuer=short_name(cert.issuer),
        subject=readable_name(subject),
        not_before=_aware(validity["not_before"].native),
        not_after=_aware(validity["not_after"].native),
        signing_time=signing_time,
        algorithm=algorithm,
        certificate_pem=to_pem(cert),
        key_users=key_users(cert),
    )
