"""Every operation the SPA sends, and GraphiQL's introspection, stays well under the limits."""

from __future__ import annotations

import graphql

from backend.schema.cost import limit_errors, measure
from backend.settings import ROOT

OPERATIONS = sorted((ROOT / "frontend" / "src").rglob("*.graphql"))


def _spa_documents() -> list[tuple[str, graphql.DocumentNode]]:
    # Codegen lets an operation spread a fragment of any file: give each document all fragments.
    parsed = {path: graphql.parse(path.read_text()) for path in OPERATIONS}
    fragments = {
        d.name.value: d for doc in parsed.values() for d in doc.definitions if isinstance(d, graphql.FragmentDefinitionNode)
    }
    documents = []
    for path, doc in parsed.items():
        own = {d.name.value for d in doc.definitions if isinstance(d, graphql.FragmentDefinitionNode)}
        extra = [f for name, f in fragments.items() if name not in own]
        documents.append((str(path.relative_to(ROOT)), graphql.DocumentNode(definitions=(*doc.definitions, *extra))))
    return documents


def _introspection_queries() -> list[tuple[str, graphql.DocumentNode]]:
    # GraphiQL 5 asks graphql-js's getIntrospectionQuery({inputValueDeprecation, schemaDescription});
    # graphql-core's with every option on is the same document with a few more fields.
    full = graphql.get_introspection_query(
        descriptions=True, specified_by_url=True, directive_is_repeatable=True,
        schema_description=True, input_value_deprecation=True,
    )
    return [("introspection (all options)", graphql.parse(full)), ("introspection", graphql.parse(graphql.get_introspection_query()))]


def test_every_spa_operation_and_graphiqls_introspection_is_under_the_limits(settings):
    # given
    documents = _spa_documents() + _introspection_queries()
    assert len(OPERATIONS) >= 10
    # when
    measured = [
        (m.cost, m.depth, op.name.value if op.name else "anonymous", where)
        for where, doc in documents
        for op, m in measure(doc)
    ]
    # then
    assert len(measured) >= 50
    for where, doc in documents:
        assert limit_errors(doc, settings.graphql_max_depth, settings.graphql_max_cost) == [], where
    spa = [row for row in measured if row[3].startswith("frontend")]
    print(f"\nlimits: cost {settings.graphql_max_cost}, depth {settings.graphql_max_depth}")
    print("largest SPA operation: cost %d, depth %d, %s in %s" % max(spa))
    print("deepest SPA operation: depth %d, %s" % max((row[1], row[2]) for row in spa))
    for row in measured:
        if not row[3].startswith("frontend"):
            print("%s: cost %d, depth %d" % (row[3], row[0], row[1]))
    # "well under": room for the SPA to grow and for partners' own queries in GraphiQL
    assert max(spa)[0] * 3 <= settings.graphql_max_cost
