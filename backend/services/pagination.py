"""Keyset pagination over (created_at, id), newest first; stable while rows are added."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Generic, TypeVar

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.errors import DomainError

T = TypeVar("T")
MAX_PAGE = 100
DEFAULT_PAGE = 20


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    cursors: list[str]
    has_next: bool
    total: int


def encode_cursor(created_at: dt.datetime, row_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{created_at.isoformat()}|{row_id}".encode()).decode()


def decode_cursor(cursor: str) -> tuple[dt.datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        stamp, row_id = raw.split("|")
        return dt.datetime.fromisoformat(stamp), uuid.UUID(row_id)
    except (ValueError, UnicodeDecodeError):
        raise DomainError("INVALID_CURSOR", field="after") from None


async def paginate(query: QuerySet[T], first: int | None, after: str | None) -> Page[T]:
    # Relay-style: a page is at most MAX_PAGE long; asking for more gets MAX_PAGE and hasNextPage.
    limit = DEFAULT_PAGE if first is None else min(max(first, 0), MAX_PAGE)
    total = await query.count()
    if after:
        stamp, row_id = decode_cursor(after)
        query = query.filter(Q(created_at__lt=stamp) | Q(created_at=stamp, id__lt=row_id))
    rows = await query.order_by("-created_at", "-id").limit(limit + 1)
    has_next = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, [encode_cursor(r.created_at, r.id) for r in rows], has_next, total)  # type: ignore[attr-defined]
