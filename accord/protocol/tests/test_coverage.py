"""Coverage: each paragraph's state, and the tests that cite it, found by reading the test files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from accord.protocol import Profile, load_profile
from accord.protocol.coverage import coverage_report, summarise
from accord.protocol.loader import PROFILES_DIR

SAMPLE = """
import pytest
from pytest import mark

pytestmark = [pytest.mark.cites("D 7.4")]

@pytest.mark.cites("D 6.3", "N 19(e)")
def test_one():
    pass

@mark.cites("D 6.4")
def test_two():
    pass

@pytest.mark.cites("D 6.5")
class TestGroup:
    def test_inside(self):
        pass

def helper():
    pass
"""

RULES = {
    "enquiry.chasers": {"kind": "rule", "cites": ["6.3"], "summary": "A rule."},
    "enquiry.burden": {"kind": "workflow", "cites": ["6.3", "6.4"], "summary": "A workflow."},
}


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    """The district paragraphs with a fixed set of rules, so other rules cannot move these answers."""
    data = yaml.safe_load((PROFILES_DIR / "district.yaml").read_text(encoding="utf-8"))
    data["rules"] = RULES
    path = tmp_path / "sample.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_profile(path)


def _tests(tmp_path: Path, profile: Profile) -> dict[str, tuple[str, ...]]:
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_sample.py").write_text(SAMPLE)
    (tests / "not_a_test.py").write_text('@pytest.mark.cites("D 6.6")\ndef test_x(): pass\n')
    return {row.label: row.tests for row in coverage_report(profile, [tests])}


def _names(tests: tuple[str, ...]) -> list[str]:
    return [t.split("::", 1)[1] for t in tests]


def test_citations_on_functions_classes_and_modules(tmp_path: Path, profile: Profile) -> None:
    tests = _tests(tmp_path, profile)
    assert _names(tests["D 6.3"]) == ["test_one"]
    assert _names(tests["D 6.4"]) == ["test_two"]
    assert _names(tests["D 6.5"]) == ["TestGroup::test_inside"]
    assert len(tests["D 7.4"]) == 3
    assert tests["D 6.6"] == ()


def test_a_parent_citation_does_not_cover_children(tmp_path: Path, profile: Profile) -> None:
    assert _tests(tmp_path, profile)["D 7.4(a)"] == ()


def test_a_citation_counts_only_for_its_profile(tmp_path: Path) -> None:
    tests = _tests(tmp_path, load_profile("norfolk"))
    assert _names(tests["N 19(e)"]) == ["test_one"]
    assert all(not t for label, t in tests.items() if label != "N 19(e)")


def test_every_paragraph_has_a_state(tmp_path: Path, profile: Profile) -> None:
    report = coverage_report(profile, [tmp_path])
    assert [row.paragraph for row in report] == [p.id for p in profile.paragraphs]
    states = {row.label: row.state for row in report}
    rules = {row.label: row.rules for row in report}
    assert states["D 6.3"] == "rule", "a rule wins over a workflow on the same paragraph"
    assert rules["D 6.3"] == ("enquiry.chasers", "enquiry.burden")
    assert states["D 6.4"] == "workflow"
    assert states["D 3.1(a)"] == "guidance"
    assert states["D 2.3"] == "definition"
    assert states["D 6.5"] == "not yet"
    counts = summarise(report)
    assert counts["rule"] == 1 and counts["workflow"] == 1
    assert sum(counts.values()) == len(profile.paragraphs)


def test_json_form(tmp_path: Path, profile: Profile) -> None:
    row = next(r for r in coverage_report(profile, [tmp_path]) if r.paragraph == "6.4")
    assert row.to_dict() == {
        "paragraph": "D 6.4",
        "state": "workflow",
        "rules": ["enquiry.burden"],
        "tests": [],
    }
