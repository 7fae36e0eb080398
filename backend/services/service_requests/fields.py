"""Checking what a resident types into a request: its content and the convenient visit.

Every check of one form is collected, so the form shows all its faults at once (DomainErrors)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from backend import clock
from backend.calendar import ALMATY
from backend.errors import DomainError, DomainErrors

MAX_CONTENT = 2000
MAX_VISIT_AHEAD = dt.timedelta(days=365)  # a visit further off than a year is a typing mistake
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def today() -> dt.date:
    """Today in Asia/Almaty, by the portal's clock."""
    return clock.now().astimezone(ALMATY).date()


def content(value: str | None, errors: list[DomainError], field: str = "content") -> str:
    text = (value or "").strip()
    if not text:
        errors.append(DomainError("REQUIRED", field=field))
    elif len(text) > MAX_CONTENT:
        errors.append(DomainError("TOO_LONG", field=field, max=MAX_CONTENT))
    return text


def _time(value: str | None, field: str, errors: list[DomainError]) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    match = _TIME.match(text)
    if not match:
        errors.append(DomainError("INVALID_TIME", field=field))
        return ""
    return f"{int(match.group(1)):02d}:{match.group(2)}"  # 8:00 is kept as 08:00


@dataclass(frozen=True)
class Visit:
    date: dt.date | None
    time_from: str
    time_to: str


def visit(date: dt.date | None, time_from: str | None, time_to: str | None, errors: list[DomainError],
          *, check_date: bool = True) -> Visit:
    """A convenient date and, optionally, a window on it ("с 08:00 по 11:00"). The window needs
    both ends and a date; the date may not have passed (Almaty) nor be more than a year away.
    `check_date=False` keeps a date already stored (an edit that leaves it as it was)."""
    start, end = _time(time_from, "visitFrom", errors), _time(time_to, "visitTo", errors)
    if start and not end and not (time_to or "").strip():
        errors.append(DomainError("REQUIRED", field="visitTo"))
    if end and not start and not (time_from or "").strip():
        errors.append(DomainError("REQUIRED", field="visitFrom"))
    if start and end and start >= end:
        errors.append(DomainError("TIME_RANGE_INVALID", field="visitTo", start=start, end=end))
    if (start or end) and date is None:
        errors.append(DomainError("REQUIRED", field="visitDate"))
    if date is not None and check_date:
        first = today()
        if date < first:
            errors.append(DomainError("DATE_IN_PAST", field="visitDate", min=first.isoformat()))
        elif date > first + MAX_VISIT_AHEAD:
            errors.append(DomainError("OUT_OF_RANGE", field="visitDate", min=first.isoformat(),
                                      max=(first + MAX_VISIT_AHEAD).isoformat()))
    return Visit(date, start, end)


def raise_if(errors: list[DomainError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DomainErrors(errors)
