"""Who sees and who may act on which service request.

Seeing goes through the cabinet's one rule (services/housing/access.visible_by_account): residents
see the requests of the accounts they hold by a confirmed link (also those a co-owner filed),
staff their company's, an admin all. Acting is narrower: only the author edits, cancels and rates
(`own_request`), only the staff of the request's company take and close (`company_request`) — an
admin reads every queue but works none. Anything the viewer may not act on looks like NOT_FOUND
when they cannot see it, and NOT_ALLOWED when they can."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.errors import DomainError
from backend.models.service_requests import ServiceRequest, ServiceRequestStatus
from backend.services.housing.access import Scope, get_account, visible_by_account
from backend.services.scoping import first_visible

MAX_SEARCH = 100


def visible_requests(scope: Scope) -> QuerySet[ServiceRequest]:
    return visible_by_account(scope, ServiceRequest)


async def get_request(scope: Scope, request_id: object, field: str = "id") -> ServiceRequest:
    """The request, or NOT_FOUND — also when it exists but is someone else's."""
    return await first_visible(visible_requests(scope), request_id, field)


async def own_request(scope: Scope, user_id: uuid.UUID, request_id: object) -> ServiceRequest:
    """A request the viewer filed (and still sees through a confirmed link)."""
    row = await get_request(Scope(resident_id=scope.resident_id), request_id) if scope.resident_id else None
    if row is None:
        raise DomainError("NOT_FOUND", field="id")
    if row.author_id != user_id:
        raise DomainError("NOT_ALLOWED", field="id")
    return row


async def company_request(scope: Scope, request_id: object) -> ServiceRequest:
    """A request of a company the viewer works for."""
    if not scope.company_ids:
        await get_request(scope, request_id)  # NOT_FOUND when they cannot even see it
        raise DomainError("NOT_ALLOWED", field="id")
    return await first_visible(ServiceRequest.filter(company_id__in=list(scope.company_ids)), request_id, "id")


async def account_requests(scope: Scope, account_id: object, status: ServiceRequestStatus | None) -> QuerySet[ServiceRequest]:
    """One account's requests (NOT_FOUND when the viewer does not see the account)."""
    account = await get_account(scope, account_id)
    query = visible_requests(scope).filter(account_id=account.id)
    return query.filter(status=status) if status is not None else query


@dataclass(frozen=True)
class QueueFilter:
    status: ServiceRequestStatus | None = None
    type_id: str | None = None
    building_id: str | None = None
    search: str | None = None


def _uuid_or_none(value: str | None, field: str) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise DomainError("NOT_FOUND", field=field) from None


def company_queue(scope: Scope, data: QueueFilter) -> QuerySet[ServiceRequest]:
    """The back office's queue: the requests of the viewer's companies (an admin's: all), filtered.
    `search` finds a request by its number, by the account's number, or by words of its content."""
    if not scope.is_staff:
        return ServiceRequest.filter(id__in=[])
    query = ServiceRequest.all() if scope.everything else ServiceRequest.filter(company_id__in=list(scope.company_ids))
    if data.status is not None:
        query = query.filter(status=data.status)
    type_id = _uuid_or_none(data.type_id, "filter.typeId")
    if type_id is not None:
        query = query.filter(type_id=type_id)
    building_id = _uuid_or_none(data.building_id, "filter.buildingId")
    if building_id is not None:
        query = query.filter(account__unit__building_id=building_id)
    text = " ".join((data.search or "").split())[:MAX_SEARCH]
    if text:
        condition = Q(content__icontains=text) | Q(account__number=text)
        if text.lstrip("№# ").isdigit():
            condition |= Q(number=int(text.lstrip("№# ")))
        query = query.filter(condition)
    return query


def can_change(row: ServiceRequest, user_id: uuid.UUID | None) -> bool:
    """The author may edit or cancel while the request is NEW."""
    return user_id is not None and row.author_id == user_id and row.status == ServiceRequestStatus.NEW


def can_rate(row: ServiceRequest, user_id: uuid.UUID | None) -> bool:
    return (user_id is not None and row.author_id == user_id and row.status == ServiceRequestStatus.CLOSED
            and row.rated_at is None)
