"""`accord protocol list | validate | coverage`: the shipped profiles, a council's copy, the coverage table."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accord.protocol.loader import PROFILES_DIR


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("protocol", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_list_shows_both_profiles() -> None:
    out, _ = run("list")
    lines = out.splitlines()
    assert lines[0].startswith("district   D  Member / Officer Protocol")
    assert lines[1].startswith("norfolk    N  Protocol on Member/Officer Relations")
    assert "wards" in lines[0] and "divisions" in lines[1]


def test_validate_a_good_file() -> None:
    path = PROFILES_DIR / "norfolk.yaml"
    out, _ = run("validate", str(path))
    assert re.fullmatch(
        rf"{path}: valid profile 'norfolk' \(37 paragraphs, \d+ rules?\)", out.strip()
    )


def test_validate_a_broken_file_names_the_problem(tmp_path: Path) -> None:
    text = (
        (PROFILES_DIR / "district.yaml").read_text().replace('cites: ["6.3", ', 'cites: ["6.9", ')
    )
    broken = tmp_path / "mycouncil.yaml"
    broken.write_text(text)
    with pytest.raises(CommandError, match="not a valid profile") as raised:
        out, err = StringIO(), StringIO()
        call_command("protocol", "validate", str(broken), stdout=out, stderr=err)
    assert raised.value.returncode == 1
    assert (
        "mycouncil.yaml: rules.enquiry.response-deadline.cites[0]: "
        "paragraph '6.9' is not in this profile"
    ) in err.getvalue()


@pytest.mark.cites("D 6.3")
def test_coverage_json_lists_every_paragraph() -> None:
    out, _ = run("coverage", "--profile", "district", "--json")
    rows = json.loads(out)
    assert len(rows) == 96
    assert all(set(r) == {"paragraph", "state", "rules", "tests"} for r in rows)
    by_label = {r["paragraph"]: r for r in rows}
    assert by_label["D 6.3"]["state"] == "rule"
    assert "enquiry.response-deadline" in by_label["D 6.3"]["rules"]
    assert any("test_calendar.py::" in t for t in by_label["D 6.3"]["tests"])
    assert by_label["D 1.1"]["state"] == "guidance"
    assert by_label["D 2.11"]["state"] == "definition"


def test_coverage_table_has_a_summary() -> None:
    out, _ = run("coverage", "--profile", "norfolk")
    lines = out.splitlines()
    assert lines[0] == "Protocol on Member/Officer Relations (norfolk, version 2026-11-01)"
    assert re.search(r"^N 19\(e\) +(rule|workflow|not yet) +\d+", out, flags=re.MULTILINE)
    assert re.fullmatch(
        r"37 paragraphs\. rule: \d+, workflow: \d+, guidance: \d+, definition: \d+, not yet: \d+",
        lines[-1],
    )


def test_coverage_of_an_unknown_profile_is_refused() -> None:
    with pytest.raises(CommandError, match="nowhere"):
        run("coverage", "--profile", "nowhere")
