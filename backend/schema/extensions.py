"""Schema extensions of our own: validation without field suggestions."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from graphql import DocumentNode, validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule


_VALID_CACHE_SIZE = 1024


class ValidateWithoutSuggestions(SchemaExtension):
    """Runs the standard validation with `hide_suggestions`, so errors never list field names
    the caller did not already know (the schema is public in GraphiQL, but probing should not be easy).

    Documents that passed are remembered by their text, parsed: parsing and validation were
    measured as the largest costs of a small query (bench/me_query.py), and clients send the same
    few documents again and again. graphql-core never changes a document while executing it, so one
    parsed document serves every request with that text. Failures are not remembered, so a flood
    of junk cannot evict the good ones.
    """

    def _documents(self) -> OrderedDict[str, DocumentNode]:
        # One cache per schema object: schemas built with other limits must not share it.
        return self.execution_context.schema.__dict__.setdefault("_shanyraq_valid_documents", OrderedDict())

    def on_parse(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is None and ctx.query:
            document = self._documents().get(ctx.query)
            if document is not None:
                ctx.graphql_document = document  # strawberry parses only when no document is set
        yield

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.pre_execution_errors is None and ctx.graphql_document is not None and ctx.validation_rules:
            valid = self._documents()
            key = ctx.query or ""
            if key and valid.get(key) is ctx.graphql_document:
                valid.move_to_end(key)
                ctx.pre_execution_errors = []
            else:
                rules = (*ctx.validation_rules, MaybeNullValidationRule, OneOfInputValidationRule)
                errors = validate(ctx.schema._schema, ctx.graphql_document, rules, hide_suggestions=True)
                ctx.pre_execution_errors = errors
                if not errors and key:
                    valid[key] = ctx.graphql_document
                    if len(valid) > _VALID_CACHE_SIZE:
                        valid.popitem(last=False)
        yield


class ReportDenials(SchemaExtension):
    """Refused query fields answer empty; this says which and why, under `extensions.denied`."""

    def get_results(self) -> dict:
        context = self.execution_context.context
        denied = getattr(context, "denied", None)
        return {"denied": denied} if denied else {}
