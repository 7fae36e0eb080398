"""Meters of a personal account and their readings (seed 004: приборы учета)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from backend.models.meters import MeterKind
from backend.schema.common import UserError
from backend.services.meters import views, window

MeterKindType = strawberry.enum(MeterKind, name="MeterKind", description="What a meter measures.")


@strawberry.type(description="A reading of a meter as submitted; never edited, a later one of the same month supersedes it.")
class MeterReading:
    id: strawberry.ID = strawberry.field(description="Reading id.")
    value: Decimal = strawberry.field(description="The value, up to 3 decimals, in the meter's unit.")
    submitted_at: dt.datetime = strawberry.field(description="When it was submitted.")
    source: str = strawberry.field(description="`resident` (the cabinet) or `company` (the management company's billing).")

    @classmethod
    def from_row(cls, row) -> MeterReading:
        return cls(id=str(row.id), value=row.value, submitted_at=row.created_at, source=row.source)


@strawberry.type(description="A meter of a personal account with its reporting window.")
class Meter:
    id: strawberry.ID = strawberry.field(description="Meter id.")
    kind: MeterKindType = strawberry.field(description="Cold or hot water, electricity, gas, heat.")  # type: ignore[valid-type]
    serial: str = strawberry.field(description="Serial number printed on the meter.")
    unit: str = strawberry.field(description="Unit of the readings: m3, kWh, Gcal.")
    window_from_day: int = strawberry.field(description="Readings are accepted from this day of the month (Almaty)…")
    window_to_day: int = strawberry.field(description="…to this day inclusive; a shorter month ends the window at its last day.")
    max_monthly: Decimal = strawberry.field(description="The most a month can plausibly add; more is refused as a typo (ABOVE_PLAUSIBLE).")
    next_verification: dt.date | None = strawberry.field(description="When the meter is due for verification (поверка).")
    row_id: strawberry.Private[object]

    @strawberry.field(description="Whether readings are accepted today (Almaty).")
    def window_open(self) -> bool:
        return window.is_open(self.window_from_day, self.window_to_day)

    @strawberry.field(description="The latest reading, or null before the first one.")
    async def last_reading(self, info: Info) -> MeterReading | None:
        rows = await info.context.loaders.meters.readings_by_meter.load(self.row_id)
        return MeterReading.from_row(rows[0]) if rows else None

    @strawberry.field(description=f"Readings newest first, one per month (the month's latest); at most {views.HISTORY_CAP}.")
    async def readings(
        self, info: Info,
        first: Annotated[int, strawberry.argument(description=f"How many months; 1 to {views.HISTORY_CAP}.")] = 12,
    ) -> list[MeterReading]:
        rows = await info.context.loaders.meters.readings_by_meter.load(self.row_id)
        return [MeterReading.from_row(r) for r in views.by_month(rows, max(1, min(first, views.HISTORY_CAP)))]

    @classmethod
    def from_row(cls, row) -> Meter:
        return cls(id=str(row.id), kind=row.kind, serial=row.serial, unit=row.unit, window_from_day=row.window_from_day,
                   window_to_day=row.window_to_day, max_monthly=row.max_monthly, next_verification=row.next_verification,
                   row_id=row.id)


@strawberry.input(description="A reading of one meter.")
class MeterReadingSubmitInput:
    meter_id: strawberry.ID = strawberry.field(description="The meter.")
    value: Decimal = strawberry.field(description="The value shown on the meter, up to 3 decimals.")


@strawberry.type(description="The reading taken, with its meter; or why not (WINDOW_CLOSED, BELOW_LAST, ABOVE_PLAUSIBLE, INVALID_VALUE, NOT_FOUND).")
class MeterReadingPayload:
    reading: MeterReading | None = strawberry.field(default=None, description="The new reading.")
    meter: Meter | None = strawberry.field(default=None, description="Its meter, with the new last reading.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.input(description="A reading the company took, by account number and meter serial.")
class PartnerMeterReadingInput:
    account_number: str = strawberry.field(description="Personal account number, e.g. 10117.")
    serial: str = strawberry.field(description="The meter's serial number on that account.")
    value: Decimal = strawberry.field(description="The value, up to 3 decimals.")


@strawberry.input(description="Readings of the key's company's meters, at most 1000.")
class PartnerMeterReadingsReportInput:
    readings: list[PartnerMeterReadingInput] = strawberry.field(description="The readings; each is checked on its own.")


@strawberry.type(description="How many readings were recorded; errors name the reading by index (`readings.3.value`).")
class PartnerMeterReadingsReportPayload:
    recorded: int = strawberry.field(default=0, description="Readings recorded.")
    duplicates: int = strawberry.field(default=0, description="Readings already recorded this month with the same value (a retry).")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Readings refused: NOT_FOUND, INVALID_VALUE, BELOW_LAST, ABOVE_PLAUSIBLE.")
