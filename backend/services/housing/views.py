"""The account header as plain data, for what is not GraphQL: receipt PDFs (section 1, the payer),
SMS texts, the acquirer's payment description. GraphQL reads the same through its loaders
(schema/housing.py PersonalAccount). Three statements for any number of accounts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from backend.models.housing import Building, HousingUnit, ManagementCompany, PersonalAccount
from backend.services.housing.addresses import account_address, building_address


@dataclass(frozen=True)
class AccountView:
    id: uuid.UUID
    number: str
    owner_name: str
    phone: str  # "" = not given
    flat: str
    address: str  # "г. Астана, Тұран даңғылы, 1, кв. 17"
    building_address: str
    premises_area: Decimal
    account_area: Decimal
    living: int
    registered: int
    debt: Decimal  # <= 0: none
    company_id: uuid.UUID
    company_name: str


async def account_views(accounts: list[PersonalAccount]) -> dict[uuid.UUID, AccountView]:
    """Headers of `accounts` (rows already read through services/housing/access) by account id."""
    units = {u.id: u for u in await HousingUnit.filter(id__in={a.unit_id for a in accounts})}
    buildings = {b.id: b for b in await Building.filter(id__in={u.building_id for u in units.values()})}
    names = dict(await ManagementCompany.filter(id__in={a.company_id for a in accounts}).values_list("id", "name"))
    views = {}
    for a in accounts:
        unit = units[a.unit_id]
        b = buildings[unit.building_id]
        views[a.id] = AccountView(
            id=a.id, number=a.number, owner_name=a.owner_name, phone=a.phone, flat=unit.number,
            address=account_address(b.city, b.street, b.house, unit.number), building_address=building_address(b.city, b.street, b.house),
            premises_area=unit.area, account_area=a.account_area, living=a.living, registered=a.registered, debt=a.balance,
            company_id=a.company_id, company_name=names.get(a.company_id, ""))
    return views


async def account_view(account: PersonalAccount) -> AccountView:
    return (await account_views([account]))[account.id]
