"""Receipts as the cabinet reads them, and the one place their totals are computed.

Money rules (DESIGN "Money rules"): a line's total is `charged + recalculation - benefits +
debtAdvance`; a receipt's charged, recalculation and benefits are the sums of its lines', its
opening debt is the sum of the lines' debt/advance and its total to pay the sum of the lines'
totals (= openingDebt + charged + recalculation - benefits). Decimal only, tenge with 2 decimals.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from tortoise.expressions import Q

from backend.errors import DomainError
from backend.models.billing import ChargeImport, Receipt
from backend.services.housing.access import Scope, get_account, visible_by_account
from backend.services.pagination import DEFAULT_PAGE, MAX_PAGE, Page

ZERO = Decimal(0)
CENT = Decimal("0.01")


class MoneyLine(Protocol):
    charged: Decimal
    recalculation: Decimal
    benefits: Decimal
    debt_advance: Decimal


@dataclass(frozen=True)
class Totals:
    opening_debt: Decimal
    charged: Decimal
    recalculation: Decimal
    benefits: Decimal
    total_to_pay: Decimal


def line_total(charged: Decimal, recalculation: Decimal, benefits: Decimal, debt_advance: Decimal) -> Decimal:
    """What one service line asks to pay (seed 004: 299,33 + 1 180,70 = 1 480,03)."""
    return (charged + recalculation - benefits + debt_advance).quantize(CENT)


def compute_totals(lines: Iterable[MoneyLine]) -> Totals:
    """The receipt's totals from its lines — the only place they are computed."""
    charged = recalculation = benefits = debt = ZERO
    for line in lines:
        charged += line.charged
        recalculation += line.recalculation
        benefits += line.benefits
        debt += line.debt_advance
    total = line_total(charged, recalculation, benefits, debt)
    return Totals(debt.quantize(CENT), charged.quantize(CENT), recalculation.quantize(CENT), benefits.quantize(CENT), total)


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


# --- reads, every one through the cabinet's Scope


def _cursor(period: dt.date, row_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{period.isoformat()}|{row_id}".encode()).decode()


def _uncursor(cursor: str) -> tuple[dt.date, uuid.UUID]:
    try:
        stamp, row_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return dt.date.fromisoformat(stamp), uuid.UUID(row_id)
    except (ValueError, UnicodeDecodeError):
        raise DomainError("INVALID_CURSOR", field="after") from None


async def account_receipts(scope: Scope, account_id: object, first: int | None, after: str | None) -> Page[Receipt]:
    """The account's receipts, newest period first; NOT_FOUND when the account is not visible."""
    account = await get_account(scope, account_id)
    query = visible_by_account(scope, Receipt).filter(account_id=account.id)
    limit = DEFAULT_PAGE if first is None else min(max(first, 0), MAX_PAGE)
    total = await query.count()
    if after:
        period, row_id = _uncursor(after)
        query = query.filter(Q(period__lt=period) | Q(period=period, id__lt=row_id))
    rows = await query.order_by("-period", "-id").limit(limit + 1)
    return Page(rows[:limit], [_cursor(r.period, r.id) for r in rows[:limit]], len(rows) > limit, total)


async def get_receipt(scope: Scope, receipt_id: object) -> Receipt:
    """One visible receipt, or NOT_FOUND (also when it is someone else's)."""
    try:
        key = uuid.UUID(str(receipt_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="id") from None
    row = await visible_by_account(scope, Receipt).filter(id=key).first()
    if row is None:
        raise DomainError("NOT_FOUND", field="id")
    return row


def _imports(scope: Scope):
    if scope.everything:
        return ChargeImport.all()
    return ChargeImport.filter(company_id__in=list(scope.company_ids))


async def charge_imports(scope: Scope, first: int | None, after: str | None) -> Page[ChargeImport]:
    """Imports of the staff's (or the partner's) company, newest first."""
    from backend.services.pagination import paginate

    return await paginate(_imports(scope), first, after)


async def get_charge_import(scope: Scope, import_id: object) -> ChargeImport:
    try:
        key = uuid.UUID(str(import_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="id") from None
    row = await _imports(scope).filter(id=key).first()
    if row is None:
        raise DomainError("NOT_FOUND", field="id")
    return row
