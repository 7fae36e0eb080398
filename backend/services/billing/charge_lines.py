"""One line of a month's charges as a company's billing sends it (GraphQL ChargeLineInput or a
CSV row), checked field by field. Errors name the line (1-based, the CSV's data rows), the
account number and the input field (camelCase), with a stable code."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from backend.models.billing import ReceiptSection
from backend.services.billing.receipts import line_total

# snake_case, as in the CSV header; camelCase in GraphQL and in errors' `field`.
FIELDS = (
    "account_number", "receipt_number", "section", "service", "unit", "volume", "tariff", "charged",
    "recalculation", "benefits", "debt_advance", "total", "paid_in_period",
)
REQUIRED = ("account_number", "section", "service", "charged")
LENGTHS = {"account_number": 30, "receipt_number": 30, "service": 200, "unit": 20}
# (decimal places, digits before the point, may be negative)
NUMBERS = {
    "volume": (6, 12, False),
    "tariff": (4, 10, False),
    "charged": (2, 12, False),
    "recalculation": (2, 12, True),  # a recalculation may give money back
    "benefits": (2, 12, False),
    "debt_advance": (2, 12, True),  # negative: an advance from earlier months
    "total": (2, 12, True),
    "paid_in_period": (2, 12, False),
}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
ZERO = Decimal(0)


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


@dataclass(frozen=True)
class LineError:
    line: int
    account_number: str
    field: str | None
    code: str
    message: str
    params: dict | None = None

    def as_dict(self) -> dict:
        item = {"line": self.line, "accountNumber": self.account_number, "field": self.field, "code": self.code,
                "message": self.message}
        if self.params:
            item["params"] = self.params
        return item


@dataclass(frozen=True)
class ChargeLine:
    line: int
    account_number: str
    receipt_number: str
    section: ReceiptSection
    service: str
    unit: str
    volume: Decimal
    tariff: Decimal
    charged: Decimal
    recalculation: Decimal
    benefits: Decimal
    debt_advance: Decimal
    total: Decimal
    paid_in_period: Decimal | None

    def fingerprint(self) -> str:
        """What the receipt's content hash covers, one line of it."""
        return "\x1f".join(
            str(v) for v in (self.section.value, self.service, self.unit, self.volume, self.tariff, self.charged,
                             self.recalculation, self.benefits, self.debt_advance, self.total)
        )


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "value") and not isinstance(value, str):
        return str(value.value)
    return str(value).strip()


def _decimal(name: str, raw, errors: list, line: int, account: str) -> Decimal | None:
    places, digits, signed = NUMBERS[name]
    field = camel(name)
    if isinstance(raw, Decimal):
        value = raw
        if not value.is_finite():
            errors.append(LineError(line, account, field, "INVALID_DECIMAL", f"{field} is not a number."))
            return None
    else:
        text = _text(raw)
        if not _NUMBER.match(text):
            errors.append(LineError(line, account, field, "INVALID_DECIMAL",
                                    f"{field} must be a decimal number with a point, e.g. 1480.03."))
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern already refused it
            errors.append(LineError(line, account, field, "INVALID_DECIMAL", f"{field} is not a number."))
            return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places and value != value.quantize(Decimal(1).scaleb(-places)):
        errors.append(LineError(line, account, field, "TOO_MANY_DECIMALS",
                                f"{field} has more than {places} decimal places.", {"max": places}))
        return None
    if value < 0 and not signed:
        errors.append(LineError(line, account, field, "NEGATIVE", f"{field} must not be negative."))
        return None
    if abs(value) >= Decimal(10) ** digits:
        errors.append(LineError(line, account, field, "TOO_LARGE", f"{field} is too large.", {"maxDigits": digits}))
        return None
    return value.quantize(Decimal(1).scaleb(-places))


def parse_line(line: int, raw: dict) -> tuple[ChargeLine | None, list[LineError]]:
    """The line checked, or None and every error it has (not only the first)."""
    account = _text(raw.get("account_number"))
    errors: list[LineError] = []
    for name in REQUIRED:
        if _text(raw.get(name)) == "":
            errors.append(LineError(line, account, camel(name), "REQUIRED", f"{camel(name)} is required."))
    for name, limit in LENGTHS.items():
        if len(_text(raw.get(name))) > limit:
            errors.append(LineError(line, account, camel(name), "TOO_LONG", f"{camel(name)} is longer than {limit}.",
                                    {"max": limit}))
    section = None
    section_text = _text(raw.get("section")).lower()
    if section_text:
        try:
            section = ReceiptSection(section_text)
        except ValueError:
            errors.append(LineError(line, account, "section", "INVALID_VALUE",
                                    "section must be housing, utilities or other."))
    numbers: dict[str, Decimal | None] = {}
    for name in NUMBERS:
        given = raw.get(name)
        if given is None or (not isinstance(given, Decimal) and _text(given) == ""):
            numbers[name] = None
            continue
        numbers[name] = _decimal(name, given, errors, line, account)
    if errors:
        return None, errors
    amounts = {k: numbers[k] if numbers[k] is not None else ZERO for k in ("charged", "recalculation", "benefits", "debt_advance")}
    total = line_total(amounts["charged"], amounts["recalculation"], amounts["benefits"], amounts["debt_advance"])
    if numbers["total"] is not None and numbers["total"] != total:
        return None, [LineError(line, account, "total", "TOTAL_MISMATCH",
                                f"total is {numbers['total']}, but charged + recalculation - benefits + debtAdvance is {total}.",
                                {"expected": str(total), "given": str(numbers["total"])})]
    return ChargeLine(
        line=line, account_number=account, receipt_number=_text(raw.get("receipt_number")), section=section,  # type: ignore[arg-type]
        service=_text(raw.get("service")), unit=_text(raw.get("unit")),
        volume=numbers["volume"] if numbers["volume"] is not None else Decimal("0.000000"),
        tariff=numbers["tariff"] if numbers["tariff"] is not None else Decimal("0.0000"),
        total=total, paid_in_period=numbers["paid_in_period"], **amounts,
    ), []


def content_hash(receipt_number: str, paid_in_period: Decimal, lines: list[ChargeLine]) -> str:
    """Identical content → identical hash: a re-import of it changes nothing."""
    digest = hashlib.sha256(f"{receipt_number}\x1e{paid_in_period}".encode())
    for line in lines:
        digest.update(b"\x1e")
        digest.update(line.fingerprint().encode())
    return digest.hexdigest()
