"""Coordinates and shapes for area boundaries: WGS84 and the OS British National Grid, and a drawn area
given as GeoJSON, checked before it is used (D 5.3, N 21).

Everything is stored and compared in WGS84 longitude/latitude (EPSG:4326); grid coordinates (EPSG:27700,
metres) are transformed with pyproj. The geometry itself is shapely's: nothing here computes a shape by
hand.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from accord.core.errors import AccordError

WGS84 = "EPSG:4326"
BRITISH_NATIONAL_GRID = "EPSG:27700"
# The grid's own extent in metres (OS: the false origin is south-west of the Scilly Isles).
EASTING_RANGE = (0.0, 700_000.0)
NORTHING_RANGE = (0.0, 1_300_000.0)
# About a centimetre on the ground: a point this close to a boundary line is on it, and so touches both
# areas (the rounding of a transformed or typed coordinate never decides which side a point is on).
TOLERANCE_DEGREES = 1e-7
# A drawn area of more points than this is refused: a person draws tens, not thousands.
MAX_DRAWN_VERTICES = 1000


@cache
def _transformer(source: str, target: str) -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


def grid_to_wgs84(geometry: BaseGeometry) -> BaseGeometry:
    """`geometry` in British National Grid metres, as WGS84 longitude/latitude."""
    transformer = _transformer(BRITISH_NATIONAL_GRID, WGS84)
    return shapely.transform(geometry, lambda xy: _pairs(transformer.transform(xy[:, 0], xy[:, 1])))


def wgs84_to_grid(geometry: BaseGeometry) -> BaseGeometry:
    """`geometry` in WGS84 longitude/latitude, as British National Grid metres (for drawing maps)."""
    transformer = _transformer(WGS84, BRITISH_NATIONAL_GRID)
    return shapely.transform(geometry, lambda xy: _pairs(transformer.transform(xy[:, 0], xy[:, 1])))


def _pairs(xy: tuple[Any, Any]) -> Any:
    return np.column_stack(xy)


def grid_point_to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """(longitude, latitude) of a grid reference in metres."""
    lon, lat = _transformer(BRITISH_NATIONAL_GRID, WGS84).transform(easting, northing)
    return float(lon), float(lat)


def is_number(value: Any) -> bool:
    """A finite JSON number (not a boolean, NaN, infinity, or an integer too large for a float)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def degrees_problem(longitude: float, latitude: float) -> str | None:
    """Why (longitude, latitude) are not WGS84 degrees, or None."""
    if not (is_number(longitude) and is_number(latitude)):
        return "must be numbers"
    if not -90.0 <= latitude <= 90.0:
        return f"has latitude {latitude:g}, outside -90 to 90 degrees"
    if not -180.0 <= longitude <= 180.0:
        return f"has longitude {longitude:g}, outside -180 to 180 degrees"
    return None


def grid_problem(easting: float, northing: float) -> str | None:
    """Why (easting, northing) are not on the British National Grid, or None."""
    if not (is_number(easting) and is_number(northing)):
        return "must be numbers"
    if not EASTING_RANGE[0] <= easting <= EASTING_RANGE[1]:
        return f"easting {easting:,.0f} is outside the grid (0 to {EASTING_RANGE[1]:,.0f} metres)"
    if not NORTHING_RANGE[0] <= northing <= NORTHING_RANGE[1]:
        return (
            f"northing {northing:,.0f} is outside the grid (0 to {NORTHING_RANGE[1]:,.0f} metres)"
        )
    return None


def _ring_problem(ring: Any, where: str) -> tuple[str | None, int]:
    """Why one GeoJSON linear ring is malformed (None if it is not), and its number of positions."""
    if not isinstance(ring, list):
        return f"{where} must be a list of [longitude, latitude] positions", 0
    for index, position in enumerate(ring):
        if not (isinstance(position, list) and len(position) in (2, 3)):
            return f"{where}, position {index + 1} must be [longitude, latitude]", len(ring)
        problem = degrees_problem(position[0], position[1])
        if problem is not None:
            return f"{where}, position {index + 1} {problem}", len(ring)
    if len(ring) < 4:
        return (
            f"{where} has {len(ring)} positions; a ring needs at least 4 (three corners and the "
            "first again to close it)",
            len(ring),
        )
    if ring[0][:2] != ring[-1][:2]:
        return f"{where} is not closed: its last position must repeat its first", len(ring)
    return None, len(ring)


def drawn_area(value: Any, *, field: str = "polygon") -> BaseGeometry:
    """A drawn area from a GeoJSON Polygon geometry (a dict; WGS84 longitude/latitude positions; the
    outer ring first, holes after), checked: the type, every ring closed with at least 4 positions,
    coordinates in degree range, at most MAX_DRAWN_VERTICES positions, and a valid shape that does not
    cross itself (shapely's `is_valid`, explained). Raises AccordError naming `field`."""
    if not isinstance(value, dict):
        raise AccordError("Give the drawn area as a GeoJSON Polygon object", field=field)
    kind = value.get("type")
    if kind != "Polygon":
        shown = str(kind)[:30] if kind is not None else "no type"
        raise AccordError(f"The drawn area must be a GeoJSON Polygon, not {shown}", field=field)
    rings = value.get("coordinates")
    if not isinstance(rings, list) or not rings:
        raise AccordError(
            "The drawn area has no coordinates: give a list of rings of [longitude, latitude] "
            "positions",
            field=field,
        )
    total = 0
    for index, ring in enumerate(rings):
        where = "The outer ring" if index == 0 else f"Hole {index}"
        problem, count = _ring_problem(ring, where)
        total += count
        if total > MAX_DRAWN_VERTICES:
            raise AccordError(
                f"The drawn area has more than {MAX_DRAWN_VERTICES} positions: draw it more simply",
                field=field,
            )
        if problem is not None:
            raise AccordError(f"{problem}.", field=field)
    shape = shapely.Polygon(
        [p[:2] for p in rings[0]], holes=[[p[:2] for p in ring] for ring in rings[1:]]
    )
    if not shape.is_valid:
        raise AccordError(
            f"The drawn area is not a valid shape ({shapely.is_valid_reason(shape)}): its edges "
            "must not cross or touch each other",
            field=field,
        )
    if shape.is_empty or shape.area == 0:
        raise AccordError("The drawn area encloses nothing", field=field)
    return shape
