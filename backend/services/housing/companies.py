"""Management companies: the directory residents pick from, the company behind a partner key, and
the staff's list of their company's accounts."""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.errors import DomainError
from backend.models.housing import ManagementCompany, PersonalAccount
from backend.services.housing.access import Scope, visible_accounts
from backend.services.partners import ClientPrincipal

MAX_COMPANIES = 50
MAX_SEARCH = 100


async def directory(search: str | None) -> list[ManagementCompany]:
    """Companies by name (the "Управляющая компания" picker of the address form), at most 50."""
    query = ManagementCompany.all()
    text = (search or "").strip()[:MAX_SEARCH]
    if text:
        query = query.filter(name__icontains=text)
    return await query.order_by("name", "id").limit(MAX_COMPANIES)


async def company_of_client(client: ClientPrincipal) -> ManagementCompany:
    """The company a partner key acts for: its organization's. A key of an organization that is no
    management company may not touch anyone's accounts."""
    company = await ManagementCompany.get_or_none(organization_id=client.organization.id)
    if company is None:
        raise DomainError("NOT_A_MANAGEMENT_COMPANY")
    return company


def company_accounts(scope: Scope, search: str | None) -> QuerySet[PersonalAccount]:
    """The accounts of the staff's companies (all for an admin), optionally by number, login,
    owner or phone. Only the staff side of the scope: a resident's own links do not add to it."""
    query = visible_accounts(Scope(company_ids=scope.company_ids, everything=scope.everything))
    text = (search or "").strip()[:MAX_SEARCH]
    if text:
        query = query.filter(Q(number__icontains=text) | Q(owner_name__icontains=text) | Q(login__icontains=text)
                             | Q(phone__icontains=text))
    return query
