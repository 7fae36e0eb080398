"""Photos of a request: finished tus uploads, images only, a few per request.

`attach` claims each upload inside the caller's transaction, so a refused one (a PDF, someone
else's, unfinished) rolls the whole change back and gives every upload back to its owner."""

from __future__ import annotations

import uuid

from backend.errors import DomainError
from backend.models.service_requests import ServiceRequest, ServiceRequestPhoto
from backend.runtime import Runtime
from backend.services import uploads

MAX_PHOTOS = 5
IMAGE_TYPES = ("image/jpeg", "image/png")


def upload_ids(ids: list[str] | None, field: str) -> list[str]:
    """The distinct ids given (order kept); at most MAX_PHOTOS."""
    unique = list(dict.fromkeys(str(i).strip() for i in (ids or []) if str(i).strip()))
    if len(unique) > MAX_PHOTOS:
        raise DomainError("TOO_MANY", field=field, max=MAX_PHOTOS)
    return unique


async def attach(rt: Runtime, row: ServiceRequest, ids: list[str], user_id: uuid.UUID, field: str) -> list[ServiceRequestPhoto]:
    """Must run inside `atomic()`."""
    added = []
    for upload_id in ids:
        try:
            upload = await uploads.claim(upload_id, storage=rt.storage, user_id=user_id)
        except DomainError as exc:
            raise DomainError(exc.code, field=field, uploadId=upload_id, **exc.params) from None
        if upload.content_type not in IMAGE_TYPES:
            raise DomainError("UPLOAD_TYPE_NOT_ALLOWED", field=field, uploadId=upload_id, allowed=list(IMAGE_TYPES))
        added.append(await ServiceRequestPhoto.create(
            id=uuid.uuid4(), request=row, title=(upload.filename or "photo")[:300], storage_key=upload.storage_key,
            size=upload.length, sha256=upload.sha256, content_type=upload.content_type, added_by_id=user_id,
        ))
    return added
