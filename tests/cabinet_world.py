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


@dataclass
class Cast:
    """Every role of the cabinet's access matrix, signed in, around one World."""

    world: World
    anon: "ApiClient"
    resident: "ApiClient"  # confirmed link to account_x
    other_resident: "ApiClient"  # confirmed link to the `other_account` of build_cast
    staff_x: "ApiClient"
    staff_y: "ApiClient"
    admin: "ApiClient"
    co_owner: "ApiClient | None" = None  # a second confirmed link to account_x
    partner_x: "PartnerClient | None" = None  # billing:write for company X
    partner_x_read: "PartnerClient | None" = None  # company X's organization, without billing:write
    partner_y: "PartnerClient | None" = None  # billing:write for company Y

    def by_name(self, name: str) -> "ApiClient":
        return getattr(self, name)


async def build_cast(app, rt, settings, stack, *, other_account: str = "account_y", co_owner: bool = False,
                     partners: bool = False) -> Cast:
    """Signs in each role over its own HTTP client (closed by `stack`) and builds the world."""
    import httpx

    from backend.services.partners import ApiScope
    from tests.helpers import ApiClient, make_account, make_partner

    async def http() -> httpx.AsyncClient:
        return await stack.enter_async_context(
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://testserver"))

    async def client(role: str | None) -> ApiClient:
        c = ApiClient(await http())
        if role:
            await make_account(rt, c, role)
        return c

    anon, resident, other, staff_x, staff_y, admin = [
        await client(r) for r in (None, "resident", "resident", "uk_staff", "uk_staff", "admin")]
    world = await build_world(resident.user, staff_x.user, staff_y.user)
    await link(other.user, getattr(world, other_account))
    cast = Cast(world, anon, resident, other, staff_x, staff_y, admin)
    if co_owner:
        cast.co_owner = await client("resident")
        await link(cast.co_owner.user, world.account_x)
    if partners:
        org_x = await world.company_x.organization
        org_y = await world.company_y.organization
        cast.partner_x = await make_partner(settings, await http(), org_x.bin, scopes={ApiScope.BILLING_WRITE}, name="X billing")
        cast.partner_x_read = await make_partner(settings, await http(), org_x.bin, scopes={ApiScope.CONTRACTS_READ}, name="X CRM")
        cast.partner_y = await make_partner(settings, await http(), org_y.bin, scopes={ApiScope.BILLING_WRITE}, name="Y billing")
    return cast
