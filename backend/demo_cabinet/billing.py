"""Demo data of the cabinet: six months of receipts (June–November 2026) for every demo account,
imported through the product's own import (services/billing.charges_import.import_lines, what the
billing's API calls do), and the payments the companies' billing reported (source company).

The services and tariffs are those of an Astana building in 2026 (ru names, as the billing prints
them): housing — Содержание жилья, Лифт, Вывоз ТБО; utilities — Холодная вода, Горячая вода,
Водоотведение, Отопление (from October), Электроэнергия СОИ; other — Домофон, Капитальный ремонт.
Everyone pays the previous receipt around the 20th, except account 10117 (the demo resident's
flat 17), which pays part of it or nothing and so carries a debt — 10117's November receipt opens
with it. Idempotent: a month already imported for a company is left alone; payments are keyed by
their external id."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import ROUND_HALF_UP, Decimal

from backend.demo_cabinet.accounts import DOSTYK, ZHAILY_UY
from backend.models.billing import Payment, PaymentSource, Receipt
from backend.models.housing import ManagementCompany, PersonalAccount
from backend.models.organizations import Organization
from backend.runtime import Runtime
from backend.services import counters, history
from backend.services.billing import balance
from backend.services.billing.charges_import import import_lines
from backend.services.tx import atomic

ALMATY = dt.timezone(dt.timedelta(hours=5))
PERIODS = [dt.date(2026, month, 1) for month in range(6, 12)]
DEBTOR = "10117"
CENT = Decimal("0.01")
# What 10117 paid of each previous receipt (share); the others pay it whole.
DEBTOR_PAYS = {dt.date(2026, 6, 1): Decimal("1"), dt.date(2026, 7, 1): Decimal("0.5"), dt.date(2026, 8, 1): Decimal("0"),
               dt.date(2026, 9, 1): Decimal("0.4"), dt.date(2026, 10, 1): Decimal("0"), dt.date(2026, 11, 1): Decimal("0")}
# (section, service, unit, tariff ₸, how the volume is counted)
SERVICES = (
    ("housing", "Содержание жилья", "м2", "58.2000", "area"),
    ("housing", "Лифт", "м2", "11.4000", "area"),
    ("housing", "Вывоз ТБО", "чел.", "393.0000", "registered"),
    ("utilities", "Холодная вода", "м3", "112.8200", "cold"),
    ("utilities", "Горячая вода", "м3", "334.5600", "hot"),
    ("utilities", "Водоотведение", "м3", "79.4900", "drain"),
    ("utilities", "Отопление", "Гкал", "4582.9000", "heat"),
    ("utilities", "Электроэнергия СОИ", "кВт·ч", "29.5000", "common_power"),
    ("other", "Домофон", "ед.", "450.0000", "one"),
    ("other", "Капитальный ремонт", "м2", "25.0000", "area"),
)


def _wobble(*key: object) -> Decimal:
    """A stable month-to-month variation of 0.85..1.15 (so the demo's water is not the same every month)."""
    digest = hashlib.sha256("|".join(map(str, key)).encode()).digest()
    return Decimal(85 + digest[0] % 31) / 100


def _volume(kind: str, account: PersonalAccount, period: dt.date) -> Decimal | None:
    people = max(account.living, 1)
    w = _wobble(account.number, period, kind)
    cold, hot = Decimal("3.1") * people * w, Decimal("2.05") * people * _wobble(account.number, period, "hot")
    volumes = {
        "area": account.account_area,
        "registered": Decimal(account.registered),
        "cold": cold, "hot": hot, "drain": cold + hot,
        # The heating season in Astana runs from mid-September; billed from October here.
        "heat": account.account_area * Decimal("0.0229") * w if period.month >= 10 else None,
        "common_power": account.account_area * Decimal("0.35") * w,
        "one": Decimal(1),
    }
    value = volumes[kind]
    return None if value is None or value == 0 else value.quantize(Decimal("0.000001"), ROUND_HALF_UP)


def _lines(account: PersonalAccount, period: dt.date, carry: dict[str, Decimal], paid: Decimal) -> list[dict]:
    lines = []
    for section, service, unit, tariff, kind in SERVICES:
        volume = _volume(kind, account, period)
        debt = carry.get(service, Decimal(0))
        if volume is None and not debt:
            continue
        charged = (volume * Decimal(tariff)).quantize(CENT, ROUND_HALF_UP) if volume is not None else Decimal("0.00")
        lines.append({"account_number": account.number, "section": section, "service": service, "unit": unit,
                      "volume": str(volume or 0), "tariff": tariff, "charged": str(charged), "debt_advance": str(debt),
                      "paid_in_period": str(paid)})
    return lines


def _paid_at(period: dt.date, number: str) -> dt.datetime:
    day = 14 + int(hashlib.sha256(number.encode()).hexdigest(), 16) % 10
    return dt.datetime(period.year, period.month, day, 11, 30, tzinfo=ALMATY)


async def _company(data) -> ManagementCompany | None:
    organization = await Organization.get_or_none(bin=data.bin)
    return await ManagementCompany.get_or_none(organization_id=organization.id) if organization else None


async def _seed_company(rt: Runtime, company: ManagementCompany) -> None:
    accounts = await PersonalAccount.filter(company_id=company.id).order_by("number")
    carry: dict[str, dict[str, Decimal]] = {a.number: {} for a in accounts}
    for a in accounts:
        if a.number == DEBTOR:  # two months unpaid before June
            carry[a.number] = {"Содержание жилья": Decimal("7146.96"), "Вывоз ТБО": Decimal("2358.00"),
                               "Капитальный ремонт": Decimal("3070.00")}
    previous: dict[str, list[dict]] = {}
    for period in PERIODS:
        paid = {}
        for a in accounts:
            before = previous.get(a.number)
            owed = sum((Decimal(l["charged"]) + Decimal(l["debt_advance"]) for l in before), Decimal(0)) if before else Decimal(0)
            share = DEBTOR_PAYS[period] if a.number == DEBTOR else Decimal(1)
            paid[a.number] = (owed * share).quantize(CENT) if before else Decimal("0.00")
            if before:  # what was not paid of each line is carried into this month's line
                carry[a.number] = {l["service"]: ((Decimal(l["charged"]) + Decimal(l["debt_advance"])) * (1 - share)).quantize(CENT)
                                   for l in before}
        batch = {a.number: _lines(a, period, carry[a.number], paid[a.number]) for a in accounts}
        if not await Receipt.exists(company_id=company.id, period=period):
            issued = dt.datetime(period.year, period.month, 28, 9, 0, tzinfo=ALMATY) + dt.timedelta(days=4)
            await import_lines(rt, company, period, [line for lines in batch.values() for line in lines], source="demo",
                               issued_at=issued.replace(day=1))
        await _payments(rt, company, accounts, period, paid)
        previous = batch


async def _payments(rt: Runtime, company: ManagementCompany, accounts: list[PersonalAccount], period: dt.date,
                    paid: dict[str, Decimal]) -> None:
    async with atomic():
        events = {}
        for a in accounts:
            amount = paid[a.number]
            external_id = f"demo-{a.number}-{period:%Y%m}"
            if amount <= 0 or await Payment.exists(company_id=company.id, external_id=external_id):
                continue
            number = await counters.next_number(f"payment:{company.id}")
            payment = await Payment.create(account=a, company=company, number=str(number), amount=amount,
                                           paid_at=_paid_at(period, a.number), source=PaymentSource.COMPANY,
                                           external_id=external_id)
            await history.record("payment", payment.id, "reported", None, "", source="demo", accountId=str(a.id),
                                 amount=str(amount), externalId=external_id)
            events[a.id] = {}
        await balance.recompute_many(rt, events)


async def seed(rt: Runtime) -> None:
    for data in (ZHAILY_UY, DOSTYK):
        company = await _company(data)
        if company is not None:
            await _seed_company(rt, company)
