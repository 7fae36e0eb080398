"""Filing a request: a resident, for an account they hold by a confirmed link (seed 004 "Новое обращение")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from backend.errors import DomainError
from backend.models.identity import User
from backend.models.service_requests import ServiceRequest, ServiceRequestStatus
from backend.runtime import Runtime
from backend.services import counters
from backend.services.housing.access import Scope, resident_account
from backend.services.service_requests import catalog, events, fields, photos
from backend.services.tx import atomic


@dataclass(frozen=True)
class FilingInput:
    account_id: str
    type_id: str
    content: str
    visit_date: dt.date | None = None
    visit_from: str | None = None
    visit_to: str | None = None
    photo_upload_ids: list[str] = field(default_factory=list)


async def create(rt: Runtime, scope: Scope, author: User, data: FilingInput, *, ip: str = "") -> ServiceRequest:
    """Files the request with the company's next number; its photos are claimed in the same
    transaction, so a refused photo files nothing and every upload stays the resident's."""
    account = await resident_account(scope, data.account_id)
    if not account.is_active:
        raise DomainError("ACCOUNT_INACTIVE", field="accountId")
    errors: list[DomainError] = []
    content = fields.content(data.content, errors)
    visit = fields.visit(data.visit_date, data.visit_from, data.visit_to, errors)
    try:
        kind = await catalog.get_active(data.type_id)
    except DomainError as exc:
        errors.insert(0, exc)
        kind = None
    try:
        upload_ids = photos.upload_ids(data.photo_upload_ids, "photoUploadIds")
    except DomainError as exc:
        errors.append(exc)
        upload_ids = []
    fields.raise_if(errors)
    async with atomic():
        number = await counters.next_number(f"service_request:{account.company_id}")
        row = await ServiceRequest.create(
            company_id=account.company_id, account=account, author=author, number=number, type=kind, content=content,
            visit_date=visit.date, visit_from=visit.time_from, visit_to=visit.time_to, status=ServiceRequestStatus.NEW,
        )
        added = await photos.attach(rt, row, upload_ids, author.id, "photoUploadIds")
        await events.changed(
            rt, row, "created", author, ip=ip, typeCode=kind.code, content=content,
            visitDate=visit.date.isoformat() if visit.date else None, visitFrom=visit.time_from, visitTo=visit.time_to,
            photos=[{"id": str(p.id), "title": p.title} for p in added],
        )
    return row
