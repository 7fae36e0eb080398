"""The committed schema.graphql is what the code serves, and partners can read every part of it."""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType

from backend.schema.api import build_schema, schema_sdl

ROOT = Path(__file__).resolve().parent.parent


def test_schema_graphql_is_up_to_date():
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema_sdl(), "schema.graphql drifted from the code: run `make schema`"


def test_every_type_field_and_argument_is_described():
    schema = build_schema()._schema
    missing = []
    for name, gtype in schema.type_map.items():
        if name.startswith("__") or name in ("String", "Int", "Float", "Boolean", "ID"):
            continue
        if not gtype.description:
            missing.append(name)
        if isinstance(gtype, (GraphQLObjectType, GraphQLInputObjectType)):
            for field_name, field in gtype.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
    assert missing == []


def test_enums_are_described():
    schema = build_schema()._schema
    enums = [t for n, t in schema.type_map.items() if isinstance(t, GraphQLEnumType) and not n.startswith("__")]
    assert enums and all(e.description for e in enums)


def test_mutation_names_are_noun_first_and_take_one_input():
    schema = build_schema()._schema
    for name, field in schema.mutation_type.fields.items():
        assert set(field.args) <= {"input"}, name
        assert "errors" in field.type.of_type.fields, f"{name} must return a payload with errors"


def test_no_extension_instance_is_shared_between_requests():
    # given a production schema (errors masked)
    from strawberry.extensions import SchemaExtension

    from backend.schema.api import build_schema
    from backend.settings import Settings

    schema = build_schema(Settings(env="production", secret_key="x" * 64))
    # then every extension is a class or a factory: one instance per request, no state swapped
    # between concurrent requests
    assert schema.extensions and not [e for e in schema.extensions if isinstance(e, SchemaExtension)]
