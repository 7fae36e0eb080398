"""Payments a company took elsewhere (its cash desk, a bank, a terminal), reported by its billing.

Idempotent by (company, external id): a report sent again records nothing twice — the repeated
items are counted as duplicates. Items are checked one by one: good ones are recorded, bad ones
come back as errors on `payments.<index>.<field>`, and nothing already recorded is lost."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from tortoise.exceptions import IntegrityError

from backend.errors import DomainError
from backend.models.billing import Payment, PaymentSource
from backend.models.housing import ManagementCompany, PersonalAccount
from backend.runtime import Runtime
from backend.services import counters, history
from backend.services.billing import balance
from backend.services.payments.orders import checked_amount
from backend.services.tx import atomic

MAX_ITEMS = 1000
MAX_EXTERNAL_ID = 100


@dataclass(frozen=True)
class ReportedPayment:
    account_number: str
    external_id: str
    amount: object
    paid_at: dt.datetime


@dataclass
class ReportResult:
    recorded: int = 0
    duplicates: int = 0
    errors: list[DomainError] = field(default_factory=list)


async def company_of_organization(organization_id: uuid.UUID) -> ManagementCompany:
    company = await ManagementCompany.get_or_none(organization_id=organization_id)
    if company is None:
        raise DomainError("FORBIDDEN", message="This API key's organization is not a management company.")
    return company


def _check(index: int, item: ReportedPayment) -> list[DomainError]:
    where = f"payments.{index}"
    found = []
    if not item.external_id.strip():
        found.append(DomainError("REQUIRED", field=f"{where}.externalId"))
    elif len(item.external_id) > MAX_EXTERNAL_ID:
        found.append(DomainError("TOO_LONG", field=f"{where}.externalId", max=MAX_EXTERNAL_ID))
    try:
        checked_amount(item.amount, f"{where}.amount")
    except DomainError as exc:
        found.append(exc)
    if item.paid_at.tzinfo is None:
        found.append(DomainError("INVALID_VALUE", field=f"{where}.paidAt", message="paidAt needs a time zone."))
    return found


async def report(rt: Runtime, company: ManagementCompany, items: list[ReportedPayment], source: str, ip: str = "") -> ReportResult:
    if len(items) > MAX_ITEMS:
        raise DomainError("TOO_MANY", field="payments", max=MAX_ITEMS)
    result = ReportResult()
    checked = []
    for index, item in enumerate(items):
        problems = _check(index, item)
        result.errors.extend(problems)
        if not problems:
            checked.append((index, item))
    numbers = {i.account_number.strip() for _, i in checked}
    accounts = {a.number: a for a in await PersonalAccount.filter(company_id=company.id, number__in=list(numbers))}
    touched: set[uuid.UUID] = set()
    async with atomic():
        for index, item in checked:
            account = accounts.get(item.account_number.strip())
            if account is None:
                result.errors.append(DomainError("NOT_FOUND", field=f"payments.{index}.accountNumber"))
                continue
            outcome = await _record(company, account, item, index)
            if isinstance(outcome, DomainError):
                result.errors.append(outcome)
            elif outcome:
                result.recorded += 1
                touched.add(account.id)
            else:
                result.duplicates += 1
        for account_id in sorted(touched, key=str):
            await balance.recompute(rt, account_id)
        if result.recorded:
            await history.record("management_company", company.id, "payments_reported", ip=ip, source=source,
                                 recorded=result.recorded, duplicates=result.duplicates, failed=len(result.errors))
    return result


async def _record(company: ManagementCompany, account: PersonalAccount, item: ReportedPayment, index: int) -> bool | DomainError:
    """True: recorded; False: the same payment was reported before; an error: the id names another payment."""
    external_id = item.external_id.strip()
    amount = checked_amount(item.amount)
    existing = await Payment.get_or_none(company_id=company.id, external_id=external_id)
    if existing is None:
        try:
            async with atomic():  # a savepoint: a concurrent report of the same id fails only this item
                number = await counters.next_number(f"payment:{company.id}")
                payment = await Payment.create(account_id=account.id, company_id=company.id, number=str(number), amount=amount,
                                               paid_at=item.paid_at, source=PaymentSource.COMPANY, external_id=external_id)
                await history.record("payment", payment.id, "reported", externalId=external_id, amount=str(amount),
                                     accountId=str(account.id))
            return True
        except IntegrityError:
            existing = await Payment.get(company_id=company.id, external_id=external_id)
    if existing.account_id == account.id and existing.amount == amount:
        return False
    return DomainError("EXTERNAL_ID_REUSED", field=f"payments.{index}.externalId",
                       message="This externalId was reported before for another account or amount.")
