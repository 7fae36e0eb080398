"""The company's staff work the queue: take a NEW request into work, close one in work with a comment.

Only staff of the request's company do (an admin reads every queue but works none). Each move is a
statement guarded by the status it starts from, so two workers taking the same request at once
get one success and one WRONG_STATUS."""

from __future__ import annotations

import datetime as dt

from backend.errors import DomainError
from backend.models.identity import User
from backend.models.service_requests import ServiceRequest, ServiceRequestStatus
from backend.runtime import Runtime
from backend.services.housing.access import Scope
from backend.services.service_requests import access, events
from backend.services.tx import atomic

MAX_CLOSE_COMMENT = 2000


async def _move(rt: Runtime, scope: Scope, worker: User, request_id: str, start: ServiceRequestStatus,
                action: str, *, comment: str = "", ip: str = "", **values) -> ServiceRequest:
    row = await access.company_request(scope, request_id)
    async with atomic():
        if not await ServiceRequest.filter(id=row.id, status=start).update(**values):
            now = await ServiceRequest.get(id=row.id)
            raise DomainError("WRONG_STATUS", field="id", status=ServiceRequestStatus(now.status).value,
                              expected=start.value)
        row = await ServiceRequest.get(id=row.id)
        await events.changed(rt, row, action, worker, comment=comment, ip=ip, tell_author=True)
    return row


async def take(rt: Runtime, scope: Scope, worker: User, request_id: str, *, ip: str = "") -> ServiceRequest:
    now = dt.datetime.now(dt.timezone.utc)
    return await _move(rt, scope, worker, request_id, ServiceRequestStatus.NEW, "taken", ip=ip,
                       status=ServiceRequestStatus.IN_WORK, taken_by_id=worker.id, taken_at=now, updated_at=now)


async def close(rt: Runtime, scope: Scope, worker: User, request_id: str, comment: str | None, *, ip: str = "") -> ServiceRequest:
    """What was done, in words the resident reads (required: a closed request without a word of
    what happened is what residents complain about)."""
    text = (comment or "").strip()
    if not text:
        raise DomainError("REQUIRED", field="comment")
    if len(text) > MAX_CLOSE_COMMENT:
        raise DomainError("TOO_LONG", field="comment", max=MAX_CLOSE_COMMENT)
    now = dt.datetime.now(dt.timezone.utc)
    return await _move(rt, scope, worker, request_id, ServiceRequestStatus.IN_WORK, "closed", comment=text, ip=ip,
                       status=ServiceRequestStatus.CLOSED, closed_at=now, close_comment=text, updated_at=now)
