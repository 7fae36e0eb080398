"""Who sees which personal account — and so which receipt, payment, request, meter or vote.

A resident sees the accounts they have a confirmed link to; a management company's staff see
their company's accounts; an admin sees all. Every domain of the cabinet filters through
`visible_accounts`, so that "another's account" looks exactly like "no such account"."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from backend.errors import DomainError
from backend.models.housing import AccountLink, AccountLinkStatus, CompanyStaff, PersonalAccount
from backend.models.identity import Role
from backend.services.scoping import first_visible
from backend.services.sessions import Viewer


@dataclass(frozen=True)
class Scope:
    """What one viewer may see of the cabinet's data."""

    resident_id: uuid.UUID | None = None  # accounts linked to this user (confirmed links only)
    company_ids: frozenset[uuid.UUID] = frozenset()  # staff of these companies
    everything: bool = False

    @property
    def is_staff(self) -> bool:
        return bool(self.company_ids) or self.everything


async def scope_for(viewer: Viewer | None) -> Scope:
    if viewer is None:
        return Scope()
    if viewer.has(Role.ADMIN):
        return Scope(everything=True)
    companies: frozenset[uuid.UUID] = frozenset()
    if viewer.has(Role.UK_STAFF):
        rows = await CompanyStaff.filter(user_id=viewer.user.id).values_list("company_id", flat=True)
        companies = frozenset(uuid.UUID(str(r)) for r in rows)
    return Scope(resident_id=viewer.user.id if viewer.has(Role.RESIDENT) else None, company_ids=companies)


def staff_scope(company_id: uuid.UUID) -> Scope:
    """The scope of a partner system acting for one company (its billing, through an API key)."""
    return Scope(company_ids=frozenset({company_id}))


def _condition(scope: Scope, account_field: str, company_field: str) -> Q:
    condition = Q(**{f"{account_field}id__in": []})
    if scope.resident_id is not None:
        linked = Subquery(AccountLink.filter(user_id=scope.resident_id, status=AccountLinkStatus.CONFIRMED).values("account_id"))
        condition = Q(**{f"{account_field}id__in": linked})
    if scope.company_ids:
        condition = condition | Q(**{f"{company_field}id__in": list(scope.company_ids)})
    return condition


def visible_accounts(scope: Scope) -> QuerySet[PersonalAccount]:
    if scope.everything:
        return PersonalAccount.all()
    return PersonalAccount.filter(_condition(scope, "", "company_"))


def visible_by_account(scope: Scope, model, account_field: str = "account_") -> QuerySet:
    """Rows of `model` (which has `account` and `company` foreign keys) that the viewer may see."""
    if scope.everything:
        return model.all()
    return model.filter(_condition(scope, account_field, "company_"))


async def get_account(scope: Scope, account_id: object, field: str = "accountId") -> PersonalAccount:
    """The account, or NOT_FOUND — also when it exists but is someone else's."""
    return await first_visible(visible_accounts(scope), account_id, field)


async def resident_account(scope: Scope, account_id: object, field: str = "accountId") -> PersonalAccount:
    """An account the viewer holds as a resident (a confirmed link): what paying, filing a request,
    submitting a reading or voting need — staff see accounts but act on them only as staff."""
    if scope.resident_id is None:
        raise_not_found(field)
    return await first_visible(visible_accounts(Scope(resident_id=scope.resident_id)), account_id, field)


def raise_not_found(field: str) -> None:
    raise DomainError("NOT_FOUND", field=field)
