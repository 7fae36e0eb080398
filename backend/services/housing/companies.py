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


def contains(field: str, text: str) -> Q:
    """`field` contains `text`, whatever its case. PostgreSQL's ILIKE folds Cyrillic and Kazakh
    letters; SQLite's folds only ASCII, so there the usual spellings are tried too ("ким" finds
    "Ким Ольга", "КИМ" and "ким")."""
    spellings = dict.fromkeys((text, text.lower(), text.upper(), text.capitalize(), text.title()))
    conditions = [Q(**{f"{field}__icontains": spelling}) for spelling in spellings]
    return Q(*conditions, join_type="OR")


async def directory(search: str | None) -> list[ManagementCompany]:
    """Companies by name (the "Управляющая компания" picker of the address form), at most 50."""
    query = ManagementCompany.all()
    text = (search or "").strip()[:MAX_SEARCH]
    if text:
        query = query.filter(contains("name", text))
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
        query = query.filter(Q(number__icontains=text) | contains("owner_name", text) | Q(login__icontains=text)
                             | Q(phone__icontains=text))
    return query
