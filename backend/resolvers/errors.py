"""Turning expected service failures into payload errors."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from graphql import GraphQLError
from tortoise.exceptions import IntegrityError, ValidationError

from backend.schema.common import user_errors
from backend.errors import DomainError, DomainErrors

P = TypeVar("P")
log = logging.getLogger(__name__)


async def payload_or_errors(payload_cls: Callable[..., P], work: Callable[[], Awaitable[P]]) -> P:
    try:
        return await work()
    except (DomainError, DomainErrors) as exc:
        return payload_cls(errors=user_errors(exc))
    except ValidationError as exc:
        # A value the service forgot to check reached a model field. Tortoise's message quotes the
        # whole value (a megabyte, someone's data), so the client gets a stable code and the log
        # only the field; the service should learn to refuse it by name.
        log.warning("unvalidated input reached the ORM: %s", str(exc).split(":", 1)[0])
        return payload_cls(errors=user_errors(DomainError("INVALID_VALUE")))
    except IntegrityError:
        # A uniqueness the service did not foresee (or a race it lost); the driver's text names
        # tables and values, and the transaction is already rolled back.
        log.warning("unforeseen integrity error in %s", payload_cls.__name__, exc_info=True)
        return payload_cls(errors=user_errors(DomainError("CONFLICT")))


def graphql_error(exc: DomainError) -> GraphQLError:
    """A bad argument of a query field, which has no payload: the conventional BAD_USER_INPUT code,
    with our stable code as `reason`."""
    return GraphQLError(
        exc.message, extensions={"code": "BAD_USER_INPUT", "reason": exc.code, "field": exc.field, **exc.params}
    )
