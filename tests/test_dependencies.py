"""Every library Accord's code imports is declared in pyproject.toml, and every declared one is used.

A library used but undeclared arrives only by chance through another's dependencies (pydantic came with
django-ninja); one declared but unused is installed and patched for nothing.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# Used by name only: a database URL picks the driver, `accord serve` runs the gunicorn program.
USED_WITHOUT_IMPORT = {"psycopg", "gunicorn"}


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match, requirement
    return match.group(0).lower().replace("_", "-")


def _declared() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_name(r) for r in project["dependencies"]}


def _imported_distributions() -> set[str]:
    """The distributions behind every top-level module imported (or named in settings) by accord/ and config/."""
    modules: set[str] = set()
    for folder in ("accord", "config"):
        for path in (REPO_ROOT / folder).rglob("*.py"):
            if "tests" in path.relative_to(REPO_ROOT).parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    modules.add(node.module.split(".")[0])
                elif (
                    folder == "config"
                    and isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and re.fullmatch(r"[a-z_]+(\.\w+)*", node.value)
                ):
                    modules.add(node.value.split(".")[0])
    by_module = importlib.metadata.packages_distributions()
    return {
        _name(dist)
        for module in modules - set(sys.stdlib_module_names) - {"accord", "config"}
        for dist in by_module.get(module, [])
    }


def test_every_imported_library_is_declared() -> None:
    undeclared = _imported_distributions() - _declared()
    assert not undeclared, (
        f"imported but not in pyproject.toml's dependencies: {sorted(undeclared)}"
    )


def test_every_declared_library_is_used() -> None:
    unused = _declared() - _imported_distributions() - USED_WITHOUT_IMPORT
    assert not unused, f"declared in pyproject.toml but never imported: {sorted(unused)}"
