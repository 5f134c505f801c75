"""Which paragraphs of a profile are enforced, followed as a workflow, guidance, definitions, or not yet.

State of a paragraph:
* `rule` if a rule of kind `rule` cites it — an enforced or computed rule is the strongest claim, so it
  wins over `workflow` when both cite the same paragraph;
* else `workflow` if a rule of kind `workflow` cites it;
* else the paragraph's declared kind (`guidance` or `definition`);
* else `not yet`.

Tests are found by reading the test files (no imports, no running): a `@pytest.mark.cites("D 6.3")` on a
test function or class, or a module's `pytestmark`, counts for paragraph 6.3 of the profile with code D.
A citation of a parent paragraph does not count for its sub-items.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.protocol.model import Profile, split_label

REPO_ROOT = Path(__file__).resolve().parents[2]
STATES = ("rule", "workflow", "guidance", "definition", "not yet")


@dataclass(frozen=True)
class ParagraphCoverage:
    paragraph: str
    label: str
    state: str
    rules: tuple[str, ...]
    tests: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.label,
            "state": self.state,
            "rules": list(self.rules),
            "tests": list(self.tests),
        }


def default_test_roots(repo_root: Path = REPO_ROOT) -> list[Path]:
    """Every `tests/` folder under the `accord` package, and the repository's top-level `tests/`."""
    roots = sorted(p for p in (repo_root / "accord").rglob("tests") if p.is_dir())
    if (repo_root / "tests").is_dir():
        roots.append(repo_root / "tests")
    return roots


def coverage_report(
    profile: Profile, test_roots: list[Path] | None = None
) -> list[ParagraphCoverage]:
    roots = default_test_roots() if test_roots is None else test_roots
    tests_by_label = scan_citations(roots)
    report = []
    for p in profile.paragraphs:
        citing = profile.rules_citing(p.id)
        kinds = {r.kind for r in citing}
        if "rule" in kinds:
            state = "rule"
        elif "workflow" in kinds:
            state = "workflow"
        else:
            state = p.kind or "not yet"
        report.append(
            ParagraphCoverage(
                paragraph=p.id,
                label=p.label,
                state=state,
                rules=tuple(r.id for r in citing),
                tests=tuple(sorted(tests_by_label.get(_key(p.label), ()))),
            )
        )
    return report


def summarise(report: Iterable[ParagraphCoverage]) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for row in report:
        counts[row.state] += 1
    return counts


def _key(label: str) -> str:
    code, pid = split_label(label)
    return f"{code} {pid}" if code else pid


def scan_citations(roots: Iterable[Path]) -> dict[str, set[str]]:
    """Map each cited label ('D 6.3') to the tests citing it, as 'path::name' relative to the repo."""
    found: dict[str, set[str]] = defaultdict(set)
    for root in roots:
        files = [root] if root.is_file() else sorted(root.rglob("test_*.py"))
        for path in files:
            for label, test in _citations_in(path):
                found[_key(label)].add(test)
    return found


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def _citations_in(path: Path) -> Iterator[tuple[str, str]]:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError):
        return
    name = _relative(path)
    module_labels = _pytestmark(tree.body)
    yield from _walk(tree.body, name, module_labels)


def _walk(body: list[ast.stmt], prefix: str, inherited: list[str]) -> Iterator[tuple[str, str]]:
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
        ):
            test = f"{prefix}::{node.name}"
            for label in [*inherited, *_decorator_labels(node.decorator_list)]:
                yield label, test
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            labels = [*inherited, *_decorator_labels(node.decorator_list), *_pytestmark(node.body)]
            yield from _walk(node.body, f"{prefix}::{node.name}", labels)


def _pytestmark(body: list[ast.stmt]) -> list[str]:
    labels: list[str] = []
    for node in body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets
        ):
            value = node.value
            marks = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
            labels.extend(_decorator_labels(marks))
    return labels


def _decorator_labels(decorators: list[ast.expr]) -> list[str]:
    labels: list[str] = []
    for dec in decorators:
        if not isinstance(dec, ast.Call):
            continue
        func = dec.func
        is_cites = (isinstance(func, ast.Attribute) and func.attr == "cites") or (
            isinstance(func, ast.Name) and func.id == "cites"
        )
        if not is_cites:
            continue
        labels.extend(
            arg.value
            for arg in dec.args
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        )
    return labels
