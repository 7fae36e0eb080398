"""A resident links a personal account to their cabinet (seed 004 "Добавить лицевой счёт").

Two ways:
- by the login and password the company gave: right → confirmed at once; wrong → INVALID_CREDENTIALS,
  the same answer for an unknown login and a wrong password. Failures are throttled per resident
  (services/throttle, scope "account_login"), as sign-in throttles per login;
- by address: account number + address ("город, улица, дом", see addresses.py) + flat (+ company)
  must all match one active account. Confirmed at once when the account's phone is the resident's own
  (the phone they signed in with, verified by its code); otherwise PENDING until the company's staff
  decide. Nothing matches → ACCOUNT_NOT_MATCHED on accountNumber — the same whether the number does
  not exist, exists elsewhere, or the address or flat differ, so the form cannot be used to probe
  other people's accounts. These failures are throttled too (scope "account_address").

A link that was removed or rejected may be claimed again: the same row (one per resident and
account) becomes a new claim, and the history keeps the old one. A confirmed one → ALREADY_LINKED;
a pending one claimed again by address → LINK_PENDING; by login it is confirmed (the password proves it).
"""

from __future__ import annotations

import datetime as dt
import uuid

import phonenumbers

from backend.auth.passwords import verify_password_async
from backend.errors import DomainError
from backend.models.housing import (
    AccountLink,
    AccountLinkMethod,
    AccountLinkStatus,
    Building,
    HousingUnit,
    ManagementCompany,
    PersonalAccount,
)
from backend.models.identity import User
from backend.runtime import Runtime
from backend.services import history, throttle
from backend.services.housing.addresses import address_key, normalize_address, normalize_flat, street_key
from backend.services.request_info import RequestInfo
from backend.services.tx import atomic

MAX_LOGIN = 60
MAX_PASSWORD = 256
MAX_ADDRESS = 400
MAX_FLAT = 20
MAX_NUMBER = 30


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _required(value: str | None, field: str, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError("REQUIRED", field=field)
    if len(text) > limit:
        raise DomainError("TOO_LONG", field=field, max=limit)
    return text


def _same_phone(account_phone: str, user_phone: str | None) -> bool:
    if not account_phone or not user_phone:
        return False
    try:
        number = phonenumbers.parse(account_phone, "KZ")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == user_phone


async def _claim(user: User, account: PersonalAccount, method: AccountLinkMethod, status: AccountLinkStatus,
                 req: RequestInfo, **given: str) -> AccountLink:
    """Creates the link or turns a removed/rejected one into a new claim; inside atomic()."""
    now = _now()
    decided = status is AccountLinkStatus.CONFIRMED
    values = dict(status=status, method=method, given_address=given.get("address", ""), given_flat=given.get("flat", ""),
                  given_company=given.get("company", ""), decided_by_id=None, decided_at=now if decided else None,
                  reject_reason="")
    existing = await AccountLink.select_for_update().get_or_none(user_id=user.id, account_id=account.id)
    if existing is None:
        link = await AccountLink.create(user_id=user.id, account_id=account.id, **values)
    else:
        if existing.status is AccountLinkStatus.CONFIRMED:
            raise DomainError("ALREADY_LINKED", field="login" if method is AccountLinkMethod.LOGIN else "accountNumber")
        if existing.status is AccountLinkStatus.PENDING and method is AccountLinkMethod.ADDRESS:
            raise DomainError("LINK_PENDING", field="accountNumber")
        await AccountLink.filter(id=existing.id).update(created_at=now, updated_at=now, **values)
        link = await AccountLink.get(id=existing.id)
    await history.record("account_link", link.id, "confirmed" if decided else "claimed", actor_id=user.id, ip=req.ip,
                         method=method.value, accountId=str(account.id), number=account.number, status=status.value,
                         automatic=decided, **{k: v for k, v in given.items() if v})
    return link


async def link_by_login(rt: Runtime, user: User, login: str, password: str, req: RequestInfo) -> AccountLink:
    login = _required(login, "login", MAX_LOGIN)
    if not password:
        raise DomainError("REQUIRED", field="password")
    if len(password) > MAX_PASSWORD:
        raise DomainError("INVALID_CREDENTIALS")
    attempt = await throttle.claim(rt.settings, "account_login", str(user.id), req.ip)
    # A login is unique within a company, not across them: try each company's account of that login.
    candidates = await PersonalAccount.filter(login=login, is_active=True).order_by("created_at", "id").limit(5)
    account = None
    for candidate in candidates or [None]:
        if await verify_password_async(candidate.password_hash if candidate else None, password):
            account = candidate
            break
    if account is None:
        raise DomainError("INVALID_CREDENTIALS")
    await throttle.succeeded(attempt)
    async with atomic():
        return await _claim(user, account, AccountLinkMethod.LOGIN, AccountLinkStatus.CONFIRMED, req)


async def _company(company_id: object | None) -> ManagementCompany | None:
    if company_id in (None, ""):
        return None
    try:
        key = uuid.UUID(str(company_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="companyId") from None
    company = await ManagementCompany.get_or_none(id=key)
    if company is None:
        raise DomainError("NOT_FOUND", field="companyId")
    return company


async def _matching(number: str, address: str, flat: str, company: ManagementCompany | None) -> list[PersonalAccount]:
    query = PersonalAccount.filter(number=number, is_active=True)
    if company is not None:
        query = query.filter(company_id=company.id)
    accounts = await query.limit(20)
    if not accounts:
        return []
    units = {u.id: u for u in await HousingUnit.filter(id__in=[a.unit_id for a in accounts])}
    buildings = {b.id: b for b in await Building.filter(id__in=[u.building_id for u in units.values()])}
    typed, typed_flat = normalize_address(address), normalize_flat(flat)
    found = []
    for account in accounts:
        unit = units[account.unit_id]
        b = buildings[unit.building_id]
        # Keys are worked out from the building's parts, so a building stored before the rules
        # changed still matches; the city may be left out.
        if typed in (address_key(b.city, b.street, b.house), street_key(b.street, b.house)) and normalize_flat(unit.number) == typed_flat:
            found.append(account)
    return found


async def link_by_address(rt: Runtime, user: User, account_number: str, address: str, flat: str,
                          company_id: object | None, req: RequestInfo) -> AccountLink:
    number = _required(account_number, "accountNumber", MAX_NUMBER)
    address = _required(address, "address", MAX_ADDRESS)
    flat = _required(flat, "flat", MAX_FLAT)
    if not normalize_address(address):
        raise DomainError("INVALID_ADDRESS", field="address")
    company = await _company(company_id)
    attempt = await throttle.claim(rt.settings, "account_address", str(user.id), req.ip)
    found = await _matching(number, address, flat, company)
    if not found:
        raise DomainError("ACCOUNT_NOT_MATCHED", field="accountNumber")
    if len(found) > 1:
        # The same number at the same address in two companies: the resident must say which one.
        raise DomainError("COMPANY_REQUIRED", field="companyId")
    await throttle.succeeded(attempt)
    account = found[0]
    status = AccountLinkStatus.CONFIRMED if _same_phone(account.phone, user.phone) else AccountLinkStatus.PENDING
    async with atomic():
        return await _claim(user, account, AccountLinkMethod.ADDRESS, status, req, address=address, flat=flat,
                            company=company.name if company else "")


async def my_links(user_id: uuid.UUID) -> list[AccountLink]:
    """The resident's list: every link but removed ones, oldest first."""
    return await AccountLink.filter(user_id=user_id).exclude(status=AccountLinkStatus.REMOVED).order_by("created_at", "id")


async def remove_link(user: User, link_id: object, req: RequestInfo) -> AccountLink:
    """The resident takes a link off their list; the account's data closes to them at once."""
    try:
        key = uuid.UUID(str(link_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field="linkId") from None
    async with atomic():
        link = await AccountLink.select_for_update().get_or_none(id=key, user_id=user.id)
        if link is None or link.status is AccountLinkStatus.REMOVED:
            raise DomainError("NOT_FOUND", field="linkId")
        before = link.status
        link.status = AccountLinkStatus.REMOVED
        await link.save(update_fields=["status", "updated_at"])
        await history.record("account_link", link.id, "removed", actor_id=user.id, ip=req.ip, status=link.status.value,
                             previous=before.value, accountId=str(link.account_id))
    return link
