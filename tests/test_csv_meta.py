"""Every CSV Accord writes goes through `accord.core.csv`: no module writes CSV any other way."""

from __future__ import annotations

import re
from pathlib import Path

import accord

ROOT = Path(accord.__file__).parent
WRITER = ROOT / "core" / "csv.py"
# Writing CSV by hand: the standard library's writers, or a CSV response put together without the writer.
WRITES_CSV = re.compile(r"csv\.(writer|DictWriter)\b|\.writerows?\(|content_type=[\"']text/csv")


def csv_writing_modules() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if path == WRITER or "tests" in path.relative_to(ROOT).parts:
            continue
        if WRITES_CSV.search(path.read_text(encoding="utf-8")):
            found.append(str(path.relative_to(ROOT.parent)))
    return found


def test_only_the_one_writer_writes_csv() -> None:
    assert csv_writing_modules() == [], (
        "write CSV through accord.core.csv (csv_response, csv_lines)"
    )


def test_the_check_finds_a_module_that_writes_csv(tmp_path: Path) -> None:
    """The pattern recognises the ways a module could write CSV (so the check above can fail)."""
    for line in (
        "w = csv.writer(out)",
        "w = csv.DictWriter(out, fields)",
        "w.writerow(row)",
        'HttpResponse(body, content_type="text/csv")',
    ):
        assert WRITES_CSV.search(line), line
    assert not WRITES_CSV.search("rows = csv.reader(handle)")
