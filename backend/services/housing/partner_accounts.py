"""The company's billing keeps its personal accounts here in bulk (partnerAccountsUpsert).

An account is found by its number within the key's company and created or updated; its building by
the billing's `buildingExternalId`, else by the address (Building.address_key, see addresses.py),
and created when new; its premises by the building and flat. At most MAX_ITEMS per call.

Each item stands alone: an item with errors is reported ("accounts.<index>.<field>") and not saved,
the others are saved together in one transaction, each recorded in the account's history with what
changed. Nothing already saved is lost on bad input: omitted optional fields keep their values.
Passwords are hashed with argon2id (about 0.1 s each by design): send them only to set or change one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from backend.auth.identifiers import normalize_phone
from backend.auth.passwords import hash_password_async
from backend.errors import DomainError
from backend.models.housing import Building, HousingUnit, ManagementCompany, PersonalAccount
from backend.services import history
from backend.services.housing.addresses import address_key
from backend.services.partners import ClientPrincipal
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_ITEMS = 1000
MAX_AREA = Decimal("99999999.99")
MAX_PEOPLE = 999
HASHING_THREADS = 2  # argon2 releases the GIL: two at a time use both cores, more only queue
_TEXT_LIMITS = {"number": 30, "flat": 20, "ownerName": 300, "city": 100, "street": 200, "house": 20,
                "buildingExternalId": 100, "login": 60}


@dataclass
class AccountData:
    """One item as the billing sent it (camelCase names are the input's, used in error fields)."""

    number: str
    flat: str
    premises_area: Decimal
    account_area: Decimal
    owner_name: str
    city: str | None = None
    street: str | None = None
    house: str | None = None
    building_external_id: str | None = None
    phone: str | None = None
    living: int | None = None
    registered: int | None = None
    login: str | None = None
    password: str | None = None


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0
    errors: list[DomainError] = field(default_factory=list)


@dataclass
class _Clean:
    index: int
    data: AccountData
    key: str | None  # the building's address key, when an address was sent
    phone: str | None
    password_hash: str | None = None


def _text(value: str | None, name: str, errors: list[tuple[str, str, dict]], required: bool = False) -> str | None:
    text = value.strip() if isinstance(value, str) else None
    if not text:
        if required:
            errors.append((name, "REQUIRED", {}))
        return None
    if len(text) > _TEXT_LIMITS[name]:
        errors.append((name, "TOO_LONG", {"max": _TEXT_LIMITS[name]}))
    return text


def _area(value: Decimal, name: str, errors: list) -> Decimal:
    try:
        ok = value.is_finite() and Decimal(0) <= value <= MAX_AREA and value == value.quantize(Decimal("0.01"))
    except (InvalidOperation, AttributeError):
        ok = False
    if not ok:
        errors.append((name, "INVALID_AREA", {"max": str(MAX_AREA), "decimals": 2}))
        return Decimal(0)
    return value.quantize(Decimal("0.01"))


def _validate(index: int, item: AccountData) -> tuple[_Clean | None, list[tuple[str, str, dict]]]:
    errors: list[tuple[str, str, dict]] = []
    item.number = _text(item.number, "number", errors, required=True) or ""
    item.flat = _text(item.flat, "flat", errors, required=True) or ""
    item.owner_name = _text(item.owner_name, "ownerName", errors, required=True) or ""
    item.building_external_id = _text(item.building_external_id, "buildingExternalId", errors)
    item.city, item.street, item.house = (_text(getattr(item, n), n, errors) for n in ("city", "street", "house"))
    item.login = _text(item.login, "login", errors)
    item.premises_area = _area(item.premises_area, "premisesArea", errors)
    item.account_area = _area(item.account_area, "accountArea", errors)
    for name in ("living", "registered"):
        value = getattr(item, name)
        if value is not None and not 0 <= value <= MAX_PEOPLE:
            errors.append((name, "OUT_OF_RANGE", {"min": 0, "max": MAX_PEOPLE}))
    parts = (item.city, item.street, item.house)
    key = address_key(*parts) if all(parts) else None
    if key is None and not item.building_external_id:
        # Without the billing's building id the address is what finds (or makes) the building.
        errors.extend((n, "REQUIRED", {}) for n, v in zip(("city", "street", "house"), parts) if not v)
    phone = None
    if item.phone is not None and item.phone.strip():
        try:
            phone = normalize_phone(item.phone)
        except DomainError as exc:
            errors.append(("phone", exc.code, {}))
    elif item.phone is not None:
        phone = ""
    if item.password is not None and not 1 <= len(item.password) <= 256:
        errors.append(("password", "REQUIRED" if not item.password else "TOO_LONG", {} if not item.password else {"max": 256}))
    return (None if errors else _Clean(index, item, key, phone)), errors


async def _hash(clean: _Clean, gate: asyncio.Semaphore) -> None:
    if clean.data.password:
        async with gate:
            clean.password_hash = await hash_password_async(clean.data.password)


class _Buildings:
    """The company's buildings touched by one call, found or made once each."""

    def __init__(self, company: ManagementCompany):
        self.company = company
        self.by_external: dict[str, Building] = {}
        self.by_key: dict[str, Building] = {}

    async def load(self, items: list[_Clean]) -> None:
        externals = {c.data.building_external_id for c in items if c.data.building_external_id}
        keys = {c.key for c in items if c.key}
        for b in await Building.filter(company_id=self.company.id, external_id__in=list(externals)):
            self.by_external[b.external_id] = b
        for b in await Building.filter(company_id=self.company.id, address_key__in=list(keys)).order_by("created_at"):
            self.by_key.setdefault(b.address_key, b)

    async def get(self, c: _Clean, actor: str) -> Building:
        d = c.data
        b = self.by_external.get(d.building_external_id) if d.building_external_id else None
        if b is None and c.key:
            b = self.by_key.get(c.key)
            if b is not None and d.building_external_id and not b.external_id:
                b.external_id = d.building_external_id
                await b.save(update_fields=["external_id", "updated_at"])
                self.by_external[b.external_id] = b
        if b is None:
            if not c.key:
                raise DomainError("BUILDING_NOT_FOUND", field="buildingExternalId")
            b = await Building.create(company_id=self.company.id, city=d.city, street=d.street, house=d.house,
                                      address_key=c.key, external_id=d.building_external_id)
            await history.record("building", b.id, "created", source=actor, address=f"{d.city}, {d.street}, {d.house}")
        elif c.key and (b.city, b.street, b.house) != (d.city, d.street, d.house):
            # The billing is where a building's address is kept: a corrected spelling comes from there.
            old = f"{b.city}, {b.street}, {b.house}"
            self.by_key.pop(b.address_key, None)
            b.city, b.street, b.house, b.address_key = d.city, d.street, d.house, c.key
            await b.save(update_fields=["city", "street", "house", "address_key", "updated_at"])
            await history.record("building", b.id, "updated", source=actor, changes={"address": {"old": old, "new": f"{d.city}, {d.street}, {d.house}"}})
        if c.key:
            self.by_key[c.key] = b
        if b.external_id:
            self.by_external[b.external_id] = b
        return b


def _account_values(c: _Clean, unit: HousingUnit, existing: PersonalAccount | None) -> dict[str, Any]:
    d = c.data
    values: dict[str, Any] = {"unit_id": unit.id, "owner_name": d.owner_name, "account_area": d.account_area}
    if c.phone is not None:
        values["phone"] = c.phone
    for name in ("living", "registered"):
        if getattr(d, name) is not None:
            values[name] = getattr(d, name)
    if d.login or existing is None:
        values["login"] = d.login or d.number
    if c.password_hash:
        values["password_hash"] = c.password_hash
    return values


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, (Decimal, dt.date)) or type(value).__name__ == "UUID" else value


async def upsert_accounts(client: ClientPrincipal, company: ManagementCompany, items: list[AccountData],
                          req: RequestInfo) -> UpsertResult:
    if len(items) > MAX_ITEMS:
        raise DomainError("TOO_MANY", field="accounts", max=MAX_ITEMS)
    result = UpsertResult()
    valid: list[_Clean] = []
    seen_numbers: dict[str, int] = {}
    seen_logins: dict[str, int] = {}
    for index, item in enumerate(items):
        clean, errors = _validate(index, item)
        if clean is not None:
            login = clean.data.login or clean.data.number
            if clean.data.number in seen_numbers:
                errors.append(("number", "DUPLICATE", {"index": seen_numbers[clean.data.number]}))
            elif login in seen_logins:
                errors.append(("login", "DUPLICATE", {"index": seen_logins[login]}))
            else:
                seen_numbers[clean.data.number] = index
                seen_logins[login] = index
                valid.append(clean)
        result.errors.extend(DomainError(code, field=f"accounts.{index}.{name}", **params) for name, code, params in errors)
    gate = asyncio.Semaphore(HASHING_THREADS)
    await asyncio.gather(*(_hash(c, gate) for c in valid))
    actor = client.source
    async with atomic():
        existing = {a.number: a for a in await PersonalAccount.filter(company_id=company.id, number__in=[c.data.number for c in valid])}
        logins = [c.data.login or c.data.number for c in valid]
        login_owner = dict(await PersonalAccount.filter(company_id=company.id, login__in=logins).values_list("login", "number"))
        buildings = _Buildings(company)
        await buildings.load(valid)
        for c in valid:
            d = c.data
            account = existing.get(d.number)
            login = d.login or (account.login if account else d.number)
            if login_owner.get(login, d.number) != d.number:
                result.errors.append(DomainError("LOGIN_TAKEN", field=f"accounts.{c.index}.login"))
                continue
            try:
                building = await buildings.get(c, actor)
            except DomainError as exc:
                result.errors.append(DomainError(exc.code, field=f"accounts.{c.index}.{exc.field}"))
                continue
            unit, made = await HousingUnit.get_or_create(building_id=building.id, number=d.flat, defaults={"area": d.premises_area})
            area_change = None
            if not made and unit.area != d.premises_area:
                area_change = {"old": _plain(unit.area), "new": _plain(d.premises_area)}
                await HousingUnit.filter(id=unit.id).update(area=d.premises_area)
            values = _account_values(c, unit, account)
            if account is None:
                account = await PersonalAccount.create(company_id=company.id, number=d.number, **values)
                result.created += 1
                shown = {k: _plain(v) for k, v in values.items() if k != "password_hash"}
                await history.record("personal_account", account.id, "created", ip=req.ip, source=actor, values=shown)
            else:
                changes = {k: {"old": _plain(getattr(account, k)), "new": _plain(v)} for k, v in values.items()
                           if getattr(account, k) != v and k != "password_hash"}
                if "password_hash" in values:
                    changes["password"] = {"old": None, "new": "changed"}
                if area_change:
                    changes["premisesArea"] = area_change
                result.updated += 1
                if changes:
                    await PersonalAccount.filter(id=account.id).update(updated_at=dt.datetime.now(dt.timezone.utc), **values)
                    await history.record("personal_account", account.id, "updated", ip=req.ip, source=actor, changes=changes)
            login_owner[values.get("login", login)] = d.number
    result.errors.sort(key=lambda e: int(e.field.split(".")[1]))
    return result
