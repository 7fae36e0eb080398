"""Who sees which meeting. Staff of the company see its meetings in every state; a resident sees
the non-draft meetings of the buildings of their confirmed accounts, and acts for one account
(the premises whose vote it is). Built on services/housing/access like the rest of the cabinet."""

from __future__ import annotations

import uuid

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from backend.errors import DomainError
from backend.models.housing import HousingUnit, PersonalAccount
from backend.models.meetings import Meeting, MeetingStatus
from backend.services.housing.access import Scope, get_account, visible_accounts
from backend.services.scoping import first_visible

PUBLISHED = (MeetingStatus.OPEN, MeetingStatus.CLOSED)


def staff_meetings(scope: Scope) -> QuerySet[Meeting]:
    if scope.everything:
        return Meeting.all()
    return Meeting.filter(company_id__in=list(scope.company_ids))


def is_staff_of(scope: Scope, meeting: Meeting) -> bool:
    return scope.everything or meeting.company_id in scope.company_ids


async def building_of(account: PersonalAccount) -> uuid.UUID:
    return (await HousingUnit.get(id=account.unit_id)).building_id


async def account_meetings(scope: Scope, account_id: object) -> tuple[PersonalAccount, list[Meeting]]:
    """The opened and closed meetings of the account's building, newest opening first."""
    account = await get_account(scope, account_id)
    building_id = await building_of(account)
    rows = await Meeting.filter(building_id=building_id, status__in=PUBLISHED).order_by("-opens_at", "-id")
    return account, rows


async def visible_meeting(scope: Scope, meeting_id: object, account_id: object | None = None
                          ) -> tuple[Meeting, PersonalAccount | None]:
    """The meeting, seen through `account_id` when given (its premises' vote), or NOT_FOUND."""
    if account_id is not None:
        account = await get_account(scope, account_id)
        building_id = await building_of(account)
        query = Meeting.filter(building_id=building_id)
        if not scope.everything and account.company_id not in scope.company_ids:
            query = query.filter(status__in=PUBLISHED)
        return await first_visible(query, meeting_id, "id"), account
    if scope.is_staff:
        row = await staff_meetings(scope).filter(id=_uuid(meeting_id)).first()
        if row is not None:
            return row, None
    if scope.resident_id is None:
        raise DomainError("NOT_FOUND", field="id")
    accounts = visible_accounts(Scope(resident_id=scope.resident_id))
    buildings = await HousingUnit.filter(id__in=Subquery(accounts.values("unit_id"))).values_list("building_id", flat=True)
    query = Meeting.filter(building_id__in=list(set(buildings)), status__in=PUBLISHED)
    return await first_visible(query, meeting_id, "id"), None


def _uuid(raw: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        return None
