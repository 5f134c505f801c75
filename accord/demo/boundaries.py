"""Synthetic boundaries for the demo councils, so the map and the place lookup work on first start.

A plausible tessellation, not real geography: an irregular council outline on the British National Grid,
seed points spread over it, and their Voronoi cells (`shapely.voronoi_polygons`) clipped to the outline,
one cell per ward or division, transformed to WGS84. Each demo postcode is given a point well inside its
own area, so a postcode finds one area; a point on a shared edge finds both (D 5.3, N 21).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from accord.councils.boundaries import BoundaryIn, boundaries_replace
from accord.councils.geometry import grid_to_wgs84
from accord.councils.models import Area, AreaPostcode, Council

from .specs import CouncilSpec


@dataclass(frozen=True)
class Outline:
    """Where a demo council lies: its centre on the grid (metres) and its rough radius."""

    easting: float
    northing: float
    radius: float


# Invented places in England, far from each other: Ashcombe a district, Westshire a county.
OUTLINES = {
    "ashcombe": Outline(452_000, 262_000, 9_000),
    "westshire": Outline(382_000, 196_000, 30_000),
}
SEED = 5


def outline_shape(outline: Outline, rng: random.Random, corners: int = 24) -> BaseGeometry:
    """An irregular, star-shaped outline (valid by construction): a circle whose radius wanders."""
    points = []
    for i in range(corners):
        angle = 2 * math.pi * i / corners
        r = outline.radius * rng.uniform(0.8, 1.15)
        points.append(
            (outline.easting + r * math.cos(angle), outline.northing + r * math.sin(angle))
        )
    return shapely.Polygon(points)


def tessellation(shape: BaseGeometry, count: int, rng: random.Random) -> list[BaseGeometry]:
    """`count` cells covering `shape` without gaps or overlaps: the Voronoi cells of points spread over
    it (a jittered grid, so cells are of similar size), in the points' order, clipped to `shape`."""
    minx, miny, maxx, maxy = shape.bounds
    side = math.ceil(math.sqrt(count * 1.6))
    seeds: list[shapely.Point] = []
    while len(seeds) < count:
        step_x, step_y = (maxx - minx) / side, (maxy - miny) / side
        jittered = (
            shapely.Point(
                minx + (col + rng.uniform(0.2, 0.8)) * step_x,
                miny + (row + rng.uniform(0.2, 0.8)) * step_y,
            )
            for row in range(side)
            for col in range(side)
        )
        seeds = [p for p in jittered if shape.contains(p)]
        side += 1
    seeds = rng.sample(seeds, count)
    seeds.sort(key=lambda p: (-round(p.y, -3), p.x))  # north to south, then west to east
    cells = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=shape, ordered=True)
    return [cell.intersection(shape) for cell in cells.geoms]


def points_inside(cell: BaseGeometry, count: int, rng: random.Random) -> list[shapely.Point]:
    """`count` points well inside `cell` (at least 50 m from its edge where it is wide enough)."""
    inner = cell.buffer(-50)
    target = inner if not inner.is_empty and inner.area > 0 else cell
    minx, miny, maxx, maxy = target.bounds
    found: list[shapely.Point] = []
    for _ in range(count * 200):
        point = shapely.Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if target.contains(point):
            found.append(point)
            if len(found) == count:
                return found
    return found + [target.representative_point()] * (count - len(found))


def demo_boundaries_load(*, spec: CouncilSpec, council: Council) -> None:
    """Gives each of the demo council's areas a synthetic boundary (spec order) and each of its demo
    postcodes a point inside its area. A council already given boundaries is left as it is."""
    outline = OUTLINES.get(spec.slug)
    if outline is None or council.boundaries.exists():
        return
    rng = random.Random(f"{SEED}:{spec.slug}")
    by_name = {a.name: a for a in Area.objects.filter(council=council)}
    areas = [by_name[name] for name in dict.fromkeys(n for n, _ in spec.areas) if name in by_name]
    if not areas:
        return
    cells = tessellation(outline_shape(outline, rng), len(areas), rng)
    boundaries_replace(
        council=council,
        boundaries=[
            BoundaryIn(area, grid_to_wgs84(cell), source_name=area.name)
            for area, cell in zip(areas, cells, strict=True)
        ],
        by="Accord demo data",
    )
    cell_of = {area.pk: cell for area, cell in zip(areas, cells, strict=True)}
    postcodes = list(AreaPostcode.objects.filter(council=council).order_by("postcode"))
    for area_id, cell in cell_of.items():
        held = [p for p in postcodes if p.area_id == area_id]
        for postcode, point in zip(held, points_inside(cell, len(held), rng), strict=True):
            lon, lat = grid_to_wgs84(point).coords[0]
            postcode.latitude, postcode.longitude = round(lat, 6), round(lon, 6)
    AreaPostcode.objects.bulk_update(postcodes, ["latitude", "longitude"])
