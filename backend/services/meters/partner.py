"""The company's billing reports readings it took itself (a controller's round, a remote meter)
through the partner API: source `company`, by account number and meter serial within the key's
company.

The month's window is the residents' rule and does not bind the company; the meter's own rules
do (never below the last reading, never above the plausible maximum). Each reading stands alone:
a bad one is reported by its index and the others are recorded. A reading already recorded this
month with the same value (a retried call) is counted as a duplicate and not recorded again."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.errors import DomainError
from backend.models.housing import ManagementCompany
from backend.models.meters import Meter, MeterReading
from backend.services.meters import window
from backend.services.meters.readings import Source, checked_value, record_reading
from backend.services.partners import ClientPrincipal
from backend.services.tx import atomic

MAX_READINGS = 1000


@dataclass(frozen=True)
class ReportedReading:
    account_number: str
    serial: str
    value: object


@dataclass
class ReportResult:
    recorded: int = 0
    duplicates: int = 0
    errors: list[DomainError] = field(default_factory=list)


def _at(i: int, exc: DomainError, name: str | None = None) -> DomainError:
    return DomainError(exc.code, field=f"readings.{i}.{name or exc.field or 'value'}", **exc.params)


async def report(client: ClientPrincipal, company: ManagementCompany, items: list[ReportedReading],
                 ip: str = "") -> ReportResult:
    if len(items) > MAX_READINGS:
        raise DomainError("TOO_MANY", field="readings", max=MAX_READINGS)
    result = ReportResult()
    pairs = {(i.account_number.strip(), i.serial.strip()) for i in items}
    meters = {(m.account.number, m.serial): m for m in await Meter.filter(
        account__company_id=company.id, account__number__in=[a for a, _ in pairs], is_active=True).prefetch_related("account")}
    month = window.month_start()
    for i, item in enumerate(items):
        meter = meters.get((item.account_number.strip(), item.serial.strip()))
        if meter is None:
            result.errors.append(DomainError("NOT_FOUND", field=f"readings.{i}.serial"))
            continue
        try:
            value = checked_value(item.value)
        except DomainError as exc:
            result.errors.append(_at(i, exc))
            continue
        if await MeterReading.exists(meter_id=meter.id, value=value, source=Source.COMPANY, created_at__gte=month):
            result.duplicates += 1
            continue
        try:
            # One transaction per reading: a refused one leaves the others recorded.
            async with atomic():
                await record_reading(meter, value, Source.COMPANY, None, ip, clientId=str(client.client.id),
                                     by=client.source)
        except DomainError as exc:
            result.errors.append(_at(i, exc))
            continue
        result.recorded += 1
    return result
