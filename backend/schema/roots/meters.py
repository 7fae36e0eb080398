"""Root fields of meters."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import meters as r
from backend.schema.common import INPUT
from backend.schema.meters import (
    Meter,
    MeterReadingPayload,
    MeterReadingSubmitInput,
    PartnerMeterReadingsReportInput,
    PartnerMeterReadingsReportPayload,
)
from backend.schema.permissions import Allow, AllowClient
from backend.services.partners import ApiScope


@strawberry.type
class MeterQuery:
    @strawberry.field(extensions=[Allow()],
                      description="The active meters of a personal account the viewer may see (its resident, its company's "
                      "staff), by kind; empty for anyone else's account.")
    async def account_meters(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Personal account id.")]
    ) -> list[Meter]:
        return await r.account_meters(info, account_id)


@strawberry.type
class MeterMutation:
    @strawberry.mutation(extensions=[Allow(Role.RESIDENT)],
                         description="Submit a reading (residents with a confirmed link to the meter's account), inside the "
                         "month's window (Almaty), not below the last reading and not above a plausible maximum.")
    async def meter_reading_submit(self, info: Info, input: Annotated[MeterReadingSubmitInput, INPUT]) -> MeterReadingPayload:
        return await r.meter_reading_submit(info, input)

    @strawberry.mutation(extensions=[AllowClient(ApiScope.BILLING_WRITE)],
                         description="The company's billing reports readings it took (source `company`), at most 1000 per call: "
                         "by account number and meter serial of the key's company; the month's window does not apply, "
                         "the last-reading and plausibility rules do.")
    async def partner_meter_readings_report(
        self, info: Info, input: Annotated[PartnerMeterReadingsReportInput, INPUT]
    ) -> PartnerMeterReadingsReportPayload:
        return await r.partner_meter_readings_report(info, input)
