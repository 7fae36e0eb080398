"""Schema extensions of our own: validation without field suggestions."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule


class ValidateWithoutSuggestions(SchemaExtension):
    """Runs the standard validation with `hide_suggestions`, so errors never list field names
    the caller did not already know (the schema is public in GraphiQL, but probing should not be easy)."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.pre_execution_errors is None and ctx.graphql_document is not None and ctx.validation_rules:
            rules = (*ctx.validation_rules, MaybeNullValidationRule, OneOfInputValidationRule)
            ctx.pre_execution_errors = validate(ctx.schema._schema, ctx.graphql_document, rules, hide_suggestions=True)
        yield


class ReportDenials(SchemaExtension):
    """Refused query fields answer empty; this says which and why, under `extensions.denied`."""

    def get_results(self) -> dict:
        context = self.execution_context.context
        denied = getattr(context, "denied", None)
        return {"denied": denied} if denied else {}
