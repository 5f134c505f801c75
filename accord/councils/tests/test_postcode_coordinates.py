"""Postcode data with coordinates, so a postcode is also a point: degrees (`lat`/`long`, as the ONS
directory has them), or grid metres (`oseast1m`/`osnrth1m`); a bad coordinate is named by its column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accord.core.errors import AccordError
from accord.councils.imports.postcodes import postcodes_import_file
from accord.councils.models import AreaPostcode, Council

from . import factories

f: Any = factories

pytestmark = pytest.mark.django_db
NSPL = Path(__file__).resolve().parent / "fixtures" / "postcodes-nspl-with-coordinates.csv"


@pytest.fixture
def council() -> Council:
    council = f.CouncilFactory()
    f.AreaFactory(council=council, name="Abbey", code="E05009901")
    f.AreaFactory(council=council, name="Castle", code="E05009902")
    return council


def _points(council: Council) -> dict[str, tuple[float | None, float | None]]:
    return {
        p.postcode: (p.latitude, p.longitude) for p in AreaPostcode.objects.filter(council=council)
    }


def test_the_ons_directorys_lat_and_long_are_read(council: Council) -> None:
    report = postcodes_import_file(council=council, data=NSPL.read_bytes())
    assert report.added == 3
    points = _points(council)
    assert points["AC1 1AB"] == (52.63, 1.285)
    # The directory's "no grid reference" (latitude 99.999999) is no point, not a bad one.
    assert points["AC1 1AD"] == (None, None)


def test_grid_columns_are_transformed_when_there_are_no_degrees(council: Council) -> None:
    data = b"postcode,ward,oseast1m,osnrth1m\nAC1 1AB,Abbey,530000,180000\nAC1 1AD,Castle,,\n"
    postcodes_import_file(council=council, data=data)
    lat, lon = _points(council)["AC1 1AB"]
    assert (lat, lon) == (pytest.approx(51.504, abs=1e-3), pytest.approx(-0.1284, abs=1e-3))
    assert _points(council)["AC1 1AD"] == (None, None)


def test_every_bad_coordinate_is_named_and_nothing_is_saved(council: Council) -> None:
    data = (
        b"postcode,area,lat,long\n"
        b"AC1 1AB,Abbey,north,1.2\n"
        b"AC1 1AD,Abbey,95,1.2\n"
        b"AC1 2AF,Abbey,52.1,nan\n"
        b"AC1 2BH,Abbey,52.1,1.2\n"
    )
    with pytest.raises(AccordError) as refused:
        postcodes_import_file(council=council, data=data)
    message = refused.value.message
    assert "Line 2: lat 'north' is not a number." in message
    assert "Line 3: the point has latitude 95, outside -90 to 90 degrees." in message
    assert "Line 4: long 'nan' is not a number." in message
    assert not AreaPostcode.objects.exists()


def test_a_new_point_for_a_held_postcode_is_saved_and_counted(council: Council) -> None:
    postcodes_import_file(council=council, data=b"postcode,area\nAC1 1AB,Abbey\n")
    report = postcodes_import_file(
        council=council, data=b"postcode,area,latitude,longitude\nAC1 1AB,Abbey,52.6,1.2\n"
    )
    assert (report.unchanged, report.located) == (0, 1)
    assert "Postcodes given new coordinates: 1" in report.lines()
    assert _points(council)["AC1 1AB"] == (52.6, 1.2)
    # A file without coordinates keeps the point held.
    again = postcodes_import_file(council=council, data=b"postcode,area\nAC1 1AB,Abbey\n")
    assert again.unchanged == 1 and _points(council)["AC1 1AB"] == (52.6, 1.2)
