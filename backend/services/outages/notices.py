"""Outage notices: the company's staff publish one for a building of theirs, and every resident with a
confirmed link to an account in it is told in-app at once and, where they opted in, by SMS.

A building may have thousands of residents: the in-app notifications go in by one INSERT per batch
of NOTIFY_BATCH rows inside the publishing transaction; the live pings and the SMS go after it
commits, and the notice counts how many were told (`notified`) and texted (`sms_sent`)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from backend import clock
from backend.calendar import ALMATY
from backend.errors import DomainError, DomainErrors
from backend.models.housing import AccountLink, AccountLinkStatus, Building, HousingUnit, ManagementCompany
from backend.models.identity import User
from backend.models.notifications import Notification
from backend.models.outages import OutageKind, OutageNotice, ResidentPreferences
from backend.runtime import Runtime
from backend.services import history
from backend.services.housing.access import Scope, get_account
from backend.services.housing.addresses import building_address
from backend.services.notifications import NotificationKind, channel_for
from backend.services.tx import atomic, on_commit

log = logging.getLogger(__name__)

ENTITY = "outage_notice"
MAX_TEXT = 1000
NOTIFY_BATCH = 1000
RECENT = dt.timedelta(days=30)  # what a resident's page lists: current ones and those of the last 30 days
MAX_AHEAD = dt.timedelta(days=366)
MAX_ACCOUNT_LIST = 50
SMS_TEXT_CHARS = 300  # the notice's own words in the SMS; the whole text is in the cabinet

KIND_WORDS: dict[str, dict[str, str]] = {
    "kk": {"cold_water": "суық су", "hot_water": "ыстық су", "heating": "жылу", "electricity": "электр",
           "gas": "газ", "other": "басқа"},
    "ru": {"cold_water": "холодная вода", "hot_water": "горячая вода", "heating": "отопление",
           "electricity": "электроэнергия", "gas": "газ", "other": "другое"},
    "en": {"cold_water": "cold water", "hot_water": "hot water", "heating": "heating", "electricity": "electricity",
           "gas": "gas", "other": "other"},
}
SMS_TEXTS = {
    "kk": "Shanyraq: {address} мекенжайында өшіру ({kind}) {period}. {text}",
    "ru": "Shanyraq: отключение ({kind}) по адресу {address} {period}. {text}",
    "en": "Shanyraq: outage ({kind}) at {address} {period}. {text}",
}
PERIOD = {"kk": ("{start} бастап", "{start} – {end}"), "ru": ("с {start}", "с {start} по {end}"),
          "en": ("from {start}", "{start} – {end}")}


def sms_text(locale: str, notice: OutageNotice, building: Building) -> str:
    lang = locale if locale in SMS_TEXTS else "ru"

    def moment(value: dt.datetime) -> str:
        return value.astimezone(ALMATY).strftime("%d.%m.%Y %H:%M")

    open_ended, bounded = PERIOD[lang]
    period = (bounded.format(start=moment(notice.starts_at), end=moment(notice.ends_at)) if notice.ends_at
              else open_ended.format(start=moment(notice.starts_at)))
    text = notice.text if len(notice.text) <= SMS_TEXT_CHARS else notice.text[: SMS_TEXT_CHARS - 1] + "…"
    kind = KIND_WORDS[lang][OutageKind(notice.kind).value]
    return SMS_TEXTS[lang].format(address=building_address(building.city, building.street, building.house), kind=kind, period=period, text=text)


@dataclass(frozen=True)
class PublishInput:
    building_id: str
    kind: OutageKind
    text: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None


def _check(data: PublishInput, now: dt.datetime) -> str:
    errors: list[DomainError] = []
    text = (data.text or "").strip()
    if not text:
        errors.append(DomainError("REQUIRED", field="text"))
    elif len(text) > MAX_TEXT:
        errors.append(DomainError("TOO_LONG", field="text", max=MAX_TEXT))
    if data.starts_at.tzinfo is None or (data.ends_at is not None and data.ends_at.tzinfo is None):
        errors.append(DomainError("INVALID_VALUE", field="startsAt"))  # moments need their offset
    elif data.starts_at > now + MAX_AHEAD:
        errors.append(DomainError("OUT_OF_RANGE", field="startsAt", max=(now + MAX_AHEAD).isoformat()))
    elif data.ends_at is not None:
        if data.ends_at < data.starts_at:
            errors.append(DomainError("ENDS_BEFORE_START", field="endsAt", startsAt=data.starts_at.isoformat()))
        elif data.ends_at <= now:
            # An outage already over tells nobody anything they can act on.
            errors.append(DomainError("DATE_IN_PAST", field="endsAt", min=now.isoformat()))
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DomainErrors(errors)
    return text


async def company_building(scope: Scope, building_id: object) -> Building:
    """A building of a company the viewer works for; anything else is NOT_FOUND."""
    try:
        key = uuid.UUID(str(building_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="buildingId") from None
    building = await Building.get_or_none(id=key, company_id__in=list(scope.company_ids)) if scope.company_ids else None
    if building is None:
        raise DomainError("NOT_FOUND", field="buildingId")
    return building


def _residents(building_id: uuid.UUID) -> QuerySet[AccountLink]:
    return AccountLink.filter(status=AccountLinkStatus.CONFIRMED, account__unit__building_id=building_id,
                              account__is_active=True)


async def publish(rt: Runtime, scope: Scope, author: User, data: PublishInput, *, ip: str = "") -> OutageNotice:
    building = await company_building(scope, data.building_id)
    now = clock.now()
    text = _check(data, now)
    async with atomic():
        notice = await OutageNotice.create(
            id=uuid.uuid4(), company_id=building.company_id, building=building, kind=data.kind, text=text,
            starts_at=data.starts_at, ends_at=data.ends_at, created_by=author,
        )
        # One notification per resident, naming the account of theirs the outage is at (the first
        # by number when they hold several in the building).
        accounts: dict[uuid.UUID, uuid.UUID] = {}
        for user_id, account_id in await _residents(building.id).order_by("account__number").values_list("user_id", "account_id"):
            accounts.setdefault(user_id, account_id)
        params = {"outageId": str(notice.id), "kind": OutageKind(notice.kind).value, "text": text,
                  "startsAt": notice.starts_at.isoformat(), "endsAt": notice.ends_at.isoformat() if notice.ends_at else None}
        rows = [Notification(id=uuid.uuid4(), user_id=user_id, kind=NotificationKind.OUTAGE_NOTICE.value,
                             params={**params, "accountId": str(account_id)}) for user_id, account_id in accounts.items()]
        for start in range(0, len(rows), NOTIFY_BATCH):
            await Notification.bulk_create(rows[start:start + NOTIFY_BATCH])
        notice.notified = len(rows)
        await OutageNotice.filter(id=notice.id).update(notified=notice.notified)
        await history.record(ENTITY, notice.id, "published", actor_id=author.id, ip=ip, actorName=author.full_name,
                             buildingId=str(building.id), kind=params["kind"], text=text, startsAt=params["startsAt"],
                             endsAt=params["endsAt"], notified=notice.notified)
        pings = [(channel_for(r.user_id), {"id": str(r.id)}) for r in rows]

        async def announce() -> None:
            for channel, message in pings:
                await rt.pubsub.publish(channel, message)

        on_commit(announce)
        on_commit(lambda: _send_sms(rt, notice, building))
    return notice


async def _send_sms(rt: Runtime, notice: OutageNotice, building: Building) -> None:
    """After commit: an SMS to each resident of the building who opted in, when the company sends SMS."""
    if not await ManagementCompany.filter(id=building.company_id, sms_enabled=True).exists():
        return
    opted = ResidentPreferences.filter(
        sms_outages=True, user_id__in=Subquery(_residents(building.id).values("user_id")), user__phone__isnull=False,
    ).exclude(user__phone="")
    sent = 0
    for phone, locale in await opted.values_list("user__phone", "user__locale"):
        try:
            await rt.messenger.send_sms(phone, sms_text(locale, notice, building))
            sent += 1
        except Exception:  # noqa: BLE001 - one lost SMS must not stop the others
            log.exception("outage SMS to %s failed", phone[:5])
    if sent:
        await OutageNotice.filter(id=notice.id).update(sms_sent=sent)


# Reading -----------------------------------------------------------------------------------------


async def account_outages(scope: Scope, account_id: object) -> list[OutageNotice]:
    """The account's building's notices that are current or ended within RECENT (an open-ended one
    counts from its start), newest start first."""
    account = await get_account(scope, account_id)
    building_id = await _building_of(account)
    since = clock.now() - RECENT
    recent = Q(ends_at__gte=since) | Q(ends_at__isnull=True, starts_at__gte=since)
    return await OutageNotice.filter(recent, building_id=building_id).order_by("-starts_at", "-id").limit(MAX_ACCOUNT_LIST)


async def _building_of(account) -> uuid.UUID:
    return (await HousingUnit.filter(id=account.unit_id).values_list("building_id", flat=True))[0]


def company_notices(scope: Scope) -> QuerySet[OutageNotice]:
    if scope.everything:
        return OutageNotice.all()
    return OutageNotice.filter(company_id__in=list(scope.company_ids))


MAX_BUILDINGS = 1000


async def company_buildings(scope: Scope) -> list[Building]:
    """The buildings of the viewer's companies (an admin: of all, the first MAX_BUILDINGS)."""
    if not scope.is_staff:
        return []
    query = Building.all() if scope.everything else Building.filter(company_id__in=list(scope.company_ids))
    return await query.order_by("city", "street", "house", "id").limit(MAX_BUILDINGS)


async def reread(notice_id: uuid.UUID) -> OutageNotice:
    """The notice as stored now (its counters are written after commit)."""
    return await OutageNotice.get(id=notice_id)
