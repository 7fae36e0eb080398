"""Depth and cost of an operation, checked before the standard validation runs.

Cost is the number of selected fields: duplicates and aliases each count, and a fragment counts
again at every place it is spread, so fan-out through fragments multiplies. Execution merges
duplicates, but validation does not (overlapping-field checks grow with the square of them), and
the stock alias and depth limiters walk every spread without memory, so a small document of
nested fragments could keep them busy for hours. One memoised walk here settles both limits
before any of that runs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

# `ofType` unwraps a list or non-null wrapper: one object, a chain that ends where the schema's
# wrapping ends. GraphiQL asks 9 deep (graphql-js getIntrospectionQuery's typeDepth), which would
# exceed the depth limit on its own; up to that many in a row add no depth, any further do.
_TYPE_WRAPPERS = 9
_REMEMBERED = 1024
_SHOWN_COST_CAP = 10**9
# Validation compares every pair of fields that answer under one name (OverlappingFieldsCanBeMerged),
# so a few hundred copies of one field cost the CPU of thousands of fields, whatever their text.
# No client needs one name more than a handful of times in one selection.
MAX_SAME_NAME = 30


@dataclass(frozen=True)
class Measure:
    depth: int  # levels of fields that have a selection set, as strawberry's QueryDepthLimiter counts
    cost: int


class _Walk:
    def __init__(self, fragments: dict[str, FragmentDefinitionNode]):
        self.fragments = fragments
        self.memo: dict[tuple[str, int], tuple[int, int]] = {}
        self.open: set[str] = set()

    def selections(self, selection_set: SelectionSetNode, wrappers: int) -> tuple[int, int]:
        depth = cost = 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                cost += 1
                if node.selection_set is None:
                    continue
                chain = wrappers + 1 if node.name.value == "ofType" else 0
                d, c = self.selections(node.selection_set, chain)
                d += 0 if 0 < chain <= _TYPE_WRAPPERS else 1
            elif isinstance(node, InlineFragmentNode):
                d, c = self.selections(node.selection_set, wrappers)
            elif isinstance(node, FragmentSpreadNode):
                d, c = self.fragment(node.name.value, wrappers)
            else:  # pragma: no cover - graphql-core has no other selection kinds
                continue
            depth, cost = max(depth, d), cost + c
        return depth, cost

    def fragment(self, name: str, wrappers: int) -> tuple[int, int]:
        key = (name, wrappers)
        if key in self.memo:
            return self.memo[key]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.open:
            return 0, 0  # unknown fragments and cycles are reported by the standard rules
        self.open.add(name)
        try:
            result = self.selections(fragment.selection_set, wrappers)
        finally:
            self.open.discard(name)
        self.memo[key] = result
        return result


def _most_repeated(selection_set: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]) -> tuple[str, int]:
    """The response name repeated most often in one merged selection (fields of inline fragments
    and spreads included, as validation merges them), over the whole operation. Called only on
    documents within the cost limit, so expanding every spread stays small."""
    counts: dict[str, int] = {}
    nested: list[SelectionSetNode] = []

    def collect(selections: SelectionSetNode, seen: frozenset[str]) -> None:
        for node in selections.selections:
            if isinstance(node, FieldNode):
                key = node.alias.value if node.alias else node.name.value
                counts[key] = counts.get(key, 0) + 1
                if node.selection_set is not None:
                    nested.append(node.selection_set)
            elif isinstance(node, InlineFragmentNode):
                collect(node.selection_set, seen)
            elif isinstance(node, FragmentSpreadNode):
                fragment = fragments.get(node.name.value)
                if fragment is not None and node.name.value not in seen:
                    collect(fragment.selection_set, seen | {node.name.value})

    collect(selection_set, frozenset())
    best = max(counts.items(), key=lambda item: item[1], default=("", 0))
    for child in nested:
        candidate = _most_repeated(child, fragments)
        if candidate[1] > best[1]:
            best = candidate
    return best


def measure(document: DocumentNode) -> Iterator[tuple[OperationDefinitionNode, Measure]]:
    """Each operation of the document with its depth and cost. A chain of fragments too long to
    walk raises RecursionError."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    walk = _Walk(fragments)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            depth, cost = walk.selections(definition.selection_set, 0)
            yield definition, Measure(depth, cost)


def _name(operation: OperationDefinitionNode) -> str:
    return operation.name.value if operation.name else "anonymous"


def limit_errors(document: DocumentNode, max_depth: int, max_cost: int) -> list[GraphQLError]:
    errors: list[GraphQLError] = []
    try:
        measured = list(measure(document))
    except RecursionError:
        return [GraphQLError(
            f"The document nests fragments too deeply to measure; the depth limit is {max_depth}.",
            extensions={"code": "QUERY_TOO_DEEP", "max": max_depth},
        )]
    for operation, m in measured:
        name = _name(operation)
        if m.depth > max_depth:
            # The wording of strawberry's QueryDepthLimiter, which clients may already match on.
            errors.append(GraphQLError(
                f"'{name}' exceeds maximum operation depth of {max_depth}",
                [operation], extensions={"code": "QUERY_TOO_DEEP", "depth": m.depth, "max": max_depth},
            ))
        if m.cost > max_cost:
            shown = f"{m.cost}" if m.cost < _SHOWN_COST_CAP else f"more than {_SHOWN_COST_CAP}"
            errors.append(GraphQLError(
                f"'{name}' costs {shown} (every selected field counts, each fragment at every place "
                f"it is spread); the limit is {max_cost}.",
                [operation],
                extensions={"code": "QUERY_TOO_COSTLY", "cost": min(m.cost, _SHOWN_COST_CAP), "max": max_cost},
            ))
        elif m.depth <= max_depth:
            fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
            name_, times = _most_repeated(operation.selection_set, fragments)
            if times > MAX_SAME_NAME:
                errors.append(GraphQLError(
                    f"'{name}' asks for '{name_}' {times} times in one selection; at most {MAX_SAME_NAME} are allowed.",
                    [operation], extensions={"code": "QUERY_TOO_COSTLY", "field": name_, "repeated": times, "max": MAX_SAME_NAME},
                ))
    return errors


class QueryLimits(SchemaExtension):
    """Refuses an operation over the depth or cost limit before validation and execution.
    Documents that passed are remembered by their text, like ValidateWithoutSuggestions does."""

    def __init__(self, max_depth: int, max_cost: int, passed: OrderedDict[str, None]):
        self.max_depth = max_depth
        self.max_cost = max_cost
        self.passed = passed

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        key = ctx.query or ""
        if ctx.pre_execution_errors is None and ctx.graphql_document is not None:
            if key and key in self.passed:
                self.passed.move_to_end(key)
            else:
                errors = limit_errors(ctx.graphql_document, self.max_depth, self.max_cost)
                if errors:
                    ctx.pre_execution_errors = errors
                elif key:
                    self.passed[key] = None
                    if len(self.passed) > _REMEMBERED:
                        self.passed.popitem(last=False)
        yield


def query_limits(max_depth: int, max_cost: int) -> Callable[[], QueryLimits]:
    """A per-request factory for strawberry; the memory of passed documents is the schema's."""
    passed: OrderedDict[str, None] = OrderedDict()
    return lambda: QueryLimits(max_depth, max_cost, passed)
