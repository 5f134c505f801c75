"""Importing ward and division boundaries from ONS-shaped GeoJSON: all or nothing, every problem named."""

from __future__ import annotations

import json
import re
from io import StringIO
from typing import Any

import pytest
import shapely
from django.core.management import CommandError, call_command

from accord.core.errors import AccordError
from accord.councils.boundaries import boundary_index
from accord.councils.imports.boundaries import boundaries_import_file
from accord.councils.imports.problems import ImportProblems
from accord.councils.models import AreaBoundary, Council

from . import factories
from .places_support import FIXTURES, fixture, wards, with_boundaries

f: Any = factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def council() -> Council:
    return f.CouncilFactory(slug="testshire", name="Testshire District Council")


def _shape(council: Council, name: str) -> Any:
    row = AreaBoundary.objects.get(council=council, area__name=name)
    return shapely.from_wkb(bytes(row.geometry))


@pytest.mark.cites("D 5.3")
def test_an_ons_ward_file_gives_each_ward_its_boundary_matched_by_code(council: Council) -> None:
    abbey, _castle = wards(council)
    abbey.name = "Abbey Ward"  # the code decides, not the name
    abbey.save()
    report = boundaries_import_file(council=council, data=fixture("wards-wgs84.geojson"), by="Dana")
    assert (report.added, report.replaced, report.without, report.grid) == (2, 0, [], False)
    row = AreaBoundary.objects.get(area=abbey)
    assert (row.source_code, row.source_name, row.imported_by) == ("E05000001", "Abbey", "Dana")
    assert _shape(council, "Castle").geom_type == "MultiPolygon"
    assert _shape(council, "Abbey Ward").bounds == pytest.approx((1.28, 52.62, 1.29, 52.64))
    council.refresh_from_db()
    assert boundary_index(council).version == council.boundaries_version


@pytest.mark.parametrize("name", ["wards-bng.geojson", "wards-bng-no-crs.geojson"])
def test_british_national_grid_files_are_transformed_to_wgs84(council: Council, name: str) -> None:
    with_boundaries(council, name)
    assert _shape(council, "Abbey").bounds == pytest.approx((1.28, 52.62, 1.29, 52.64), abs=1e-6)


@pytest.mark.cites("N 21")
def test_a_county_file_matches_divisions_by_their_ced_code_else_by_name() -> None:
    county = f.CouncilFactory(slug="westshire", profile="norfolk", area_noun="division")
    f.AreaFactory(council=county, name="North Division", code="E58000901")
    f.AreaFactory(council=county, name="South Division")  # no code: matched by name
    report = boundaries_import_file(
        council=county, data=fixture("divisions-wgs84.geojson"), by="test"
    )
    assert report.added == 2


def test_every_problem_is_named_in_one_run_and_nothing_changes(council: Council) -> None:
    with_boundaries(council)
    before = {b.area_id: bytes(b.geometry) for b in AreaBoundary.objects.all()}
    council.refresh_from_db()
    with pytest.raises(ImportProblems) as refused:
        boundaries_import_file(council=council, data=fixture("wards-problems.geojson"), by="x")
    problems = refused.value.problems
    assert len(problems) == 5, problems
    text = "\n".join(problems)
    assert "Feature 2 (E05000002 Castle): the Polygon is not valid (Self-intersection" in text
    assert "Feature 3 (E05999999 Nowhere): Testshire District Council has no ward coded" in text
    assert (
        "Feature 4 (E05000001 Abbey): Abbey already has a boundary in this file (Feature 1" in text
    )
    assert "Feature 5 (E05000002 Castle): the geometry is a Point" in text
    assert "Feature 6 (E05000002 Castle): the geometry is empty" in text
    assert {b.area_id: bytes(b.geometry) for b in AreaBoundary.objects.all()} == before
    version = council.boundaries_version
    council.refresh_from_db()
    assert council.boundaries_version == version


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty"),
        (b"{not json", "not valid JSON (line 1"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": []}', "has no features"),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
            b'"geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]}',
            "Feature 1: has no code property (like WD24CD) and no name property",
        ),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            b'{"WD24CD": "E05000001"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0]]]}}]}',
            "Feature 1 (E05000001): the coordinates cannot be read as a Polygon",
        ),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            b'{"WD24CD": "E05000001"}, "geometry": {"type": "Polygon", "coordinates": "x"}}]}',
            "Feature 1 (E05000001): the coordinates cannot be read as a Polygon",
        ),
        (b'{"type": "FeatureCollection", "features": [7]}', "Feature 1: is not a GeoJSON Feature"),
        (b'{"type": "FeatureCollection", "features": ' + b"[" * 50_000, "nested too deeply"),
        (
            b'{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": '
            b'"urn:ogc:def:crs:EPSG::3857"}}, "features": [{"type": "Feature", "properties": '
            b'{"WD24CD": "E05000001"}, "geometry": {"type": "Polygon", "coordinates": '
            b"[[[-135000,6850000],[-134000,6850000],[-134000,6851000],[-135000,6850000]]]}}]}",
            "The file's coordinates are in urn:ogc:def:crs:EPSG::3857; give WGS84",
        ),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            b'{"WD24CD": "E05000001"}, "geometry": {"type": "Polygon", "coordinates": '
            b"[[[-135000,6850000],[-134000,6850000],[-134000,6851000],[-135000,6850000]]]}}]}",
            "Feature 1 (E05000001): some coordinates are outside the British National Grid",
        ),
        (
            b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            b'{"WD24CD": "E05000001"}, "geometry": {"type": "Polygon", "coordinates": [[[1'
            + b"0" * 400
            + b",0],[1,0],[1,1],[0,0]]]}}]}",
            "Feature 1 (E05000001): the coordinates cannot be read as a Polygon",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_clearly(
    council: Council, data: bytes, message: str
) -> None:
    wards(council)
    with pytest.raises(AccordError, match=re.escape(message)):
        boundaries_import_file(council=council, data=data, by="x")
    assert not AreaBoundary.objects.exists()


def test_a_dry_run_reports_but_saves_nothing(council: Council) -> None:
    wards(council)
    report = boundaries_import_file(
        council=council, data=fixture("wards-wgs84.geojson"), by="x", dry_run=True
    )
    assert report.added == 2 and "Dry run: nothing was saved." in report.lines()
    assert not AreaBoundary.objects.exists()


def test_a_second_import_replaces_and_the_index_follows(council: Council) -> None:
    with_boundaries(council)
    assert len(boundary_index(council).areas) == 2
    data = json.loads(fixture("wards-wgs84.geojson"))
    data["features"] = data["features"][:1]
    data["features"][0]["geometry"]["coordinates"] = [
        [[1.0, 52.0], [1.1, 52.0], [1.1, 52.1], [1.0, 52.0]]
    ]
    report = boundaries_import_file(council=council, data=json.dumps(data).encode(), by="x")
    assert (report.added, report.replaced) == (0, 1)
    assert _shape(council, "Abbey").bounds == pytest.approx((1.0, 52.0, 1.1, 52.1))
    index = boundary_index(council)
    council.refresh_from_db()
    assert index.version == council.boundaries_version
    assert [ref.name for ref in index.areas] == ["Abbey", "Castle"]


def test_the_command_shows_progress_and_the_report(council: Council) -> None:
    wards(council)
    out, err = StringIO(), StringIO()
    call_command(
        "import_boundaries",
        str(FIXTURES / "wards-bng.geojson"),
        council="testshire",
        stdout=out,
        stderr=err,
    )
    assert "Boundaries added: 2" in out.getvalue()
    assert "British National Grid" in out.getvalue()
    assert "Boundaries" in err.getvalue()  # the progress bar
    assert AreaBoundary.objects.get(area__name="Abbey").imported_by.startswith(
        "accord import_boundaries ("
    )


def test_the_command_names_the_file_every_problem_and_that_nothing_was_saved(
    council: Council,
) -> None:
    wards(council)
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_boundaries",
            str(FIXTURES / "wards-problems.geojson"),
            council="testshire",
            stdout=StringIO(),
            stderr=StringIO(),
        )
    message = str(refused.value)
    assert message.startswith("wards-problems.geojson: 5 problems:")
    assert message.endswith("Nothing was saved.")
    assert not AreaBoundary.objects.exists()
