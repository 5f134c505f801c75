"""Every hyphenated `accord …` command the README and docs give runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTED = sorted(
    {
        name
        for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
        for name in re.findall(r"\baccord ([a-z]+(?:-[a-z]+)+)\b", path.read_text(encoding="utf-8"))
    }
)


def test_the_docs_give_hyphenated_commands() -> None:
    assert "api-token" in DOCUMENTED
    assert "check-invariants" in DOCUMENTED


@pytest.mark.parametrize("name", DOCUMENTED)
def test_documented_command_runs(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([name, "--help"])
    out = capsys.readouterr()
    assert exit_.value.code == 0, out.err
    assert "usage:" in out.out
