"""What every domain's `get_visible` does: one row by id from the viewer's visible queryset."""

from __future__ import annotations

import uuid
from typing import TypeVar

from tortoise.queryset import QuerySet

from backend.errors import DomainError

T = TypeVar("T")


async def first_visible(visible: QuerySet[T], object_id: object, field: str) -> T:
    """The row, or NOT_FOUND on `field` — also when it exists but the viewer may not see it, so that
    "not yours" looks exactly like "not found"; an id that is not a UUID cannot exist either."""
    try:
        key = uuid.UUID(str(object_id))
    except ValueError:
        raise DomainError("NOT_FOUND", field=field) from None
    row = await visible.filter(id=key).first()
    if row is None:
        raise DomainError("NOT_FOUND", field=field)
    return row
