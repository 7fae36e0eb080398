"""Schema extensions of our own: validation without field suggestions, refusal of unusable text."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    validate,
)
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


def text_problem(value: str) -> str | None:
    """What makes a string unusable downstream: PostgreSQL refuses NUL in text, and a lone
    surrogate cannot be encoded as UTF-8 by the database driver, the JSON encoder or a PDF."""
    if "\x00" in value:
        return "a NUL character"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "a lone surrogate (not valid Unicode)"
    return None


def _shown(key: str) -> str:
    return key.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\u0000")


def find_invalid_text(value: object, path: str) -> tuple[str, str] | None:
    """The first (path, problem) among every string of a decoded JSON value, keys included."""
    if isinstance(value, str):
        problem = text_problem(value)
        return (path, problem) if problem else None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and (problem := text_problem(key)):
                return f"{path}.{_shown(key)}", f"{problem} in its name"
            if found := find_invalid_text(item, f"{path}.{key}"):
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if found := find_invalid_text(item, f"{path}[{index}]"):
                return found
    return None


def invalid_text_message(path: str, problem: str) -> str:
    return f"The text at {path} contains {problem}; send it without."


def _in_value(node: ValueNode, path: str) -> tuple[str, str] | None:
    if isinstance(node, StringValueNode):
        problem = text_problem(node.value)
        return (path, problem) if problem else None
    if isinstance(node, ListValueNode):
        for index, item in enumerate(node.values):
            if found := _in_value(item, f"{path}[{index}]"):
                return found
    elif isinstance(node, ObjectValueNode):
        for field in node.fields:
            if found := _in_value(field.value, f"{path}.{field.name.value}"):
                return found
    return None


def _in_directives(node, path: str) -> tuple[str, str] | None:
    for directive in getattr(node, "directives", None) or ():
        for argument in directive.arguments or ():
            if found := _in_value(argument.value, f"{path}@{directive.name.value}.{argument.name.value}"):
                return found
    return None


def _in_selections(selection_set: SelectionSetNode, path: str) -> tuple[str, str] | None:
    for node in selection_set.selections:
        here = path
        if isinstance(node, FieldNode):
            key = node.alias.value if node.alias else node.name.value
            here = f"{path}.{key}" if path else key
            for argument in node.arguments or ():
                if found := _in_value(argument.value, f"{here}.{argument.name.value}"):
                    return found
        if found := _in_directives(node, here):
            return found
        if getattr(node, "selection_set", None) is not None and (found := _in_selections(node.selection_set, here)):
            return found
    return None


def find_invalid_literal(document: DocumentNode) -> tuple[str, str] | None:
    """The first string literal of the document that fails `text_problem`, by the path of its
    argument (`profileUpdate.input.fullName`), variable default (`$name`) or fragment."""
    for definition in document.definitions:
        path = ""
        if isinstance(definition, FragmentDefinitionNode):
            path = definition.name.value
        elif isinstance(definition, OperationDefinitionNode):
            for variable in definition.variable_definitions or ():
                name = f"${variable.variable.name.value}"
                if variable.default_value is not None and (found := _in_value(variable.default_value, name)):
                    return found
        found = _in_directives(definition, path or "operation")
        if found or (found := _in_selections(definition.selection_set, path)):
            return found
    return None


class RefuseInvalidText(SchemaExtension):
    """NUL or a lone surrogate in any variable or string literal is refused before validation,
    with its path (INVALID_TEXT), instead of failing deep in a service or the database. Covers
    the WebSocket too; HTTP bodies are checked whole in backend/graphql_app.py."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.pre_execution_errors is None and ctx.graphql_document is not None:
            clean: OrderedDict[str, None] = ctx.schema.__dict__.setdefault("_shanyraq_clean_literals", OrderedDict())
            key = ctx.query or ""
            found = find_invalid_text(ctx.variables, "variables") if ctx.variables else None
            if found is None and not (key and key in clean):
                found = find_invalid_literal(ctx.graphql_document)
                if found is None and key:
                    clean[key] = None
                    if len(clean) > _VALID_CACHE_SIZE:
                        clean.popitem(last=False)
            if found is not None:
                path, problem = found
                ctx.pre_execution_errors = [GraphQLError(
                    invalid_text_message(path, problem), extensions={"code": "INVALID_TEXT", "field": path},
                )]
        yield
