"""Two wards that share a boundary along longitude 1.29 (Abbey to the west, Castle to the east, with a
detached part), from the small ONS-shaped files in `fixtures/boundaries/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accord.councils.imports.boundaries import boundaries_import_file
from accord.councils.models import Area, Council

from . import factories

f: Any = factories

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "boundaries"
ABBEY_POINT = (52.63, 1.285)  # latitude, longitude
CASTLE_POINT = (52.63, 1.295)
ON_THE_BOUNDARY = (52.63, 1.29)
OUTSIDE = (52.70, 1.40)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def wards(council: Council) -> tuple[Area, Area]:
    """The council's Abbey (E05000001) and Castle (E05000002), made if missing."""
    abbey, _ = Area.objects.get_or_create(council=council, name="Abbey")
    if not abbey.code:
        abbey.code = "E05000001"
        abbey.save()
    castle, _ = Area.objects.get_or_create(
        council=council, name="Castle", defaults={"code": "E05000002"}
    )
    return abbey, castle


def with_boundaries(council: Council, name: str = "wards-wgs84.geojson") -> tuple[Area, Area]:
    """Abbey and Castle with their boundaries imported from the fixture `name`."""
    areas = wards(council)
    boundaries_import_file(council=council, data=fixture(name), by="test")
    return areas
