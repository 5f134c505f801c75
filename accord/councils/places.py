"""From a place to the council's wards or divisions: a postcode, a point, or a drawn area (D 5.3, N 21).

A place on or across a boundary affects every area it touches: a point within TOLERANCE_DEGREES (about
a centimetre) of a boundary line lies in both areas, and a drawn area affects every area it intersects,
including one it only touches along a boundary line (a matter at the edge of a ward is still that ward's
Members' business). Points and drawn areas need the council's area boundaries (`accord
import_boundaries`); a postcode needs the council's postcode data, and when the postcode has coordinates
and the council has boundaries, it also affects every area that point touches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import shapely

from accord.core.errors import AccordError
from accord.protocol import Citation, ProfileError, load_profile

from .boundaries import AreaRef, boundary_index
from .geometry import (
    TOLERANCE_DEGREES,
    degrees_problem,
    drawn_area,
    grid_point_to_wgs84,
    grid_problem,
)
from .models import Area, AreaPostcode, Council
from .postcodes import postcode_normalise

PLACE_AREAS = "place.areas"  # D 5.3, N 21: a matter may affect several areas


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
    "drawn area"); `citations` are the paragraphs behind the answer (the profile's `place.areas`)."""

    areas: tuple[Area, ...]
    how: str
    citations: tuple[Citation, ...] = ()


def place_citations(council: Council) -> tuple[Citation, ...]:
    """The citations of the council's `place.areas` rule (D 5.3 or N 21); none if its profile lacks it."""
    return _profile_citations(council.profile)


@cache
def _profile_citations(profile: str) -> tuple[Citation, ...]:
    """An installed profile's `place.areas` citations (installed profiles do not change while running)."""
    try:
        rule = load_profile(profile).rules.get(PLACE_AREAS)
    except ProfileError:
        return ()
    return rule.citations if rule is not None else ()


def _ways(place: Place) -> list[str]:
    ways = []
    if place.postcode.strip():
        ways.append("postcode")
    if place.latitude is not None or place.longitude is not None:
        ways.append("latitude")
    if place.easting is not None or place.northing is not None:
        ways.append("easting")
    if place.polygon is not None:
        ways.append("polygon")
    return ways


def _refused(message: str, *, field: str, citations: tuple[Citation, ...]) -> AccordError:
    return AccordError(message, field=field, citations=list(citations))


def _pair(first: float | None, second: float | None, names: tuple[str, str]) -> tuple[float, float]:
    """Both values of a coordinate pair, or an AccordError naming the one missing."""
    if first is None or second is None:
        missing = names[0] if first is None else names[1]
        raise AccordError(
            f"Give both the {names[0]} and the {names[1]}: {missing} is missing", field=missing
        )
    return first, second


def _point(place: Place) -> tuple[float, float, str, str]:
    """(longitude, latitude, how, field) of a point place, checked; a problem names its field."""
    if place.easting is not None or place.northing is not None:
        easting, northing = _pair(place.easting, place.northing, ("easting", "northing"))
        problem = grid_problem(easting, northing)
        if problem is not None:
            field = "northing" if problem.startswith("northing") else "easting"
            raise AccordError(f"The grid reference's {problem}", field=field)
        lon, lat = grid_point_to_wgs84(easting, northing)
        return lon, lat, "grid point", "easting"
    latitude, longitude = _pair(place.latitude, place.longitude, ("latitude", "longitude"))
    problem = degrees_problem(longitude, latitude)
    if problem is not None:
        field = "longitude" if "longitude" in problem else "latitude"
        raise AccordError(f"The point {problem}", field=field)
    return longitude, latitude, "point", "latitude"


def _areas(council: Council, refs: list[AreaRef]) -> tuple[Area, ...]:
    """Each area of `refs` once, in name order, as fresh instances."""
    if len(refs) == 1:
        return (refs[0].as_area(council),)
    unique = {ref.id: ref for ref in refs}
    return tuple(ref.as_area(council) for ref in sorted(unique.values(), key=lambda r: r.name))


def _postcode_areas(council: Council, place: Place, cites: tuple[Citation, ...]) -> PlaceAreas:
    held = (
        AreaPostcode.objects.filter(council=council, postcode=postcode_normalise(place.postcode))
        .select_related("area")
        .first()
    )
    if held is None:
        raise _refused(
            f"{council.name} has no postcode {place.postcode.strip().upper()[:20]} in its "
            "postcode data: check it, or choose the areas directly",
            field="postcode",
            citations=cites,
        )
    refs = [AreaRef(id=held.area.pk, name=held.area.name, code=held.area.code)]
    if held.longitude is not None and held.latitude is not None:
        index = boundary_index(council)
        if index.areas:
            point = shapely.Point(held.longitude, held.latitude)
            refs += index.touching(point, tolerance=TOLERANCE_DEGREES)
    return PlaceAreas(areas=_areas(council, refs), how="postcode", citations=cites)


def areas_for_place(council: Council, place: Place) -> PlaceAreas:
    """The council's areas that `place` lies in or touches, in name order (D 5.3, N 21).

    A point touches the areas whose boundary covers it within TOLERANCE_DEGREES (on a boundary line:
    both); a drawn area touches every area it intersects. Raises AccordError naming the field
    (`postcode`, `latitude`, `longitude`, `easting`, `northing`, `polygon`) for a malformed place, a place
    given more than one way, a postcode the council does not hold, a point or a drawn area when the
    council has no boundaries, or a place outside every area of the council.
    """
    cites = place_citations(council)
    ways = _ways(place)
    if not ways:
        raise _refused(
            "Give a place: a postcode, a point, a grid reference or a drawn area",
            field="postcode",
            citations=cites,
        )
    if len(ways) > 1:
        raise _refused(
            f"Give the place one way only, not {' and '.join(ways)}", field=ways[1], citations=cites
        )
    if ways == ["postcode"]:
        return _postcode_areas(council, place, cites)
    index = boundary_index(council)
    if not index.areas:
        raise _refused(
            f"{council.name} has no area boundaries yet, so a place can only be given as a "
            "postcode: choose the areas directly",
            field=ways[0],
            citations=cites,
        )
    if place.polygon is not None:
        shape = drawn_area(place.polygon, field="polygon")
        refs = index.touching(shape)
        how, field, what = "drawn area", "polygon", "The drawn area"
    else:
        lon, lat, how, field = _point(place)
        refs = index.touching(shapely.Point(lon, lat), tolerance=TOLERANCE_DEGREES)
        what = "The grid reference" if how == "grid point" else "The point"
    if not refs:
        raise _refused(
            f"{what} is outside every {council.area_noun} of {council.name}: check it, or choose "
            "the areas directly",
            field=field,
            citations=cites,
        )
    return PlaceAreas(areas=_areas(council, refs), how=how, citations=cites)
