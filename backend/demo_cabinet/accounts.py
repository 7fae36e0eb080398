"""Demo data of the cabinet: accounts (owned by that domain).

ТОО «Жайлы үй» keeps two buildings in Astana with twelve accounts; the demo resident (phone
+77071234567, Ахметов Марат Серікұлы) has account 10117 (flat 17) confirmed. What the README shows:
- add by login and password: login 10118, password Demo-10118 (his second flat, not linked yet);
- add by address, confirmed at once (the account keeps his phone): 10120, "Астана, Тұран даңғылы, 1", flat 20;
- add by address, pending for the company: e.g. 10115, "г. Астана, ул. Тұран, 1", flat 15;
- every account's login is its number and its password "Demo-<number>".
The demo staff (uk@demo.shanyraq.kz) work for ТОО «Жайлы үй» and find a pending link of another
resident to decide. ОСИ «Достық 5» in Almaty is a second company whose accounts they never see.
The company's billing calls the partner API with DEMO_BILLING_KEY (scope billing:write).

Idempotent: creates what is missing and leaves alone what a person or the billing changed since."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from backend.auth.passwords import hash_password_async
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
from backend.models.identity import AccountKind, Role, User, UserRole
from backend.models.organizations import Organization
from backend.models.partners import ApiClient
from backend.runtime import Runtime
from backend.services import history, partners
from backend.services.housing.addresses import address_key
from backend.services.partners import ApiScope
from backend.services.tx import atomic

# A billing key for the playground, documented in the README; real keys come from `apiClientCreate`.
DEMO_BILLING_KEY = "shq_zu1b1111_demo-billing-key-of-zhaily-uy-for-the-playground-only"
RESIDENT_PHONE = "+77071234567"
NEIGHBOUR_PHONE = "+77071234568"
STAFF_EMAIL = "uk@demo.shanyraq.kz"


@dataclass(frozen=True)
class DemoCompany:
    bin: str
    name: str
    address: str
    phone: str
    emergency_phone: str
    hours: str
    iik: str
    bik: str
    bank_name: str


ZHAILY_UY = DemoCompany("180440012349", "ТОО «Жайлы үй»", "г. Астана, Тұран даңғылы, 1, НП-2", "+77172550117",
                        "+77172550109", "тәулік бойы / круглосуточно", "KZ86601A871001726091", "HSBKKZKX",
                        "АО «Народный Банк Казахстана»")
DOSTYK = DemoCompany("190540000014", "ОСИ «Достық 5»", "г. Алматы, Достық даңғылы, 5", "+77272640505",
                     "+77272640109", "Дс–Жм 9:00–18:00 / Пн–Пт 9:00–18:00", "KZ37722S000012345678", "CASPKZKA",
                     "АО «Kaspi Bank»")

# (company, external id, city, street, house)
BUILDINGS = (
    (ZHAILY_UY, "ZU-001", "Астана", "Тұран даңғылы", "1"),
    (ZHAILY_UY, "ZU-002", "Астана", "Сығанақ көшесі", "18"),
    (DOSTYK, "D5-1", "Алматы", "Достық даңғылы", "5"),
)

# (building external id, flat, account number, owner, phone, premises area, account area, living, registered)
ACCOUNTS = (
    ("ZU-001", "15", "10115", "Байжанова Гүлмира Асқарқызы", "", "48.30", "48.30", 2, 2),
    ("ZU-001", "16", "10116", "Петров Игорь Николаевич", "+77019876543", "74.10", "74.10", 4, 3),
    ("ZU-001", "17", "10117", "Ахметов Марат Серікұлы", "", "61.40", "61.40", 3, 3),
    ("ZU-001", "18", "10118", "Ахметов Марат Серікұлы", "", "39.80", "39.80", 0, 1),
    ("ZU-001", "19", "10119", "Омарова Динара Ержанқызы", "", "61.40", "30.70", 2, 2),
    ("ZU-001", "20", "10120", "Ахметова Сәуле Қайратқызы", RESIDENT_PHONE, "52.60", "52.60", 1, 1),
    ("ZU-002", "3", "20203", "Жақсылықов Бауыржан Темірұлы", "", "88.00", "88.00", 5, 5),
    ("ZU-002", "4", "20204", "Ким Виктория Сергеевна", "", "45.20", "45.20", 1, 1),
    ("ZU-002", "7", "20207", "Нұрпейісов Асхат Болатұлы", "", "67.90", "67.90", 3, 2),
    ("ZU-002", "12", "20212", "Смағұлова Айжан Маратқызы", "", "54.00", "54.00", 2, 2),
    ("D5-1", "3", "50003", "Сейітов Нұрлан Әбілұлы", "", "72.30", "72.30", 3, 3),
    ("D5-1", "9", "50009", "Иванова Ольга Петровна", "", "58.10", "58.10", 2, 2),
)


def password_of(number: str) -> str:
    return f"Demo-{number}"


async def _company(data: DemoCompany) -> ManagementCompany:
    organization, _ = await Organization.get_or_create(bin=data.bin, defaults={"name": data.name, "phone": data.phone})
    company = await ManagementCompany.get_or_none(organization_id=organization.id)
    if company is None:
        company = await ManagementCompany.create(
            organization=organization, name=data.name, address=data.address, phone=data.phone,
            emergency_phone=data.emergency_phone, hours=data.hours, iik=data.iik, bik=data.bik, bank_name=data.bank_name)
    return company


async def _user(phone: str, full_name: str) -> User:
    user = await User.get_or_none(phone=phone)
    if user is None:
        user = await User.create(kind=AccountKind.PERSON, phone=phone, full_name=full_name, locale="kk")
    await UserRole.get_or_create(user=user, role=Role.RESIDENT)
    return user


async def _link(user: User, account: PersonalAccount, status: AccountLinkStatus, method: AccountLinkMethod, **given: str) -> None:
    if await AccountLink.exists(user_id=user.id, account_id=account.id):
        return
    link = await AccountLink.create(user=user, account=account, status=status, method=method,
                                    decided_at=dt.datetime.now(dt.timezone.utc) if status is AccountLinkStatus.CONFIRMED else None,
                                    given_address=given.get("address", ""), given_flat=given.get("flat", ""))
    await history.record("account_link", link.id, "confirmed" if status is AccountLinkStatus.CONFIRMED else "claimed",
                         actor_id=user.id, source="demo", method=method.value, accountId=str(account.id), number=account.number,
                         status=status.value)


async def _billing_client(rt: Runtime, company: ManagementCompany) -> None:
    prefix = DEMO_BILLING_KEY.split("_")[1]
    if await ApiClient.exists(key_prefix=prefix):
        return
    await ApiClient.create(name="Жайлы үй billing (demo)", organization_id=company.organization_id, key_prefix=prefix,
                           key_hash=partners.key_hash(rt.settings.secret_key, DEMO_BILLING_KEY),
                           scopes=[ApiScope.BILLING_WRITE.value])


async def seed(rt: Runtime, password: str) -> None:
    # Hashed before the transaction: argon2 takes a tenth of a second each by design.
    missing = [row[2] for row in ACCOUNTS if not await PersonalAccount.exists(number=row[2])]
    hashes = {number: await hash_password_async(password_of(number)) for number in missing}
    async with atomic():
        companies = {data.bin: await _company(data) for data in (ZHAILY_UY, DOSTYK)}
        buildings: dict[str, Building] = {}
        for data, external_id, city, street, house in BUILDINGS:
            company = companies[data.bin]
            building = await Building.get_or_none(company_id=company.id, external_id=external_id)
            if building is None:
                building = await Building.create(company=company, city=city, street=street, house=house,
                                                 address_key=address_key(city, street, house), external_id=external_id)
            buildings[external_id] = building
        accounts: dict[str, PersonalAccount] = {}
        for external_id, flat, number, owner, phone, area, account_area, living, registered in ACCOUNTS:
            building = buildings[external_id]
            unit, _ = await HousingUnit.get_or_create(building=building, number=flat, defaults={"area": Decimal(area)})
            account = await PersonalAccount.get_or_none(company_id=building.company_id, number=number)
            if account is None:
                account = await PersonalAccount.create(
                    company_id=building.company_id, unit=unit, number=number, owner_name=owner, phone=phone,
                    account_area=Decimal(account_area), living=living, registered=registered, login=number,
                    password_hash=hashes.get(number) or await hash_password_async(password_of(number)))
                await history.record("personal_account", account.id, "created", source="demo")
            accounts[number] = account
        resident = await _user(RESIDENT_PHONE, "Ахметов Марат Серікұлы")
        await _link(resident, accounts["10117"], AccountLinkStatus.CONFIRMED, AccountLinkMethod.LOGIN)
        neighbour = await _user(NEIGHBOUR_PHONE, "Байжанова Гүлмира Асқарқызы")
        await _link(neighbour, accounts["10115"], AccountLinkStatus.PENDING, AccountLinkMethod.ADDRESS,
                    address="Астана, Тұран 1", flat="15")
        staff = await User.get_or_none(email=STAFF_EMAIL)
        if staff is not None:
            await CompanyStaff.get_or_create(user=staff, company=companies[ZHAILY_UY.bin])
        await _billing_client(rt, companies[ZHAILY_UY.bin])
