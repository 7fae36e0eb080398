"""What a resident wants by SMS: news of their service requests, emergency outages in their building.

In-app notifications always arrive; SMS only where the resident opted in, has a phone, and the
company of the account concerned sends SMS at all (ManagementCompany.sms_enabled). `smsAvailable`
tells the settings page whether any SMS could reach them, so it can say so instead of offering a
switch that does nothing; switching one on while none could is SMS_NOT_AVAILABLE."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tortoise.expressions import Subquery

from backend.errors import DomainError
from backend.models.housing import AccountLink, AccountLinkStatus, ManagementCompany
from backend.models.identity import User
from backend.models.outages import ResidentPreferences
from backend.services import history
from backend.services.tx import atomic


@dataclass(frozen=True)
class Preferences:
    sms_requests: bool
    sms_outages: bool
    sms_available: bool


async def sms_available(user: User) -> bool:
    """The resident has a phone and at least one company of their confirmed accounts sends SMS."""
    if not user.phone:
        return False
    companies = Subquery(AccountLink.filter(user_id=user.id, status=AccountLinkStatus.CONFIRMED).values("account__company_id"))
    return await ManagementCompany.filter(id__in=companies, sms_enabled=True).exists()


async def get(user: User) -> Preferences:
    row = await ResidentPreferences.get_or_none(user_id=user.id)
    return Preferences(
        sms_requests=bool(row and row.sms_requests),
        sms_outages=bool(row and row.sms_outages),
        sms_available=await sms_available(user),
    )


async def update(user: User, sms_requests: bool, sms_outages: bool, *, ip: str = "") -> Preferences:
    before = await get(user)
    switched_on = [name for name, old, new in (("smsRequests", before.sms_requests, sms_requests),
                                              ("smsOutages", before.sms_outages, sms_outages)) if new and not old]
    if switched_on and not before.sms_available:
        raise DomainError("SMS_NOT_AVAILABLE", field=switched_on[0])
    if (before.sms_requests, before.sms_outages) == (sms_requests, sms_outages):
        return before
    async with atomic():
        _, created = await ResidentPreferences.get_or_create(
            user_id=user.id, defaults={"sms_requests": sms_requests, "sms_outages": sms_outages})
        if not created:
            await ResidentPreferences.filter(user_id=user.id).update(
                sms_requests=sms_requests, sms_outages=sms_outages, updated_at=dt.datetime.now(dt.timezone.utc))
        await history.record("resident_preferences", user.id, "updated", actor_id=user.id, ip=ip,
                             smsRequests=sms_requests, smsOutages=sms_outages)
    return Preferences(sms_requests, sms_outages, before.sms_available)
