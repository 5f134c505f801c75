"""From a place to the areas it affects (D 5.3, N 21): a postcode, a point, a grid reference, a drawn area.

A place on or across a boundary affects every area it touches; a place outside every area, or given
badly, is refused naming the field, with the paragraph behind the refusal.
"""

from __future__ import annotations

from typing import Any

import pytest
from pyproj import Transformer

from accord.core.errors import AccordError
from accord.councils.boundaries import council_has_boundaries
from accord.councils.geometry import MAX_DRAWN_VERTICES
from accord.councils.models import AreaPostcode, Council
from accord.councils.places import Place, areas_for_place

from . import factories
from .places_support import ABBEY_POINT, CASTLE_POINT, ON_THE_BOUNDARY, OUTSIDE, with_boundaries

f: Any = factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def council() -> Council:
    council = f.CouncilFactory(slug="testshire", name="Testshire District Council")
    with_boundaries(council)
    return council


def names(council: Council, place: Place) -> list[str]:
    return [a.name for a in areas_for_place(council, place).areas]


def refused(council: Council, place: Place) -> AccordError:
    with pytest.raises(AccordError) as caught:
        areas_for_place(council, place)
    return caught.value


def square(lon: float, lat: float, size: float = 0.002) -> dict[str, Any]:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.mark.cites("D 5.3")
def test_a_point_affects_the_ward_it_lies_in_and_says_why(council: Council) -> None:
    found = areas_for_place(council, Place(latitude=ABBEY_POINT[0], longitude=ABBEY_POINT[1]))
    assert ([a.name for a in found.areas], found.how) == (["Abbey"], "point")
    assert [c.label for c in found.citations] == ["D 5.3"]
    # The areas are the council's own rows, usable as any read from the database.
    abbey = found.areas[0]
    assert abbey == council.areas.get(name="Abbey") and abbey.council is council
    assert not abbey._state.adding and abbey.members.count() == 0
    assert names(council, Place(latitude=CASTLE_POINT[0], longitude=CASTLE_POINT[1])) == ["Castle"]


@pytest.mark.cites("D 5.3")
def test_a_point_on_the_boundary_affects_both_wards(council: Council) -> None:
    lat, lon = ON_THE_BOUNDARY
    assert names(council, Place(latitude=lat, longitude=lon)) == ["Abbey", "Castle"]
    # Within the tolerance (about a centimetre), still both; a metre away, one.
    assert names(council, Place(latitude=lat, longitude=lon + 5e-8)) == ["Abbey", "Castle"]
    assert names(council, Place(latitude=lat, longitude=lon + 2e-5)) == ["Castle"]


@pytest.mark.cites("D 5.3")
def test_a_grid_reference_is_a_point_too(council: Council) -> None:
    easting, northing = Transformer.from_crs(4326, 27700, always_xy=True).transform(
        CASTLE_POINT[1], CASTLE_POINT[0]
    )
    found = areas_for_place(council, Place(easting=easting, northing=northing))
    assert ([a.name for a in found.areas], found.how) == (["Castle"], "grid point")


@pytest.mark.cites("D 5.3")
def test_a_drawn_area_affects_every_ward_it_crosses_or_touches(council: Council) -> None:
    assert names(council, Place(polygon=square(1.281, 52.63))) == ["Abbey"]
    assert names(council, Place(polygon=square(1.289, 52.63))) == ["Abbey", "Castle"]
    # Touching only the boundary line counts: the matter is at the edge of both wards.
    assert names(council, Place(polygon=square(1.288, 52.63))) == ["Abbey", "Castle"]
    # The detached part of Castle is found too.
    found = areas_for_place(council, Place(polygon=square(1.3012, 52.6202, 0.0003)))
    assert ([a.name for a in found.areas], found.how) == (["Castle"], "drawn area")


@pytest.mark.cites("D 5.3")
def test_a_place_outside_every_ward_is_refused_naming_the_field(council: Council) -> None:
    error = refused(council, Place(latitude=OUTSIDE[0], longitude=OUTSIDE[1]))
    assert error.field == "latitude"
    assert "outside every ward of Testshire District Council" in error.message
    assert [c.label for c in error.citations] == ["D 5.3"]
    assert refused(council, Place(polygon=square(1.5, 52.5))).field == "polygon"
    assert refused(council, Place(easting=100_000, northing=100_000)).field == "easting"


@pytest.mark.parametrize(
    ("polygon", "message"),
    [
        ([1, 2], "as a GeoJSON Polygon object"),
        ({"type": "Point", "coordinates": [1.28, 52.63]}, "must be a GeoJSON Polygon, not Point"),
        ({"type": "Polygon"}, "has no coordinates"),
        (
            {"type": "Polygon", "coordinates": [[[1.28, 52.63], [1.29, 52.63], [1.28, 52.63]]]},
            "has 3 positions; a ring needs at least 4",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[1.28, 52.63], [1.29, 52.63], [1.29, 52.64], [1.28, 52.64]]],
            },
            "is not closed",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[1.28, 52.63], [1.29, 95], [1.29, 52.64], [1.28, 52.63]]],
            },
            "position 2 has latitude 95, outside -90 to 90",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[1.28, 52.63], ["x", 52.6], [1.29, 52.64], [1.28, 52.63]]],
            },
            "position 2 must be numbers",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[1.28, 52.63], [1.28], [1.29, 52.64], [1.28, 52.63]]],
            },
            "position 2 must be [longitude, latitude]",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[1.281, 52.62], [1.289, 52.64], [1.289, 52.62], [1.281, 52.64], [1.281, 52.62]]
                ],
            },
            "is not a valid shape (Self-intersection",
        ),
        (
            {"type": "Polygon", "coordinates": [[[1.28, 52.63]] * (MAX_DRAWN_VERTICES + 1)]},
            "more than 1000 positions",
        ),
    ],
)
def test_a_bad_drawn_area_is_refused_naming_the_polygon(
    council: Council, polygon: Any, message: str
) -> None:
    error = refused(council, Place(polygon=polygon))
    assert error.field == "polygon"
    assert message in error.message


@pytest.mark.parametrize(
    ("place", "field", "message"),
    [
        (Place(), "postcode", "Give a place"),
        (Place(postcode="AC1 1AB", latitude=52.6, longitude=1.2), "latitude", "one way only"),
        (Place(latitude=52.63), "longitude", "longitude is missing"),
        (Place(longitude=1.28), "latitude", "latitude is missing"),
        (Place(latitude=91.0, longitude=1.28), "latitude", "outside -90 to 90"),
        (Place(latitude=52.0, longitude=181.0), "longitude", "outside -180 to 180"),
        (Place(latitude=float("nan"), longitude=1.0), "latitude", "must be numbers"),
        (Place(easting=1.0), "northing", "northing is missing"),
        (Place(easting=-5.0, northing=1.0), "easting", "outside the grid"),
        (
            Place(easting=5.0, northing=2e6),
            "northing",
            "northing 2,000,000 is outside the grid (0 to 1,300,000 metres)",
        ),
        (Place(postcode="not a postcode"), "postcode", "is not a full UK postcode"),
        (Place(postcode="ZZ9 9ZZ"), "postcode", "has no postcode ZZ9 9ZZ"),
    ],
)
def test_a_malformed_place_names_its_field(
    council: Council, place: Place, field: str, message: str
) -> None:
    error = refused(council, place)
    assert (error.field, message in error.message) == (field, True), error.message


@pytest.mark.cites("D 5.3")
def test_a_postcode_with_a_point_on_the_boundary_affects_both_wards(council: Council) -> None:
    abbey = council.areas.get(name="Abbey")
    AreaPostcode.objects.create(council=council, area=abbey, postcode="AC1 1AB")
    assert names(council, Place(postcode="ac11ab")) == ["Abbey"]
    AreaPostcode.objects.filter(postcode="AC1 1AB").update(
        latitude=ON_THE_BOUNDARY[0], longitude=ON_THE_BOUNDARY[1]
    )
    found = areas_for_place(council, Place(postcode="AC1 1AB"))
    assert ([a.name for a in found.areas], found.how) == (["Abbey", "Castle"], "postcode")


@pytest.mark.cites("D 5.3")
def test_without_boundaries_only_a_postcode_finds_areas() -> None:
    council = f.CouncilFactory()
    area = f.AreaFactory(council=council, name="Dunmere")
    AreaPostcode.objects.create(
        council=council, area=area, postcode="AC9 9AB", latitude=1, longitude=1
    )
    assert not council_has_boundaries(council)
    assert names(council, Place(postcode="AC9 9AB")) == ["Dunmere"]
    error = refused(council, Place(latitude=1.0, longitude=1.0))
    assert (error.field, "has no area boundaries yet" in error.message) == ("latitude", True)


@pytest.mark.cites("N 21")
def test_a_county_cites_its_own_paragraph() -> None:
    county = f.CouncilFactory(profile="norfolk", area_noun="division")
    with_boundaries(county)
    found = areas_for_place(county, Place(latitude=ON_THE_BOUNDARY[0], longitude=1.29))
    assert [a.name for a in found.areas] == ["Abbey", "Castle"]
    assert [c.label for c in found.citations] == ["N 21"]
    error = refused(county, Place(latitude=OUTSIDE[0], longitude=OUTSIDE[1]))
    assert "outside every division" in error.message


def test_another_councils_boundaries_are_never_used(council: Council) -> None:
    other = f.CouncilFactory(slug="otherton")
    f.AreaFactory(council=other, name="Abbey", code="E05000001")
    error = refused(other, Place(latitude=ABBEY_POINT[0], longitude=ABBEY_POINT[1]))
    assert "has no area boundaries yet" in error.message
    found = areas_for_place(council, Place(latitude=ABBEY_POINT[0], longitude=ABBEY_POINT[1]))
    assert found.areas[0].council_id == council.pk


@pytest.mark.cites("N 21")
def test_a_drawn_area_across_two_divisions_affects_both() -> None:
    county = f.CouncilFactory(profile="norfolk", area_noun="division", name="Westshire")
    with_boundaries(county, "wards-bng.geojson")
    found = areas_for_place(county, Place(polygon=square(1.289, 52.63)))
    assert ([a.name for a in found.areas], found.how) == (["Abbey", "Castle"], "drawn area")
    assert [c.label for c in found.citations] == ["N 21"]
