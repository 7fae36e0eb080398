"""The author's changes while a request is NEW: edit (type, content, visit, photos) and cancel.

Once staff take a request it is theirs: an edit or a cancel then is WRONG_STATUS (params `status`,
the request's status now). Every write is guarded by `status = new` in the statement itself, so an
edit racing the staff's take cannot slip in after it."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from backend.errors import DomainError
from backend.models.identity import User
from backend.models.service_requests import ServiceRequest, ServiceRequestPhoto, ServiceRequestStatus
from backend.runtime import Runtime
from backend.services.housing.access import Scope
from backend.services.service_requests import access, catalog, events, fields, photos
from backend.services.tx import atomic, on_commit

log = logging.getLogger(__name__)


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()  # a field the edit leaves as it is


@dataclass(frozen=True)
class UpdateInput:
    id: str
    type_id: Any = KEEP
    content: Any = KEEP
    visit_date: Any = KEEP  # a date, None to clear it, or KEEP
    visit_from: Any = KEEP
    visit_to: Any = KEEP
    add_photo_upload_ids: list[str] = field(default_factory=list)
    remove_photo_ids: list[str] = field(default_factory=list)


def _wrong_status(row: ServiceRequest) -> DomainError:
    return DomainError("WRONG_STATUS", field="id", status=ServiceRequestStatus(row.status).value,
                       expected=ServiceRequestStatus.NEW.value)


async def _editable(scope: Scope, user: User, request_id: str) -> ServiceRequest:
    row = await access.own_request(scope, user.id, request_id)
    if row.status != ServiceRequestStatus.NEW:
        raise _wrong_status(row)
    return row


def _photo_ids(ids: list[str]) -> list[uuid.UUID]:
    keys = []
    for raw in dict.fromkeys(str(i).strip() for i in ids or []):
        try:
            keys.append(uuid.UUID(raw))
        except ValueError:
            raise DomainError("NOT_FOUND", field="removePhotoIds", photoId=raw) from None
    return keys


async def update(rt: Runtime, scope: Scope, user: User, data: UpdateInput, *, ip: str = "") -> ServiceRequest:
    row = await _editable(scope, user, data.id)
    errors: list[DomainError] = []
    values: dict[str, Any] = {}
    if data.type_id is not KEEP:
        try:
            kind = await catalog.get_active(data.type_id)
            values["type_id"] = kind.id
        except DomainError as exc:
            errors.append(exc)
    if data.content is not KEEP:
        values["content"] = fields.content(data.content, errors)
    if any(v is not KEEP for v in (data.visit_date, data.visit_from, data.visit_to)):
        date = row.visit_date if data.visit_date is KEEP else data.visit_date
        visit = fields.visit(
            date,
            row.visit_from if data.visit_from is KEEP else data.visit_from,
            row.visit_to if data.visit_to is KEEP else data.visit_to,
            errors,
            check_date=date != row.visit_date,  # a date kept as it was may have passed meanwhile
        )
        values.update(visit_date=visit.date, visit_from=visit.time_from, visit_to=visit.time_to)
    try:
        add_ids = photos.upload_ids(data.add_photo_upload_ids, "addPhotoUploadIds")
    except DomainError as exc:
        errors.append(exc)
        add_ids = []
    remove_ids = _photo_ids(data.remove_photo_ids)
    fields.raise_if(errors)

    changes = {k.removesuffix("_id"): (getattr(row, k), v) for k, v in values.items() if getattr(row, k) != v}
    async with atomic():
        # The guard and the row lock at once: a take committed since the read above wins.
        if not await ServiceRequest.filter(id=row.id, status=ServiceRequestStatus.NEW).update(
                updated_at=dt.datetime.now(dt.timezone.utc), **{k: v for k, v in values.items()}):
            raise _wrong_status(await ServiceRequest.get(id=row.id))
        removed = await ServiceRequestPhoto.filter(request_id=row.id, id__in=remove_ids)
        if len(removed) != len(remove_ids):
            missing = sorted(set(map(str, remove_ids)) - {str(p.id) for p in removed})
            raise DomainError("NOT_FOUND", field="removePhotoIds", photoId=missing[0])
        kept = await ServiceRequestPhoto.filter(request_id=row.id).count() - len(removed)
        if kept + len(add_ids) > photos.MAX_PHOTOS:
            raise DomainError("TOO_MANY", field="addPhotoUploadIds", max=photos.MAX_PHOTOS)
        if removed:
            await ServiceRequestPhoto.filter(id__in=[p.id for p in removed]).delete()
            _forget_bytes(rt, [p.storage_key for p in removed])
        row = await ServiceRequest.get(id=row.id)
        added = await photos.attach(rt, row, add_ids, user.id, "addPhotoUploadIds")
        if changes or removed or added:
            await events.changed(
                rt, row, "updated", user, ip=ip,
                changes={k: {"old": _plain(old), "new": _plain(new)} for k, (old, new) in changes.items()},
                photosAdded=[{"id": str(p.id), "title": p.title} for p in added],
                photosRemoved=[{"id": str(p.id), "title": p.title} for p in removed],
            )
    return row


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, uuid.UUID)):
        return str(value)
    return value


def _forget_bytes(rt: Runtime, keys: list[str]) -> None:
    # The bytes go once the removal is committed; a rolled-back edit keeps its photos whole.
    async def delete() -> None:
        for key in keys:
            try:
                await rt.storage.delete(key)
            except Exception:  # noqa: BLE001 - an orphaned object is swept by storage upkeep, not worth a failure
                log.warning("could not delete a removed photo's bytes", exc_info=True)

    on_commit(delete)


async def cancel(rt: Runtime, scope: Scope, user: User, request_id: str, *, ip: str = "") -> ServiceRequest:
    row = await _editable(scope, user, request_id)
    now = dt.datetime.now(dt.timezone.utc)
    async with atomic():
        if not await ServiceRequest.filter(id=row.id, status=ServiceRequestStatus.NEW).update(
                status=ServiceRequestStatus.CANCELLED, cancelled_at=now, updated_at=now):
            raise _wrong_status(await ServiceRequest.get(id=row.id))
        row = await ServiceRequest.get(id=row.id)
        await events.changed(rt, row, "cancelled", user, ip=ip)
    return row
