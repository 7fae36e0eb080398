"""Root fields of meters."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.identity import Role
from backend.resolvers import meters as r
from backend.schema.common import INPUT
from backend.schema.meters import Meter, MeterReadingPayload, MeterReadingSubmitInput
from backend.schema.permissions import Allow


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
