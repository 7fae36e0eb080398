"""The author rates a closed request once: 1–5, or "not done" (Не выполнено), with an optional comment."""

from __future__ import annotations

import datetime as dt

from backend.errors import DomainError
from backend.models.identity import User
from backend.models.service_requests import ServiceRequest, ServiceRequestStatus
from backend.runtime import Runtime
from backend.services.housing.access import Scope
from backend.services.service_requests import access, events
from backend.services.tx import atomic

MAX_COMMENT = 1000


async def rate(rt: Runtime, scope: Scope, user: User, request_id: str, rating: int | None, not_done: bool,
               comment: str | None, *, ip: str = "") -> ServiceRequest:
    """Either `rating` (1..5) or `not_done`, not both. A second rating is ALREADY_RATED: a rating
    is the resident's word on the work and stays as given, like the history it is written into."""
    row = await access.own_request(scope, user.id, request_id)
    if row.status != ServiceRequestStatus.CLOSED:
        raise DomainError("WRONG_STATUS", field="id", status=ServiceRequestStatus(row.status).value,
                          expected=ServiceRequestStatus.CLOSED.value)
    if row.rated_at is not None:
        raise DomainError("ALREADY_RATED", field="id")
    if not_done and rating is not None:
        raise DomainError("RATING_CONFLICT", field="rating")
    if not not_done:
        if rating is None:
            raise DomainError("REQUIRED", field="rating")
        if not 1 <= rating <= 5:
            raise DomainError("OUT_OF_RANGE", field="rating", min=1, max=5)
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT:
        raise DomainError("TOO_LONG", field="comment", max=MAX_COMMENT)
    now = dt.datetime.now(dt.timezone.utc)
    async with atomic():
        if not await ServiceRequest.filter(id=row.id, status=ServiceRequestStatus.CLOSED, rated_at__isnull=True).update(
                rating=None if not_done else rating, rating_not_done=bool(not_done), rating_comment=text, rated_at=now,
                updated_at=now):
            raise DomainError("ALREADY_RATED", field="id")
        row = await ServiceRequest.get(id=row.id)
        await events.changed(rt, row, "rated", user, comment=text, ip=ip, rating=row.rating, notDone=row.rating_not_done)
    return row
