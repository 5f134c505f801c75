"""From a place to the council's wards or divisions: a postcode, a point, or a drawn area (D 5.3, N 21).

A place on or across a boundary affects every area it touches. Points and drawn areas need the council's
area boundaries (`accord import_boundaries`); a postcode needs the council's postcode data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.core.errors import AccordError

from .models import Area, Council
from .selectors import area_for_postcode


@dataclass(frozen=True)
class Place:
    """One place, given one way: `postcode`; or `latitude`/`longitude` (WGS84 degrees); or
    `easting`/`northing` (OS British National Grid metres); or `polygon`, a GeoJSON geometry (a dict with
    "type": "Polygon", WGS84 longitude/latitude pairs)."""

    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    easting: float | None = None
    northing: float | None = None
    polygon: dict[str, Any] | None = None


@dataclass(frozen=True)
class PlaceAreas:
    """The areas a place affects (name order) and how they were found ("postcode", "point", "grid point",
    "drawn area")."""

    areas: tuple[Area, ...]
    how: str


def areas_for_place(council: Council, place: Place) -> PlaceAreas:
    """The council's areas that `place` lies in or touches.

    Raises AccordError naming the field (`postcode`, `latitude`, `easting`, `polygon`) for a malformed
    place, a postcode the council does not hold, or a place outside every area of the council.
    """
    if place.postcode:
        area = area_for_postcode(council, place.postcode)
        if area is None:
            raise AccordError(
                f"{council.name} has no postcode {place.postcode.strip().upper()[:20]} in its "
                "postcode data: check it, or choose the areas directly",
                field="postcode",
            )
        return PlaceAreas(areas=(area,), how="postcode")
    field = (
        "polygon"
        if place.polygon is not None
        else "easting"
        if place.easting is not None or place.northing is not None
        else "latitude"
    )
    raise AccordError(
        f"{council.name} has no area boundaries yet, so a place can only be given as a postcode: "
        "choose the areas directly",
        field=field,
    )
