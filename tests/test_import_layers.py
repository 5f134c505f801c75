"""Accord's layering holds and no module imports another that imports it back.

The layers are written down in `.importlinter` (protocol < core < the council model < notifications <
capabilities < the demo; the wiring on top); `make lint` runs `lint-imports` and this test runs the same
contracts, so `pytest` alone catches a broken layer.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

REPO_ROOT = Path(__file__).resolve().parents[1]


def _production(module: str) -> bool:
    return ".tests" not in module and not module.startswith("accord.tests")


def test_no_import_cycle_between_accords_modules() -> None:
    """A cycle (admin <-> its import view, kept <-> models, outbox services <-> tasks) hides an order of
    loading and makes either half impossible to understand alone."""
    graph = grimp.build_graph("accord")
    cycles = []
    for module in sorted(filter(_production, graph.modules)):
        for imported in sorted(
            filter(_production, graph.find_modules_directly_imported_by(module))
        ):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None and all(_production(m) for m in back):
                cycles.append(" -> ".join((module, *back)))
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_layer_contracts_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    status = lint_imports(
        config_filename=str(REPO_ROOT / ".importlinter"), no_cache=True, no_logo=True
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Contracts: 4 kept, 0 broken." in out
