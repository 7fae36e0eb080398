"""Shapes shared by every domain: user errors, connections, JSON."""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry
from strawberry.scalars import JSON

from backend.errors import DomainError, DomainErrors
from backend.services.pagination import Page

T = TypeVar("T")

INPUT = strawberry.argument(description="The fields of this operation; see the input type.")


@strawberry.type(description="An expected failure: bad input, wrong state or not allowed. Clients localize by `code`.")
class UserError:
    field: str | None = strawberry.field(description="The input field at fault (camelCase), if one is.")
    code: str = strawberry.field(description="Stable, language-neutral code, e.g. `OTP_INVALID`, `FORBIDDEN`.")
    message: str = strawberry.field(description="An English explanation for developers; not for end users.")
    params: JSON | None = strawberry.field(
        default=None, description="Values for the localized message, e.g. `{retryAfterSeconds: 42}`."
    )


def user_errors(exc: DomainError | DomainErrors) -> list[UserError]:
    items = exc.errors if isinstance(exc, DomainErrors) else [exc]
    return [UserError(field=e.field, code=e.code, message=e.message, params=e.params or None) for e in items]


@strawberry.type(description="Where a page of a connection ends.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    end_cursor: str | None = strawberry.field(description="Pass as `after` to get the next page.")


@strawberry.type(description="One item of a page with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque position of this item.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of items, newest first.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Whether more pages follow.")
    total_count: int = strawberry.field(description="How many items match, over all pages.")


def to_connection(page: Page, convert) -> dict:
    # Returned as kwargs so each domain builds its own concrete Connection[...] type.
    edges = [Edge(cursor=c, node=convert(row)) for row, c in zip(page.rows, page.cursors)]
    return {
        "edges": edges,
        "page_info": PageInfo(has_next_page=page.has_next, end_cursor=page.cursors[-1] if page.cursors else None),
        "total_count": page.total,
    }
