"""Who sees which queue application: the one scope every read of the domain filters by.

A citizen sees the applications they filed (for themselves or as a representative) and those
filed for them; a queue officer or an admin sees every one. A company, a resident role alone or
an API client sees none. "Not yours" is NOT_FOUND, as everywhere."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.errors import DomainError
from backend.models.identity import AccountKind, Role
from backend.models.queue import QueueApplication, QueueComplaint
from backend.services.scoping import first_visible
from backend.services.sessions import Viewer

OFFICE_ROLES = (Role.QUEUE_OFFICER, Role.ADMIN)


@dataclass(frozen=True)
class Scope:
    user_id: uuid.UUID | None = None
    iin: str = ""  # the viewer's own IIN: what was filed for them by a representative is theirs too
    office: bool = False
    locale: str = "kk"

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None

    def require_person(self) -> None:
        """Filing needs a person's account with an IIN (a company files nothing here)."""
        if not self.iin:
            raise DomainError("NOT_ALLOWED")

    def require_office(self) -> None:
        if not self.office:
            raise DomainError("NOT_ALLOWED")


def scope_for(viewer: Viewer | None, locale: str = "kk") -> Scope:
    if viewer is None:
        return Scope(locale=locale)
    user = viewer.user
    iin = user.iin_bin or "" if user.kind == AccountKind.PERSON else ""
    return Scope(user_id=user.id, iin=iin, office=viewer.has(*OFFICE_ROLES), locale=locale)


def visible_applications(scope: Scope) -> QuerySet[QueueApplication]:
    if scope.office:
        return QueueApplication.all()
    if scope.user_id is None:
        return QueueApplication.filter(id__in=[])
    own = Q(filed_by_id=scope.user_id)
    if scope.iin:
        own |= Q(person_iin=scope.iin)
    return QueueApplication.filter(own)


def visible_complaints(scope: Scope) -> QuerySet[QueueComplaint]:
    if scope.office:
        return QueueComplaint.all()
    if scope.user_id is None:
        return QueueComplaint.filter(id__in=[])
    return QueueComplaint.filter(author_id=scope.user_id)


async def get_application(scope: Scope, application_id: object, field: str = "applicationId") -> QueueApplication:
    return await first_visible(visible_applications(scope), application_id, field)


async def get_complaint(scope: Scope, complaint_id: object, field: str = "complaintId") -> QueueComplaint:
    return await first_visible(visible_complaints(scope), complaint_id, field)
