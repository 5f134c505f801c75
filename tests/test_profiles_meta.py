"""Meta-tests that keep the protocol profiles honest.

Every rule cites a paragraph and is exercised by a test and used by code; every paragraph's words are the
document's; every paragraph the protocol map names exists; a broken profile is refused with a clear error.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.protocol import ProfileError, available_profiles, load_profile
from accord.protocol.coverage import coverage_report, default_test_roots, scan_citations
from accord.protocol.loader import PROFILES_DIR

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEEDS = {"district": "000_*.txt", "norfolk": "004_*.txt"}
PROFILES = available_profiles()


@pytest.mark.parametrize("key", PROFILES)
def test_profile_loads(key: str) -> None:
    profile = load_profile(key)
    assert profile.key == key
    assert profile.paragraphs


@pytest.mark.parametrize("key", PROFILES)
def test_every_rule_is_cited_and_tested(key: str) -> None:
    profile = load_profile(key)
    report = {row.paragraph: row for row in coverage_report(profile)}
    by_rule_id = scan_citations(default_test_roots())
    untested = []
    for rule in profile.rules.values():
        assert rule.citations, f"{key}: rule {rule.id} has no citation"
        tested = [t for pid in rule.cites for t in report[pid].tests]
        if not tested and not by_rule_id.get(rule.id):
            cited = ", ".join(profile.label(p) for p in rule.cites)
            untested.append(f"{rule.id} ({cited})")
    assert not untested, f"{key}: rules with no test citing them or their paragraphs: {untested}"


def _strings_in_code() -> set[str]:
    """Every string literal in Accord's code, leaving out tests, migrations, the profiles and the rulebook
    (which names every rule the loader accepts, used or not)."""
    found: set[str] = set()
    for path in (REPO_ROOT / "accord").rglob("*.py"):
        rel = path.relative_to(REPO_ROOT).parts
        if (
            "tests" in rel
            or "migrations" in rel
            or path.is_relative_to(PROFILES_DIR)
            or path.name == "rulebook.py"
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.parametrize("key", PROFILES)
def test_every_rule_is_used_by_code(key: str) -> None:
    strings = _strings_in_code()
    missing = [r for r in load_profile(key).rules if r not in strings]
    assert not missing, f"{key}: rules defined in data only, never used by code: {missing}"


def test_the_protocol_package_does_not_import_django() -> None:
    offenders = []
    for path in (REPO_ROOT / "accord" / "protocol").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "django" or n.startswith("django.") for n in names):
                offenders.append(str(path.relative_to(REPO_ROOT)))
    assert not offenders, f"accord.protocol must stay plain Python: {sorted(set(offenders))}"


def _normalise(text: str) -> str:
    text = re.sub(r"^\s*-\s+", "", text, flags=re.MULTILINE)
    return " ".join(text.split())


@pytest.mark.parametrize("key", PROFILES)
def test_paragraph_texts_are_the_documents_words(key: str) -> None:
    seeds = sorted((SHARED / "seeds").glob(SEEDS.get(key, "-")))
    if not seeds:
        pytest.skip(f"no seed document for {key!r} in {SHARED / 'seeds'}")
    document = _normalise(seeds[0].read_text(encoding="utf-8"))
    missing = [p.label for p in load_profile(key).paragraphs if _normalise(p.text) not in document]
    assert not missing, f"{key}: paragraphs whose text is not in {seeds[0].name}: {missing}"


def _map_ids() -> dict[str, list[str]]:
    """'D 1.1-1.2' (en dash in the map) -> D: 1.1, 1.2; 'D 8.2, 8.4' -> D: 8.2, 8.4; from the first column of each table."""
    found: dict[str, list[str]] = {}
    text = (SHARED / "protocol-map.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        match = re.match(r"^\|\s*([A-Z]) ([^|]+?)\s*\|", line)
        if not match:
            continue
        code, refs = match.groups()
        for part in refs.split(","):
            found.setdefault(code, []).extend(x.strip() for x in re.split("[\u2013-]", part))
    return found


@pytest.mark.parametrize("key", PROFILES)
def test_every_paragraph_in_the_protocol_map_exists(key: str) -> None:
    if not (SHARED / "protocol-map.md").exists():
        pytest.skip(f"no protocol map at {SHARED / 'protocol-map.md'}")
    profile = load_profile(key)
    ids = _map_ids().get(profile.code, [])
    assert ids, f"the protocol map names no paragraph of {key!r}"
    missing = [f"{profile.code} {i}" for i in ids if not profile.has_paragraph(i)]
    assert not missing, f"{key}: paragraphs in the protocol map but not in the profile: {missing}"


def _rule(data: dict[str, Any]) -> dict[str, Any]:
    rule: dict[str, Any] = data["rules"]["enquiry.response-deadline"]
    return rule


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "missing cites",
        lambda d: _rule(d).pop("cites"),
        "rules.enquiry.response-deadline.cites: required key is missing",
    ),
    (
        "empty cites",
        lambda d: _rule(d).update(cites=[]),
        "rules.enquiry.response-deadline.cites: must cite at least one paragraph",
    ),
    (
        "unknown paragraph",
        lambda d: _rule(d).update(cites=["6.9"]),
        "rules.enquiry.response-deadline.cites[0]: paragraph '6.9' is not in this profile",
    ),
    (
        "another profile's paragraph",
        lambda d: _rule(d).update(cites=["N 6.3"]),
        "rules.enquiry.response-deadline.cites[0]: paragraph 'N 6.3' is not in this profile",
    ),
    (
        "unknown key",
        lambda d: _rule(d).update(deadline=5),
        "rules.enquiry.response-deadline.deadline: unknown key",
    ),
    (
        "unknown top-level key",
        lambda d: d.update(colour="red"),
        "colour: unknown key",
    ),
    (
        "wrong type",
        lambda d: _rule(d).update(cites="6.3"),
        "rules.enquiry.response-deadline.cites: Input should be a valid list",
    ),
    (
        "wrong param type",
        lambda d: _rule(d).update(params={"working_days": "five"}),
        "rules.enquiry.response-deadline.params.working_days: Input should be a valid integer",
    ),
    (
        "holding reply extension of no working days",
        lambda d: d["rules"]["enquiry.holding-reply"]["params"].update(
            longest_extension_working_days=0
        ),
        "rules.enquiry.holding-reply.params.longest_extension_working_days: Input should be "
        "greater than or equal to 1",
    ),
    (
        "holding reply extension not a number",
        lambda d: d["rules"]["enquiry.holding-reply"]["params"].update(
            longest_extension_working_days="a month"
        ),
        "rules.enquiry.holding-reply.params.longest_extension_working_days: Input should be a "
        "valid integer",
    ),
    (
        "bare number id",
        lambda d: d["paragraphs"][0].update(id=1.1),
        "paragraphs[0].id: write paragraph ids as quoted strings",
    ),
    (
        "duplicate id",
        lambda d: d["paragraphs"][1].update(id="1.1"),
        "paragraphs[1].id: paragraph '1.1' appears twice",
    ),
    (
        "bad kind",
        lambda d: _rule(d).update(kind="law"),
        "rules.enquiry.response-deadline.kind: Input should be 'rule' or 'workflow'",
    ),
    (
        "bad version",
        lambda d: d.update(version="soon"),
        "version: Input should be a valid date",
    ),
]


@pytest.mark.parametrize(("why", "breaks", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_profile_is_refused_naming_file_key_and_problem(
    tmp_path: Path, why: str, breaks: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = yaml.safe_load((PROFILES_DIR / "district.yaml").read_text(encoding="utf-8"))
    breaks(data)
    path = tmp_path / "mycouncil.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_profile(path)
    assert f"mycouncil.yaml: {expected}" in str(raised.value), why


def test_a_duplicated_yaml_key_is_refused(tmp_path: Path) -> None:
    text = (PROFILES_DIR / "district.yaml").read_text(encoding="utf-8")
    path = tmp_path / "twice.yaml"
    path.write_text(text + "\ncode: X\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"twice\.yaml: not valid YAML: .*'code' appears twice"):
        load_profile(path)
