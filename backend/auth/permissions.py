"""Field-level authorization, declared once per field.

A mutation that returns a payload answers "not allowed" as a payload error with a stable code,
like any other expected failure; a query field answers with a GraphQL error carrying the code.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.types.base import StrawberryOptional
from strawberry.types.field import StrawberryField

from backend.models.identity import Role

MESSAGES = {
    "UNAUTHENTICATED": "Sign in first.",
    "FORBIDDEN": "Your account may not do this.",
}


def denial(code: str) -> GraphQLError:
    return GraphQLError(MESSAGES[code], extensions={"code": code})


class Allow(FieldExtension):
    """Only signed-in viewers, and with `roles` only those holding one of them."""

    def __init__(self, *roles: Role):
        self.roles = roles
        self.payload_cls: type | None = None

    def apply(self, field: StrawberryField) -> None:
        rtype: Any = field.type
        if isinstance(rtype, StrawberryOptional):
            rtype = rtype.of_type
        definition = getattr(rtype, "__strawberry_definition__", None)
        if definition and any(f.python_name == "errors" for f in definition.fields):
            self.payload_cls = rtype

    def _denied(self, info) -> str | None:
        viewer = info.context.viewer
        if viewer is None:
            return "UNAUTHENTICATED"
        if self.roles and not viewer.has(*self.roles):
            return "FORBIDDEN"
        return None

    def _refuse(self, code: str):
        if self.payload_cls is not None:
            from backend.schema.common import UserError

            return self.payload_cls(errors=[UserError(field=None, code=code, message=MESSAGES[code])])
        raise denial(code)

    def resolve(self, next_, source, info, **kwargs):
        code = self._denied(info)
        return self._refuse(code) if code else next_(source, info, **kwargs)

    async def resolve_async(self, next_, source, info, **kwargs):
        code = self._denied(info)
        if code:
            return self._refuse(code)
        return await next_(source, info, **kwargs)
