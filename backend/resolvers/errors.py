"""Turning expected service failures into payload errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from graphql import GraphQLError

from backend.schema.common import user_errors
from backend.errors import DomainError, DomainErrors

P = TypeVar("P")


async def payload_or_errors(payload_cls: Callable[..., P], work: Callable[[], Awaitable[P]]) -> P:
    try:
        return await work()
    except (DomainError, DomainErrors) as exc:
        return payload_cls(errors=user_errors(exc))


def graphql_error(exc: DomainError) -> GraphQLError:
    """A bad argument of a query field, which has no payload: the conventional BAD_USER_INPUT code,
    with our stable code as `reason`."""
    return GraphQLError(
        exc.message, extensions={"code": "BAD_USER_INPUT", "reason": exc.code, "field": exc.field, **exc.params}
    )
