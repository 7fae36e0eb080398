"""Residents' notification settings (seed 004 "Уведомления") and outage notices for a building."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.types import Info

from backend import clock
from backend.models.outages import OutageKind
from backend.schema.common import UserError
from backend.schema.housing import Building

OutageKindType = strawberry.enum(
    OutageKind, name="OutageKind",
    description="What is off: COLD_WATER, HOT_WATER, HEATING, ELECTRICITY, GAS, or OTHER (the text says what).",
)


@strawberry.type(description="What a resident gets by SMS; in-app notifications always arrive.")
class ResidentPreferences:
    sms_requests: bool = strawberry.field(description="SMS when staff take a request of theirs into work or close it.")
    sms_outages: bool = strawberry.field(description="SMS about outages in the buildings of their accounts.")
    sms_available: bool = strawberry.field(
        description="Any SMS could reach them: they have a phone and a company of their accounts sends SMS. "
        "When false the switches are kept but nothing is sent, and switching one on is SMS_NOT_AVAILABLE.")

    @classmethod
    def from_prefs(cls, prefs) -> ResidentPreferences:
        return cls(sms_requests=prefs.sms_requests, sms_outages=prefs.sms_outages, sms_available=prefs.sms_available)


@strawberry.type(description="An emergency or planned outage in one building, as the company published it.")
class OutageNotice:
    id: strawberry.ID = strawberry.field(description="Notice id.")
    kind: OutageKindType = strawberry.field(description="What is off.")  # type: ignore[valid-type]
    text: str = strawberry.field(description="The company's words: what, why, what to do.")
    starts_at: dt.datetime = strawberry.field(description="From when.")
    ends_at: dt.datetime | None = strawberry.field(description="Until when; null when not known yet.")
    created_at: dt.datetime = strawberry.field(description="When it was published.")
    notified: int = strawberry.field(description="Residents told in-app.")
    sms_sent: int = strawberry.field(description="SMS sent (to those who opted in); counted just after publishing.")
    building_id: strawberry.Private[object]

    @strawberry.field(description="The outage is on now (started, not ended).")
    def current(self) -> bool:
        now = clock.now()
        return self.starts_at <= now and (self.ends_at is None or self.ends_at > now)

    @strawberry.field(description="The building it is in.")
    async def building(self, info: Info) -> Building:
        return Building.from_row(await info.context.loaders.housing.building_by_id.load(self.building_id))

    @classmethod
    def from_row(cls, row) -> OutageNotice:
        return cls(id=str(row.id), kind=OutageKind(row.kind), text=row.text, starts_at=row.starts_at, ends_at=row.ends_at,
                   created_at=row.created_at, notified=row.notified, sms_sent=row.sms_sent, building_id=row.building_id)


@strawberry.input(description="The resident's SMS choices.")
class ResidentPreferencesInput:
    sms_requests: bool = strawberry.field(description="SMS about their service requests.")
    sms_outages: bool = strawberry.field(description="SMS about outages.")


@strawberry.type(description="Result of saving the SMS choices.")
class ResidentPreferencesPayload:
    preferences: ResidentPreferences | None = strawberry.field(default=None, description="The choices as saved.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why nothing was saved.")


@strawberry.input(description="An outage notice for a building of the viewer's company.")
class OutageNoticePublishInput:
    building_id: strawberry.ID = strawberry.field(description="From companyBuildings.")
    kind: OutageKindType = strawberry.field(description="What is off.")  # type: ignore[valid-type]
    text: str = strawberry.field(description="What residents read, at most 1000 characters.")
    starts_at: dt.datetime = strawberry.field(description="From when (with its offset); may already have passed.")
    ends_at: dt.datetime | None = strawberry.field(default=None, description="Until when; not before startsAt and not past.")


@strawberry.type(description="Result of publishing an outage notice.")
class OutageNoticePayload:
    outage: OutageNotice | None = strawberry.field(default=None, description="The notice as published.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix; nothing was published.")
