"""Resolvers of meters: who is viewing → services/meters → types."""

from __future__ import annotations

from strawberry.types import Info

from backend.errors import DomainError, DomainErrors
from backend.resolvers.errors import payload_or_errors
from backend.schema import meters as s
from backend.schema.common import user_errors
from backend.services.housing.companies import company_of_client
from backend.services.housing.access import scope_for
from backend.services.meters import partner, readings, views


async def account_meters(info: Info, account_id: str) -> list[s.Meter]:
    try:
        rows = await views.account_meters(await scope_for(info.context.viewer), account_id)
    except DomainError:
        return []  # another's account looks like one without meters
    return [s.Meter.from_row(r) for r in rows]


async def meter_reading_submit(info: Info, input: s.MeterReadingSubmitInput) -> s.MeterReadingPayload:
    async def work():
        ctx = info.context
        reading, meter = await readings.submit(await scope_for(ctx.viewer), ctx.viewer.user.id, input.meter_id,
                                               input.value, ip=ctx.ip)
        return s.MeterReadingPayload(reading=s.MeterReading.from_row(reading), meter=s.Meter.from_row(meter))

    return await payload_or_errors(s.MeterReadingPayload, work)


async def partner_meter_readings_report(info: Info, input: s.PartnerMeterReadingsReportInput) -> s.PartnerMeterReadingsReportPayload:
    async def work():
        ctx = info.context
        company = await company_of_client(ctx.client)
        items = [partner.ReportedReading(r.account_number, r.serial, r.value) for r in input.readings]
        result = await partner.report(ctx.client, company, items, ip=ctx.ip)
        return s.PartnerMeterReadingsReportPayload(
            recorded=result.recorded, duplicates=result.duplicates,
            errors=user_errors(DomainErrors(result.errors)) if result.errors else [])

    return await payload_or_errors(s.PartnerMeterReadingsReportPayload, work)
