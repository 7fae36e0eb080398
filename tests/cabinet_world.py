"""A small world for the resident cabinet's tests: two management companies (X and Y), a building
each, accounts in them, a resident linked to one account of X, and staff of each company.

Built straight from the models so that every domain's tests can start from it before (and
independently of) the accounts domain's own linking rules."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal

from backend.auth.passwords import hash_password
from backend.models.housing import (
    AccountLink,
    AccountLinkMethod,
    AccountLinkStatus,
    Building,
    CompanyStaff,
    HousingUnit,
    ManagementCompany,
    PersonalAccount,
)
from backend.models.identity import User
from backend.models.organizations import Organization
from backend.services.housing.addresses import address_key
from tests.helpers import company_bin

ACCOUNT_PASSWORD = "Kvartira-17"
_serial = itertools.count(1)


@dataclass
class World:
    company_x: ManagementCompany
    company_y: ManagementCompany
    building_x: Building
    building_y: Building
    account_x: PersonalAccount  # linked to the resident (confirmed)
    account_x2: PersonalAccount  # same building, another flat, linked to nobody
    account_y: PersonalAccount  # company Y's


async def make_company(name: str, **over) -> ManagementCompany:
    n = next(_serial)
    org = await Organization.create(bin=company_bin(9000 + n), name=name)
    data = dict(organization=org, name=name, address="Астана қ., Сарыарқа даңғылы, 1", phone="+77172000000",
                emergency_phone="+77172000109", hours="круглосуточно", iik="KZ12345678901234567890",
                bik="HSBKKZKX", bank_name="Halyk Bank")
    data.update(over)
    return await ManagementCompany.create(**data)


async def make_building(company: ManagementCompany, city: str = "Астана", street: str = "Тұран даңғылы",
                        house: str = "1") -> Building:
    return await Building.create(company=company, city=city, street=street, house=house,
                                 address_key=address_key(city, street, house))


async def make_personal_account(building: Building, flat: str, number: str, owner: str = "Мартынович Александр",
                       area: str = "61.00", **over) -> PersonalAccount:
    unit = await HousingUnit.create(building=building, number=flat, area=Decimal(area))
    data = dict(company_id=building.company_id, unit=unit, number=number, owner_name=owner, account_area=Decimal(area),
                living=2, registered=2, login=number, password_hash=hash_password(ACCOUNT_PASSWORD))
    data.update(over)
    return await PersonalAccount.create(**data)


async def link(user: User, account: PersonalAccount, status: AccountLinkStatus = AccountLinkStatus.CONFIRMED) -> AccountLink:
    return await AccountLink.create(user=user, account=account, status=status, method=AccountLinkMethod.LOGIN,
                                    decided_at=dt.datetime.now(dt.timezone.utc) if status is AccountLinkStatus.CONFIRMED else None)


async def add_staff(user: User, company: ManagementCompany) -> None:
    await CompanyStaff.create(user=user, company=company)


async def build_world(resident: User | None = None, staff_x: User | None = None, staff_y: User | None = None) -> World:
    company_x = await make_company("ТОО «ТеплоДом»")
    company_y = await make_company("ОСИ «Достық 5»")
    building_x = await make_building(company_x, street="100 атқыштар дивизиясы көшесі", house="1")
    building_y = await make_building(company_y, city="Алматы", street="Достық даңғылы", house="5")
    account_x = await make_personal_account(building_x, "17", "10117")
    account_x2 = await make_personal_account(building_x, "18", "10118", owner="Ким Ольга", area="48.50")
    account_y = await make_personal_account(building_y, "3", "20003", owner="Сейітов Нұрлан", area="72.30")
    if resident is not None:
        await link(resident, account_x)
    if staff_x is not None:
        await add_staff(staff_x, company_x)
    if staff_y is not None:
        await add_staff(staff_y, company_y)
    return World(company_x, company_y, building_x, building_y, account_x, account_x2, account_y)
