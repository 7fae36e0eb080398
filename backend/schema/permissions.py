"""Field-level authorization, declared once per field (strawberry field extensions, so they live in
the schema layer).

Being refused is an expected outcome, not a fault, so it is never a GraphQL error:
- a mutation that returns a payload answers with a payload error (`UNAUTHENTICATED`, `FORBIDDEN`);
- a query field answers as if nothing were visible (null, an empty list or page, zero) — "not yours"
  looks exactly like "not there" — and names the refusal in the response's `extensions.denied`
  so that a partner developer in GraphiQL sees why the answer is empty.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.field import StrawberryField

from backend.models.identity import Role

MESSAGES = {
    "UNAUTHENTICATED": "Sign in first.",
    "FORBIDDEN": "Your account may not do this.",
    "API_KEY_REQUIRED": "Partner operations need an API key in the X-Api-Key header.",
    "SCOPE_MISSING": "The API key lacks the scope this operation needs.",
}


def denial(code: str) -> GraphQLError:
    """For subscriptions, which have no empty answer to give."""
    return GraphQLError(MESSAGES[code], extensions={"code": code})


def _empty_value(rtype: Any):
    """The answer of a refused query field: what a viewer who may see nothing would get."""
    if isinstance(rtype, StrawberryOptional):
        return lambda: None
    if isinstance(rtype, StrawberryList):
        return list
    if rtype is int:
        return lambda: 0
    if rtype is bool:
        return lambda: False
    definition = getattr(rtype, "__strawberry_definition__", None)
    if definition and {f.python_name for f in definition.fields} >= {"edges", "page_info", "total_count"}:
        from backend.schema.common import PageInfo

        return lambda: rtype(edges=[], page_info=PageInfo(has_next_page=False, end_cursor=None), total_count=0)
    raise TypeError(f"Allow() cannot refuse a field of type {rtype!r}; make it nullable")


class _Guard(FieldExtension):
    """Refuses in the way that suits the field; subclasses say who is refused."""

    def __init__(self) -> None:
        self.payload_cls: type | None = None
        self.empty = None

    def apply(self, field: StrawberryField) -> None:
        rtype: Any = field.type
        definition = getattr(rtype, "__strawberry_definition__", None)
        if definition and any(f.python_name == "errors" for f in definition.fields):
            self.payload_cls = rtype
        else:
            self.empty = _empty_value(rtype)

    def _denied(self, info) -> str | None:
        raise NotImplementedError

    def _refuse(self, code: str, info):
        if self.payload_cls is not None:
            from backend.schema.common import UserError

            return self.payload_cls(errors=[UserError(field=None, code=code, message=MESSAGES[code])])
        info.context.denied.append({"path": list(info.path.as_list()), "code": code})
        return self.empty()

    def resolve(self, next_, source, info, **kwargs):
        code = self._denied(info)
        return self._refuse(code, info) if code else next_(source, info, **kwargs)

    async def resolve_async(self, next_, source, info, **kwargs):
        code = self._denied(info)
        if code:
            return self._refuse(code, info)
        return await next_(source, info, **kwargs)


class Allow(_Guard):
    """Only signed-in people, and with `roles` only those holding one of them (API keys are refused)."""

    def __init__(self, *roles: Role):
        super().__init__()
        self.roles = roles

    def _denied(self, info) -> str | None:
        viewer = info.context.viewer
        if viewer is None:
            return "UNAUTHENTICATED"
        if self.roles and not viewer.has(*self.roles):
            return "FORBIDDEN"
        return None


class AllowClient(_Guard):
    """Only partner systems calling with an API key that holds every one of `scopes`."""

    def __init__(self, *scopes):
        super().__init__()
        self.scopes = scopes

    def _denied(self, info) -> str | None:
        client = info.context.client
        if client is None:
            return "API_KEY_REQUIRED"
        if not all(client.may(scope) for scope in self.scopes):
            return "SCOPE_MISSING"
        return None


class AllowEither(_Guard):
    """Passes when any of `guards` would; refuses with the first one's code otherwise — for
    operations that a person in the back office and a partner system may both perform."""

    def __init__(self, *guards: _Guard):
        super().__init__()
        self.guards = guards

    def _denied(self, info) -> str | None:
        codes = [guard._denied(info) for guard in self.guards]
        return None if any(code is None for code in codes) else codes[0]
