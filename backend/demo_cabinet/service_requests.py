"""Demo data of the cabinet: service requests and an outage notice (owned by that domain).

For every account the demo resident (+77071234567) holds by a confirmed link (10117), the requests
of seed 004's list, filed, taken, closed and rated through the domain's own services by the
resident and the company's staff (uk@demo.shanyraq.kz), so their history is what a real one is:
- № 301 Системы холодного и горячего водоснабжения, "Прорвало трубы…" — IN_WORK;
- № 297 Система теплоснабжения, in Kazakh — IN_WORK;
- № 268 Изготовление ключа, "Прошу выдать ключ на домофон", a visit ten days ahead 10:00–12:00 — NEW;
- № 209 Электроснабжение, the staircase light — CLOSED, not rated (for the resident to rate);
- № 185 Система водоотведения — CLOSED and rated 5 "Молодцы!".
The company's counter is brought up to each number first, as if the company had numbered its
requests for years; filing dates are set back to spread them over 2026 like the seed's list.
Also the type catalogue, and an outage notice of the resident's building that ended five days ago.

Idempotent: an account that already has requests of the resident gets none, a building that
already has the demo notice gets no second one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backend import clock
from backend.calendar import ALMATY
from backend.models.housing import AccountLink, AccountLinkStatus, Building, CompanyStaff, Counter, HousingUnit
from backend.models.identity import User
from backend.models.outages import OutageKind, OutageNotice
from backend.models.service_requests import ServiceRequest
from backend.runtime import Runtime
from backend.services.housing.access import Scope, staff_scope
from backend.services.outages import notices
from backend.services.service_requests import catalog, fields, filing, rating, work
from backend.services.tx import atomic

RESIDENT_PHONE = "+77071234567"
OUTAGE_TEXT = ("Ыстық су жоқ: жылу трассасын жоспарлы жөндеу. / Горячей воды не будет: плановый ремонт "
               "теплотрассы. Приносим извинения.")


@dataclass(frozen=True)
class DemoRequest:
    number: int
    code: str
    content: str
    filed_on: dt.date
    status: str  # new | in_work | closed | rated
    close_comment: str = ""
    visit: bool = False


REQUESTS = (
    DemoRequest(185, "sewerage", "Подвалда кәріз суы ағып жатыр, иісі бүкіл подъезге тарады.", dt.date(2026, 6, 10), "rated",
                "Кәріз құбыры тазартылды, подвал кептірілді. / Канализация прочищена, подвал осушен."),
    DemoRequest(209, "electricity", "В третьем подъезде не горит свет на лестнице с 4 по 9 этаж.", dt.date(2026, 6, 20),
                "closed", "Лампы заменены, датчики движения отрегулированы."),
    DemoRequest(268, "key", "Прошу выдать ключ на домофон", dt.date(2026, 10, 13), "new", visit=True),
    DemoRequest(297, "heating", "Трубы горят! Батареялар тым ыстық, пәтерде отыру мүмкін емес.", dt.date(2026, 11, 15),
                "in_work"),
    DemoRequest(301, "water", "Прорвало трубы в ванной, вода течёт к соседям снизу.", dt.date(2026, 11, 17), "in_work"),
)


async def _counter_up_to(company_id, number: int) -> None:
    key = f"service_request:{company_id}"
    row = await Counter.get_or_none(key=key)
    if row is None:
        await Counter.create(key=key, value=number - 1)
    elif row.value < number - 1:
        await Counter.filter(key=key).update(value=number - 1)


async def _seed_account(rt: Runtime, resident: User, account) -> None:
    if await ServiceRequest.exists(account_id=account.id, author_id=resident.id):
        return
    staff_row = await CompanyStaff.filter(company_id=account.company_id).order_by("created_at").first()
    staff = await User.get(id=staff_row.user_id) if staff_row else None
    as_resident, as_staff = Scope(resident_id=resident.id), staff_scope(account.company_id)
    for demo in REQUESTS:
        if staff is None and demo.status != "new":
            continue  # nobody to work it
        await _counter_up_to(account.company_id, demo.number)
        kind = await catalog.by_code(demo.code)
        visit_on = fields.today() + dt.timedelta(days=10) if demo.visit else None
        row = await filing.create(rt, as_resident, resident, filing.FilingInput(
            account_id=str(account.id), type_id=str(kind.id), content=demo.content, visit_date=visit_on,
            visit_from="10:00" if demo.visit else None, visit_to="12:00" if demo.visit else None))
        filed_at = dt.datetime.combine(demo.filed_on, dt.time(11, 36), tzinfo=ALMATY)
        await ServiceRequest.filter(id=row.id).update(created_at=filed_at)
        if demo.status == "new":
            continue
        await work.take(rt, as_staff, staff, str(row.id))
        if demo.status in ("closed", "rated"):
            await work.close(rt, as_staff, staff, str(row.id), demo.close_comment)
        if demo.status == "rated":
            await rating.rate(rt, as_resident, resident, str(row.id), 5, False, "Молодцы! Жылдам жасалды.")


async def _past_outage(rt: Runtime, building: Building) -> None:
    if await OutageNotice.exists(building_id=building.id, text=OUTAGE_TEXT):
        return
    staff_row = await CompanyStaff.filter(company_id=building.company_id).order_by("created_at").first()
    if staff_row is None:
        return
    staff = await User.get(id=staff_row.user_id)
    ended = clock.now() - dt.timedelta(days=5)
    # Published then, as the staff did: the residents' notifications tell of it as news of that day.
    with clock.at(ended - dt.timedelta(days=1)):
        await notices.publish(rt, staff_scope(building.company_id), staff, notices.PublishInput(
            building_id=str(building.id), kind=OutageKind.HOT_WATER, text=OUTAGE_TEXT,
            starts_at=ended - dt.timedelta(hours=10), ends_at=ended))


async def seed(rt: Runtime) -> None:
    await catalog.ensure_catalog()
    resident = await User.get_or_none(phone=RESIDENT_PHONE)
    if resident is None:
        return
    links = await AccountLink.filter(user_id=resident.id, status=AccountLinkStatus.CONFIRMED).prefetch_related("account")
    for link in links:
        async with atomic():
            await _seed_account(rt, resident, link.account)
    units = await HousingUnit.filter(id__in=[link.account.unit_id for link in links]).values_list("building_id", flat=True)
    for building in await Building.filter(id__in=list(units)):
        await _past_outage(rt, building)
