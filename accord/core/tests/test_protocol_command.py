"""`accord protocol list | validate | coverage`: the shipped profiles, a council's copy, the coverage table."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accord.protocol import available_profiles, load_profile
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


def _council_profile(directory: Path, key: str = "ashcombe") -> Path:
    directory.mkdir(exist_ok=True)
    text = (PROFILES_DIR / "district.yaml").read_text(encoding="utf-8")
    path = directory / f"{key}.yaml"
    path.write_text(text.replace("key: district", f"key: {key}", 1), encoding="utf-8")
    return path


def test_a_councils_profile_directory_is_installed_and_listed_with_its_source(
    tmp_path: Path, settings: Any
) -> None:
    path = _council_profile(tmp_path / "profiles")
    assert "ashcombe" not in available_profiles()
    settings.ACCORD_PROFILE_DIRS = [tmp_path / "profiles"]
    assert available_profiles() == ["ashcombe", "district", "norfolk"]
    assert load_profile("ashcombe").path == str(path)
    out, _ = run("list")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert lines["ashcombe"].endswith(f"from {path} (ACCORD_PROFILE_DIRS)")
    assert lines["district"].endswith(
        f"from {PROFILES_DIR / 'district.yaml'} (shipped with Accord)"
    )


def test_a_councils_file_never_replaces_a_shipped_profile(tmp_path: Path, settings: Any) -> None:
    shadow = _council_profile(tmp_path / "profiles", key="district")
    settings.ACCORD_PROFILE_DIRS = [tmp_path / "profiles", tmp_path / "missing"]
    assert load_profile("district").path == str(PROFILES_DIR / "district.yaml")
    _, err = run("list")
    assert f"{shadow}: ignored, a profile called 'district' is already installed" in err
    assert (
        f"{tmp_path / 'missing'}: ACCORD_PROFILE_DIRS names a directory that does not exist" in err
    )


def test_an_invalid_councils_profile_is_listed_not_fatal(tmp_path: Path, settings: Any) -> None:
    path = _council_profile(tmp_path / "profiles")
    path.write_text(path.read_text(encoding="utf-8").replace("enquiry.routing:", "enquiry.routng:"))
    settings.ACCORD_PROFILE_DIRS = [tmp_path / "profiles"]
    out, _ = run("list")
    assert f"ashcombe   -  not valid (1 problem(s); run 'accord protocol validate {path}')" in out
