"""Imports flow one way (ARCHITECTURE.md, "Layers"), read from the source rather than by importing
it: an import that only runs inside a function is a dependency all the same."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parent.parent / "backend"

def module_name(path: Path) -> str:
    parts = list(path.relative_to(BACKEND.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module the file names, with `from a import b` counted as both `a` and `a.b` since
    `b` may be a submodule."""
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def offending(path: Path, *forbidden: str) -> list[str]:
    return sorted(m for m in imported(path) for f in forbidden if m == f or m.startswith(f + "."))


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (BACKEND / folder).rglob("*.py"))


def params(paths: list[Path], marks: dict[str, pytest.MarkDecorator] | None = None) -> list:
    marks = marks or {}
    return [
        pytest.param(p, id=module_name(p), marks=[marks[module_name(p)]] if module_name(p) in marks else [])
        for p in paths
    ]


# Roots are the one place where schema meets resolvers; schema/api.py merges the roots.
TYPE_MODULES = [p for p in modules("schema") if "roots" not in p.relative_to(BACKEND).parts]


@pytest.mark.parametrize("path", params(TYPE_MODULES))
def test_type_modules_do_not_import_resolvers(path: Path):
    assert offending(path, "backend.resolvers") == []


RESOLVERS = modules("resolvers")
SHARED_RESOLVER_HELPERS = {"backend.resolvers.errors"}


@pytest.mark.parametrize("path", params(RESOLVERS))
def test_resolvers_do_not_import_each_other(path: Path):
    own = module_name(path)
    allowed = {own, *SHARED_RESOLVER_HELPERS}
    others = [
        m for m in offending(path, "backend.resolvers")
        if m != "backend.resolvers" and not any(m == a or m.startswith(a + ".") for a in allowed)
    ]
    assert others == [], "shared mapping belongs on the types (from_row), not in another resolver"


@pytest.mark.parametrize("path", params(modules("services", "models", "adapters", "auth", "pki")))
def test_lower_layers_know_nothing_of_graphql(path: Path):
    assert offending(path, "strawberry", "backend.schema", "backend.resolvers") == []


def test_applications_resolver_does_not_touch_the_orm():
    assert offending(BACKEND / "resolvers" / "applications.py", "tortoise", "backend.models") == []


@pytest.mark.parametrize("path", params(modules("adapters", "auth", "pki")))
def test_bottom_layers_do_not_import_services(path: Path):
    assert offending(path, "backend.services") == []


# /uploads and /files are HTTP endpoints beside /graphql: like the resolvers they sit above the
# services and call them for the rules (quota, ownership, API keys), but never GraphQL.
@pytest.mark.parametrize("path", params(modules("uploads")))
def test_upload_endpoints_do_not_import_graphql(path: Path):
    assert offending(path, "strawberry", "backend.schema", "backend.resolvers") == []


def test_the_checks_see_imports():
    # A guard against a walker that finds nothing and so passes everything.
    assert "backend.resolvers.contracts" in imported(BACKEND / "schema" / "roots" / "contracts.py")
    assert "strawberry" in imported(BACKEND / "schema" / "common.py")
    assert len(TYPE_MODULES) >= 7 and len(RESOLVERS) >= 7


@pytest.mark.parametrize("path", params(RESOLVERS))
def test_each_resolver_module_imports_on_its_own(path: Path):
    # An import loop shows only when the loop's far end is imported first: a fresh interpreter.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import {module_name(path)}"], capture_output=True, text=True, cwd=BACKEND.parent)
    assert done.returncode == 0, done.stderr[-2000:]
