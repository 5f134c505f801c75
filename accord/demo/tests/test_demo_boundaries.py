"""The demo councils' synthetic boundaries: one polygon per area, tiling the council without overlaps,
and every demo postcode a point inside its own area (D 5.3, N 21)."""

from __future__ import annotations

import pytest
import shapely

from accord.councils.boundaries import boundary_index, council_has_boundaries
from accord.councils.maps import area_map
from accord.councils.models import Area, AreaPostcode, Council
from accord.councils.places import Place, areas_for_place
from accord.demo.services import demo_load

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["ashcombe", "westshire"])
def test_each_demo_area_has_one_polygon_and_together_they_tile_the_council(slug: str) -> None:
    demo_load()
    council = Council.objects.get(slug=slug)
    index = boundary_index(council)
    assert council_has_boundaries(council)
    assert {ref.id for ref in index.areas} == set(
        Area.objects.filter(council=council).values_list("pk", flat=True)
    )
    shapes = list(index.shapes)
    assert all(s.is_valid and s.area > 0 for s in shapes)
    union = shapely.union_all(shapes)
    assert sum(s.area for s in shapes) == pytest.approx(union.area, rel=1e-6)  # no overlaps
    assert union.geom_type == "Polygon"  # no gaps splitting it


@pytest.mark.cites("D 5.3")
def test_every_demo_postcode_is_a_point_in_its_own_area_only() -> None:
    demo_load()
    council = Council.objects.get(slug="ashcombe")
    postcodes = list(AreaPostcode.objects.filter(council=council).select_related("area"))
    assert postcodes and all(p.latitude is not None for p in postcodes)
    for postcode in postcodes[:20]:
        found = areas_for_place(council, Place(postcode=postcode.postcode))
        assert [a.name for a in found.areas] == [postcode.area.name]
        point = areas_for_place(
            council, Place(latitude=postcode.latitude, longitude=postcode.longitude)
        )
        assert [a.name for a in point.areas] == [postcode.area.name]


def test_the_demo_map_draws_every_area_and_a_reload_keeps_the_boundaries() -> None:
    demo_load()
    council = Council.objects.get(slug="westshire")
    drawn = area_map(council)
    assert drawn is not None
    assert drawn.svg.count("<path ") == Area.objects.filter(council=council).count()
    version = council.boundaries_version
    demo_load()
    council.refresh_from_db()
    assert council.boundaries_version == version
