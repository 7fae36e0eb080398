"""Models and aerich migrations agree; a model change without a migration fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from aerich.utils import decompress_dict, get_models_describe

MIGRATIONS = Path(__file__).resolve().parent.parent / "backend" / "migrations" / "models"


def _latest_state() -> dict:
    files = sorted(MIGRATIONS.glob("*.py"), key=lambda p: int(p.name.split("_", 1)[0]))
    spec = importlib.util.spec_from_file_location("latest_migration", files[-1])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return decompress_dict(module.MODELS_STATE)


def _lists(value):
    # A fresh describe has tuples where the stored JSON state has lists.
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def _comparable(describe: dict) -> dict:
    # Docstrings and python-side defaults do not change the database.
    out = {}
    for model, info in describe.items():
        fields = {}
        for f in [info.get("pk_field")] + info.get("data_fields", []) + info.get("fk_fields", []):
            if f:
                fields[f["name"]] = (f.get("db_column"), f.get("field_type"), f.get("nullable"), f.get("unique"), f.get("indexed"))
        out[model] = {"table": info.get("table"), "fields": fields, "unique_together": _lists(info.get("unique_together")), "indexes": _lists(info.get("indexes"))}
    return out


async def test_the_latest_migration_matches_the_models(database):
    current = _comparable(get_models_describe("models"))
    migrated = _comparable(_latest_state())
    assert current == migrated, "models changed without a migration: run `make migration NAME=...`"


def test_every_migration_has_sql_for_sqlite_and_postgres():
    for path in MIGRATIONS.glob("*.py"):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert set(module.SQL) == {"sqlite", "postgres"}, path.name
