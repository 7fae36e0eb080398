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


CAMEL = {name: camel(name) for name in FIELDS}
_QUANT = {places: Decimal(1).scaleb(-places) for places in (2, 4, 6)}
_LIMIT = {digits: Decimal(10) ** digits for digits in (10, 12)}
_MAX_CHARS = 40  # longer than any number the columns hold: refused before Decimal works on it


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


@dataclass(slots=True)
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
        return (f"{self.section.value}\x1f{self.service}\x1f{self.unit}\x1f{self.volume}\x1f{self.tariff}\x1f"
                f"{self.charged}\x1f{self.recalculation}\x1f{self.benefits}\x1f{self.debt_advance}\x1f{self.total}")


def _text(value) -> str:
    if value.__class__ is str:
        return value.strip()
    if value is None:
        return ""
    if hasattr(value, "value"):
        return str(value.value)
    return str(value).strip()


def _decimal(name: str, raw, errors: list, line: int, account: str) -> Decimal | None:
    # The hot path of a million-line import: one regex match, one Decimal, one quantize.
    places, digits, signed = NUMBERS[name]
    if raw.__class__ is Decimal:
        value = raw
        if not value.is_finite():
            errors.append(LineError(line, account, CAMEL[name], "INVALID_DECIMAL", f"{CAMEL[name]} is not a number."))
            return None
    else:
        text = _text(raw)
        if len(text) > _MAX_CHARS and _NUMBER.match(text):
            errors.append(LineError(line, account, CAMEL[name], "TOO_LARGE", f"{CAMEL[name]} is too large.", {"maxDigits": digits}))
            return None
        if not _NUMBER.match(text):
            errors.append(LineError(line, account, CAMEL[name], "INVALID_DECIMAL",
                                    f"{CAMEL[name]} must be a decimal number with a point, e.g. 1480.03."))
            return None
        value = Decimal(text)
    try:
        exact = value.quantize(_QUANT[places])
    except InvalidOperation:  # more digits than the decimal context holds
        errors.append(LineError(line, account, CAMEL[name], "TOO_LARGE", f"{CAMEL[name]} is too large.", {"maxDigits": digits}))
        return None
    if exact != value:
        errors.append(LineError(line, account, CAMEL[name], "TOO_MANY_DECIMALS",
                                f"{CAMEL[name]} has more than {places} decimal places.", {"max": places}))
        return None
    if exact < 0 and not signed:
        errors.append(LineError(line, account, CAMEL[name], "NEGATIVE", f"{CAMEL[name]} must not be negative."))
        return None
    if abs(exact) >= _LIMIT[digits]:
        errors.append(LineError(line, account, CAMEL[name], "TOO_LARGE", f"{CAMEL[name]} is too large.", {"maxDigits": digits}))
        return None
    return exact


_SECTIONS = {s.value: s for s in ReceiptSection}
_ZERO_VOLUME, _ZERO_TARIFF = Decimal("0.000000"), Decimal("0.0000")


def parse_line(line: int, raw: dict) -> tuple[ChargeLine | None, list[LineError]]:
    """The line checked, or None and every error it has (not only the first)."""
    get = raw.get
    account = _text(get("account_number"))
    errors: list[LineError] = []
    texts = {name: _text(get(name)) for name in ("receipt_number", "section", "service", "unit")}
    texts["account_number"] = account
    for name in REQUIRED:
        if name != "charged" and not texts[name]:
            errors.append(LineError(line, account, CAMEL[name], "REQUIRED", f"{CAMEL[name]} is required."))
    for name, limit in LENGTHS.items():
        if len(texts[name]) > limit:
            errors.append(LineError(line, account, CAMEL[name], "TOO_LONG", f"{CAMEL[name]} is longer than {limit}.",
                                    {"max": limit}))
    section = None
    if texts["section"]:
        section = _SECTIONS.get(texts["section"].lower())
        if section is None:
            errors.append(LineError(line, account, "section", "INVALID_VALUE",
                                    "section must be housing, utilities or other."))
    numbers: dict[str, Decimal | None] = {}
    for name in NUMBERS:
        given = get(name)
        if given is None or given == "" or (given.__class__ is str and not given.strip()):
            numbers[name] = None
            if name == "charged":
                errors.append(LineError(line, account, "charged", "REQUIRED", "charged is required."))
            continue
        numbers[name] = _decimal(name, given, errors, line, account)
    if errors:
        errors.sort(key=lambda e: FIELDS.index(_snake(e.field)) if e.field else -1)
        return None, errors
    charged = numbers["charged"]
    recalculation = numbers["recalculation"] if numbers["recalculation"] is not None else ZERO_MONEY
    benefits = numbers["benefits"] if numbers["benefits"] is not None else ZERO_MONEY
    debt = numbers["debt_advance"] if numbers["debt_advance"] is not None else ZERO_MONEY
    total = line_total(charged, recalculation, benefits, debt)
    if numbers["total"] is not None and numbers["total"] != total:
        return None, [LineError(line, account, "total", "TOTAL_MISMATCH",
                                f"total is {numbers['total']}, but charged + recalculation - benefits + debtAdvance is {total}.",
                                {"expected": str(total), "given": str(numbers["total"])})]
    return ChargeLine(
        line, account, texts["receipt_number"], section, texts["service"], texts["unit"],  # type: ignore[arg-type]
        numbers["volume"] if numbers["volume"] is not None else _ZERO_VOLUME,
        numbers["tariff"] if numbers["tariff"] is not None else _ZERO_TARIFF,
        charged, recalculation, benefits, debt, total, numbers["paid_in_period"],  # type: ignore[arg-type]
    ), []


ZERO_MONEY = Decimal("0.00")
_SNAKE = {v: k for k, v in CAMEL.items()}


def _snake(field: str) -> str:
    return _SNAKE.get(field, "account_number")


def content_hash(receipt_number: str, paid_in_period: Decimal, lines: list[ChargeLine]) -> str:
    """Identical content → identical hash: a re-import of it changes nothing."""
    text = "\x1e".join([f"{receipt_number}\x1f{paid_in_period}", *(line.fingerprint() for line in lines)])
    return hashlib.sha256(text.encode()).hexdigest()
