"""Importing postcode data: each postcode into its ward or division, all or nothing, naming the line."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from accord.core.errors import AccordError
from accord.councils.imports import postcodes
from accord.councils.imports.postcodes import PostcodeImportReport, postcodes_import_file
from accord.councils.models import Area, AreaPostcode, Council

from . import factories

f: Any = factories  # factory calls return model instances

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parent.parent / "imports" / "samples" / "postcodes.csv"
HEADER = "postcode,area\n"


@pytest.fixture
def council() -> Council:
    council = f.CouncilFactory(slug="testshire", name="Testshire District Council")
    for name in ("Abbey", "Brookside", "Castle Hill", "Dunmere"):
        f.AreaFactory(council=council, name=name)
    return council


def _held(council: Council) -> dict[str, str]:
    return dict(AreaPostcode.objects.filter(council=council).values_list("postcode", "area__name"))


def _import(council: Council, text: str, *, dry_run: bool = False) -> PostcodeImportReport:
    return postcodes_import_file(council=council, data=text.encode(), dry_run=dry_run)


def test_sample_file_adds_every_postcode_normalised(council: Council) -> None:
    report = postcodes_import_file(council=council, data=SAMPLE.read_bytes())
    assert report.added == 8 and report.moved == [] and report.unchanged == 0
    held = _held(council)
    assert held["AC90 1AD"] == "Abbey"  # written "ac90 1ad"
    assert held["AC90 2AF"] == "Abbey"  # written "AC902AF"
    assert held["AC92 3AE"] == "Castle Hill"
    assert len(held) == 8


def test_reimport_changes_nothing_and_a_changed_area_moves_the_postcode(council: Council) -> None:
    postcodes_import_file(council=council, data=SAMPLE.read_bytes())
    again = postcodes_import_file(council=council, data=SAMPLE.read_bytes())
    assert (again.added, again.moved, again.unchanged) == (0, [], 8)
    report = _import(council, HEADER + "AC90 1AB,Dunmere\nAC94 1AB,Dunmere\n")
    assert report.added == 1
    assert report.moved == ["AC90 1AB (Abbey to Dunmere)"]
    assert report.missing == 7  # kept, only counted
    held = _held(council)
    assert held["AC90 1AB"] == "Dunmere" and held["AC94 1AB"] == "Dunmere"
    assert len(held) == 9


def test_area_by_its_code_or_name_ignoring_case(council: Council) -> None:
    Area.objects.filter(council=council, name="Brookside").update(code="E05000001")
    _import(council, HEADER + "AC1 1AB,e05000001\nAC1 1AD,castle hill\n")
    assert _held(council) == {"AC1 1AB": "Brookside", "AC1 1AD": "Castle Hill"}


def test_ward_and_division_are_accepted_as_the_area_column_and_other_columns_ignored(
    council: Council,
) -> None:
    _import(council, "Ward,Notes,Postcode\nAbbey,corner shop,ac1 1ab\n")
    assert _held(council) == {"AC1 1AB": "Abbey"}


def test_another_councils_area_is_not_found(council: Council) -> None:
    other = f.CouncilFactory(slug="otherton", name="Otherton County Council")
    f.AreaFactory(council=other, name="Elsewhere")
    with pytest.raises(AccordError, match="Line 2: Testshire District Council has no ward"):
        _import(council, HEADER + "AC1 1AB,Elsewhere\n")
    assert not AreaPostcode.objects.exists()


def test_dry_run_reports_but_saves_nothing(council: Council) -> None:
    _import(council, HEADER + "AC1 1AB,Abbey\n")
    report = _import(council, HEADER + "AC1 1AB,Dunmere\nAC1 1AD,Abbey\n", dry_run=True)
    assert report.added == 1 and report.moved == ["AC1 1AB (Abbey to Dunmere)"]
    assert "Dry run: nothing was saved." in report.lines()
    assert _held(council) == {"AC1 1AB": "Abbey"}


# Each file's good lines would move AC1 1AB and add AC2 1AB: neither may happen.
GOOD = HEADER + "AC1 1AB,Dunmere\nAC2 1AB,Abbey\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty"),
        (HEADER, "header row but no postcodes"),
        (
            "postcode,place\nAC1 1AB,Abbey\n",
            r"Line 1: the header row has no column for the wards \(area or ward\); the file's "
            "columns are postcode, place",
        ),
        (
            "postcode,area,Area\nAC1 1AB,Abbey,Abbey\n",
            r"Line 1: the column area appears twice \(columns 2 and 3\)",
        ),
        (GOOD + "AC2 1AD\n", "Line 4 has 1 fields; the header row has 2"),
        (GOOD + ",Abbey\n", "Line 4: postcode is empty"),
        (GOOD + "AC2 1AD,\n", "Line 4: area is empty for AC2 1AD"),
        (GOOD + "AC2 1A,Abbey\n", "Line 4: postcode 'AC2 1A' is not a full UK postcode"),
        ("pcds,ward\nAC1 1AB,Dunmere\n,Abbey\n", "Line 3: pcds is empty"),
        ("pcds,ward\nAC1 1AB,Dunmere\nAC2 1A,Abbey\n", "Line 3: pcds 'AC2 1A' is not a full"),
        ("pcds,ward\nAC1 1AB,Dunmere\nAC2\x00,Abbey\n", "Line 3: pcds contains a NUL byte"),
        (
            "pcds,ward\nAC1 1AB,Dunmere\n,Ab\x00\n",
            r"pcds is empty\.\n- Line 3: ward contains a NUL",
        ),
        (GOOD + "ac21ab,Dunmere\n", "Lines 3 and 4 both give AC2 1AB"),
        (
            GOOD + "AC2 1AD,Abey\n",
            "Line 4: Testshire District Council has no ward named or coded 'Abey' "
            r"\(column area, for AC2 1AD\)",
        ),
    ],
)
def test_a_bad_line_names_the_line_and_changes_nothing(
    council: Council, text: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(council, HEADER + "AC1 1AB,Abbey\n")
    monkeypatch.setattr(postcodes, "BATCH", 1)  # every good line is written before the bad one
    with pytest.raises(AccordError, match=message):
        _import(council, text)
    assert _held(council) == {"AC1 1AB": "Abbey"}


def test_a_code_shared_by_two_areas_is_refused(council: Council) -> None:
    Area.objects.filter(council=council, name__in=["Abbey", "Dunmere"]).update(code="X1")
    with pytest.raises(AccordError, match="Line 2: the code 'X1' belongs to Abbey and Dunmere"):
        _import(council, HEADER + "AC1 1AB,X1\n")


def test_command_imports_with_a_progress_bar_and_prints_the_report(council: Council) -> None:
    out, err = StringIO(), StringIO()
    call_command("import_postcodes", str(SAMPLE), council="testshire", stdout=out, stderr=err)
    assert "Postcodes added: 8" in out.getvalue()
    assert "Postcodes: 100%" in err.getvalue()
    assert len(_held(council)) == 8


def test_command_dry_run_saves_nothing(council: Council) -> None:
    out = StringIO()
    call_command(
        "import_postcodes",
        str(SAMPLE),
        council="testshire",
        dry_run=True,
        stdout=out,
        stderr=StringIO(),
    )
    assert "Postcodes added: 8" in out.getvalue()
    assert "Dry run: nothing was saved." in out.getvalue()
    assert not AreaPostcode.objects.exists()


def test_command_error_names_the_line_and_value_and_saves_nothing(
    council: Council, tmp_path: Path
) -> None:
    bad = tmp_path / "postcodes.csv"
    bad.write_text(HEADER + "AC1 1AB,Abbey\nAC1 1AD,Abbey\nAC1 XYZ,Abbey\n")
    with pytest.raises(
        CommandError,
        match=r"postcodes.csv: Line 4: postcode 'AC1 XYZ' is not a full UK postcode.*Nothing was saved",
    ):
        call_command("import_postcodes", str(bad), council="testshire", stderr=StringIO())
    assert not AreaPostcode.objects.exists()


def test_command_unknown_council(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No council with the slug 'nowhere'"):
        call_command("import_postcodes", str(SAMPLE), council="nowhere")
