"""The resident cabinet's accounts (seed 004): management companies, buildings, personal accounts
and residents' links to them. Relations are read through `info.context.loaders.housing`."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
import strawberry
from strawberry.types import Info

from backend.models.housing import AccountLinkStatus as LinkStatusRow
from backend.schema.common import UserError
from backend.services.housing.addresses import account_address, building_address


@strawberry.type(description="A management company (kk ПИК/МҮБ, ru УК/ОСИ) as its residents see it.")
class ManagementCompany:
    id: strawberry.ID = strawberry.field(description="Company id.")
    name: str = strawberry.field(description="Name, e.g. ТОО «Жайлы үй».")
    address: str = strawberry.field(description="Office address.")
    phone: str = strawberry.field(description="Office phone; empty when not given.")
    emergency_phone: str = strawberry.field(description="Emergency dispatch phone (аварийно-диспетчерская служба).")
    hours: str = strawberry.field(description="Opening hours as the company words them.")
    acquiring_enabled: bool = strawberry.field(description="Residents may pay online.")

    @classmethod
    def from_row(cls, row) -> ManagementCompany:
        return cls(id=str(row.id), name=row.name, address=row.address, phone=row.phone,
                   emergency_phone=row.emergency_phone, hours=row.hours, acquiring_enabled=row.acquiring_enabled)


@strawberry.type(description="An apartment building served by a management company.")
class Building:
    id: strawberry.ID = strawberry.field(description="Building id.")
    city: str = strawberry.field(description="City, e.g. Астана.")
    street: str = strawberry.field(description="Street with its kind, e.g. Тұран даңғылы.")
    house: str = strawberry.field(description="House number, e.g. 1 or 5/1.")

    @strawberry.field(description='The whole address as shown: "г. Астана, Тұран даңғылы, 1".')
    def address(self) -> str:
        return building_address(self.city, self.street, self.house)

    @classmethod
    def from_row(cls, row) -> Building:
        return cls(id=str(row.id), city=row.city, street=row.street, house=row.house)


@strawberry.type(description="A personal account (kk дербес шот, ru лицевой счёт): the header of the cabinet.")
class PersonalAccount:
    id: strawberry.ID = strawberry.field(description="Account id.")
    number: str = strawberry.field(description="Account number, e.g. 10117.")
    owner_name: str = strawberry.field(description="Owner as the company keeps them.")
    phone: str = strawberry.field(description='Owner\'s phone as the company keeps it; "" = not given.')
    account_area: Decimal = strawberry.field(description="Area the account is charged for, m².")
    living: int = strawberry.field(description="People living there (проживает).")
    registered: int = strawberry.field(description="People registered there (зарегистрировано).")
    debt: Decimal = strawberry.field(description="Amount due now, tenge; zero or less means none (less: an advance).")
    unit_id: strawberry.Private[object]
    company_id: strawberry.Private[object]

    @classmethod
    def from_row(cls, row) -> PersonalAccount:
        return cls(id=str(row.id), number=row.number, owner_name=row.owner_name, phone=row.phone,
                   account_area=row.account_area, living=row.living, registered=row.registered,
                   debt=row.balance, unit_id=row.unit_id, company_id=row.company_id)

    async def _unit(self, info: Info):
        return await info.context.loaders.housing.unit_by_id.load(self.unit_id)

    @strawberry.field(description="Flat (premises) number, e.g. 17.")
    async def flat(self, info: Info) -> str:
        return (await self._unit(info)).number

    @strawberry.field(description="Area of the premises, m²; weighs the owner's vote at meetings.")
    async def premises_area(self, info: Info) -> Decimal:
        return (await self._unit(info)).area

    @strawberry.field(description="Building address and flat, e.g. \"г. Астана, Тұран даңғылы, 1, кв. 17\".")
    async def address(self, info: Info) -> str:
        unit = await self._unit(info)
        b = await info.context.loaders.housing.building_by_id.load(unit.building_id)
        return account_address(b.city, b.street, b.house, unit.number)

    @strawberry.field(description="The building of the premises.")
    async def building(self, info: Info) -> Building:
        unit = await self._unit(info)
        return Building.from_row(await info.context.loaders.housing.building_by_id.load(unit.building_id))

    @strawberry.field(description="The management company that keeps the account.")
    async def company(self, info: Info) -> ManagementCompany:
        return ManagementCompany.from_row(await info.context.loaders.housing.company_by_id.load(self.company_id))


@strawberry.enum(description="Where a resident's claim to an account stands.")
class AccountLinkStatus(enum.Enum):
    PENDING = "pending"  # waits for the company's staff
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@strawberry.enum(description="How the resident proved the account is theirs.")
class AccountLinkMethod(enum.Enum):
    LOGIN = "login"  # the login and password the company gave
    ADDRESS = "address"  # account number, address and flat


@strawberry.type(description="A resident's link to a personal account: a row of \"Выберите лицевой счёт\" or of the company's confirmations.")
class AccountLink:
    id: strawberry.ID = strawberry.field(description="Link id.")
    status: AccountLinkStatus = strawberry.field(description="Pending, confirmed or rejected.")
    method: AccountLinkMethod = strawberry.field(description="By login and password or by address.")
    created_at: dt.datetime = strawberry.field(description="When the resident claimed the account (last time).")
    decided_at: dt.datetime | None = strawberry.field(description="When it was confirmed or rejected.")
    reject_reason: str = strawberry.field(description="Why the staff rejected it; empty otherwise.")
    given_address: str = strawberry.field(description="The address the resident typed (by address only).")
    given_flat: str = strawberry.field(description="The flat the resident typed (by address only).")
    given_company: str = strawberry.field(description="The company the resident chose, by name (by address only).")
    account_id: strawberry.Private[object]
    user_id: strawberry.Private[object]
    reveal: strawberry.Private[bool]

    @classmethod
    def from_row(cls, row, reveal_account: bool = False) -> AccountLink:
        """`reveal_account`: the viewer is the company's staff (or an admin), who see the account
        also while the link waits for them; a resident sees it once it is confirmed."""
        status = LinkStatusRow(row.status)
        return cls(id=str(row.id), status=AccountLinkStatus(status.value), method=AccountLinkMethod(getattr(row.method, "value", row.method)),
                   created_at=row.created_at, decided_at=row.decided_at, reject_reason=row.reject_reason,
                   given_address=row.given_address, given_flat=row.given_flat, given_company=row.given_company,
                   account_id=row.account_id, user_id=row.user_id,
                   reveal=reveal_account or status is LinkStatusRow.CONFIRMED)

    async def _account(self, info: Info):
        return await info.context.loaders.housing.account_by_id.load(self.account_id)

    @strawberry.field(description="The account's number, also while the link is pending.")
    async def account_number(self, info: Info) -> str:
        return (await self._account(info)).number

    @strawberry.field(description="The premises' address, also while the link is pending.")
    async def address(self, info: Info) -> str:
        account = await self._account(info)
        return await PersonalAccount.from_row(account).address(info)

    @strawberry.field(description="The account: once confirmed, or to the company's staff.")
    async def account(self, info: Info) -> PersonalAccount | None:
        return PersonalAccount.from_row(await self._account(info)) if self.reveal else None

    async def _user(self, info: Info):
        return await info.context.loaders.user_by_id.load(self.user_id)

    @strawberry.field(description="Who claims the account (the resident's name; may be empty).")
    async def resident_name(self, info: Info) -> str:
        user = await self._user(info)
        return user.full_name if user else ""

    @strawberry.field(description="The phone the resident signed in with.")
    async def resident_phone(self, info: Info) -> str:
        user = await self._user(info)
        return (user.phone or "") if user else ""


@strawberry.input(description="Link an account by the login and password the company gave (login = account number by default).")
class AccountLinkByLoginInput:
    login: str = strawberry.field(description="Login, usually the account number.")
    password: str = strawberry.field(description="Password from the company.")


@strawberry.input(description="Link an account by its number, address and flat (seed 004 \"Добавить по адресу\").")
class AccountLinkByAddressInput:
    account_number: str = strawberry.field(description="Account number.")
    address: str = strawberry.field(description='City, street, house in one field, e.g. "г. Астана, ул. Тұран, 1".')
    flat: str = strawberry.field(description="Flat number.")
    company_id: strawberry.ID | None = strawberry.field(default=None, description="The management company, if the resident knows it.")


@strawberry.input(description="Take a link off the resident's list.")
class AccountLinkRemoveInput:
    link_id: strawberry.ID = strawberry.field(description="Link id.")


@strawberry.input(description="The company's decision on a pending link.")
class AccountLinkDecideInput:
    link_id: strawberry.ID = strawberry.field(description="Link id.")
    approve: bool = strawberry.field(description="true confirms, false rejects.")
    reason: str | None = strawberry.field(default=None, description="Why it is rejected (shown to the resident); at most 500 characters.")


@strawberry.type(description="Result of a change to a link.")
class AccountLinkPayload:
    link: AccountLink | None = strawberry.field(default=None, description="The link after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="What to fix.")


@strawberry.input(description="One personal account as the company's billing keeps it. The building is found by "
                               "`buildingExternalId` or by city, street and house (created when new).")
class PartnerAccountInput:
    number: str = strawberry.field(description="Account number, unique within the company.")
    flat: str = strawberry.field(description="Flat (premises) number.")
    premises_area: Decimal = strawberry.field(description="Area of the premises, m², 2 decimals.")
    account_area: Decimal = strawberry.field(description="Area the account is charged for, m², 2 decimals.")
    owner_name: str = strawberry.field(description="Owner's name.")
    city: str | None = strawberry.field(default=None, description="City of the building.")
    street: str | None = strawberry.field(default=None, description="Street of the building.")
    house: str | None = strawberry.field(default=None, description="House number.")
    building_external_id: str | None = strawberry.field(default=None, description="The building's id in the billing system.")
    phone: str | None = strawberry.field(default=None, description="Owner's phone (+7…); empty clears it.")
    living: int | None = strawberry.field(default=None, description="People living there; kept when omitted (0 when new).")
    registered: int | None = strawberry.field(default=None, description="People registered there; kept when omitted (0 when new).")
    login: str | None = strawberry.field(default=None, description="Login for linking; the account number when omitted on a new account.")
    password: str | None = strawberry.field(default=None, description="Password for linking; kept when omitted. Only its hash is stored.")


@strawberry.input(description="Accounts to create or update, at most 1000 per call.")
class PartnerAccountsUpsertInput:
    accounts: list[PartnerAccountInput] = strawberry.field(description="The accounts.")


@strawberry.type(description="What a bulk upsert of accounts did; items with errors were not saved, the others were.")
class PartnerAccountsUpsertPayload:
    created: int = strawberry.field(default=0, description="Accounts created.")
    updated: int = strawberry.field(default=0, description="Accounts that existed and changed (or stayed the same).")
    errors: list[UserError] = strawberry.field(default_factory=list, description='Per item, field "accounts.<index>.<field>".')
