"""Place-to-area lookup at a national scale: 8,000 area polygons, through the service and bare shapely.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/accord_bench .venv/bin/accord migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/accord_bench .venv/bin/python bench/places.py

Makes (once; a later run reuses it) the council `bench-places` with 8,000 areas whose boundaries are the
Voronoi cells of a jittered grid over a Britain-sized outline, each edge cut into pieces of at most
250 m so a cell has about a hundred vertices, like the ONS's generalised ward boundaries. Then, in the
same run and on the same points:

- **bare**: shapely's `STRtree.query(point, predicate="intersects")` over the same 8,000 polygons, read
  from the database as they are stored (WKB), no Accord code;
- **service**: `areas_for_place(council, Place(latitude=..., longitude=...))`, the council read once as
  a request would have it, the in-process index warm;
- the service with the council read from the database first (what one API request adds);
- a drawn area of 50 vertices (a wobbly circle about 3 km across) through the service;
- the index's first build (cold) for the council.

Targets (not a timed test): a point ≤ 5 ms median and within 3x the bare query; a 50-vertex drawn area
≤ 20 ms. Results go in bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django

django.setup()

import shapely  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from accord.councils.boundaries import (  # noqa: E402
    BoundaryIn,
    boundaries_replace,
    boundary_index,
    boundary_index_forget,
)
from accord.councils.geometry import TOLERANCE_DEGREES, grid_to_wgs84  # noqa: E402
from accord.councils.models import Area, AreaBoundary, Council  # noqa: E402
from accord.councils.places import Place, areas_for_place  # noqa: E402
from accord.demo.boundaries import Outline, outline_shape, tessellation  # noqa: E402

SLUG = "bench-places"
NATIONAL = Outline(easting=400_000, northing=520_000, radius=260_000)


def national_set(count: int, seed: int) -> list[shapely.Geometry]:
    """`count` cells tiling a Britain-sized outline, in WGS84, edges cut to at most 250 m."""
    rng = random.Random(seed)
    cells = tessellation(outline_shape(NATIONAL, rng, corners=64), count, rng)
    return [grid_to_wgs84(shapely.segmentize(cell, 250.0)) for cell in cells]


def bench_council(count: int, seed: int) -> Council:
    """The bench council with `count` bounded areas, made once and reused."""
    council, _ = Council.objects.get_or_create(
        slug=SLUG, defaults={"name": "Bench Places", "nation": "england", "profile": "district"}
    )
    if AreaBoundary.objects.filter(council=council).count() == count:
        return council
    started = time.perf_counter()
    shapes = national_set(count, seed)
    with transaction.atomic():
        Area.objects.filter(council=council).delete()
        areas = Area.objects.bulk_create(
            Area(council=council, name=f"Area {i:05d}", code=f"E05{i:06d}") for i in range(count)
        )
        boundaries_replace(
            council=council,
            boundaries=[BoundaryIn(a, s) for a, s in zip(areas, shapes, strict=True)],
            by="bench",
        )
    print(f"made {count} areas in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return Council.objects.get(pk=council.pk)


def median_ms(call: Callable[[int], object], repeat: int) -> float:
    times = []
    for i in range(repeat):
        started = time.perf_counter()
        call(i)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def interleaved(calls: list[Callable[[int], object]], repeat: int) -> list[float]:
    """The median milliseconds of each call, timed in turn within each of `repeat` rounds."""
    times: list[list[float]] = [[] for _ in calls]
    for i in range(repeat):
        for call, kept in zip(calls, times, strict=True):
            started = time.perf_counter()
            call(i)
            kept.append((time.perf_counter() - started) * 1000)
    return [statistics.median(kept) for kept in times]


def drawn_area(centre: shapely.Point, rng: random.Random, vertices: int = 50) -> dict[str, object]:
    """A GeoJSON Polygon of `vertices` distinct corners (51 positions with the closing one)."""
    ring = []
    for i in range(vertices):
        angle = 2 * math.pi * i / vertices
        r = 0.02 * rng.uniform(0.8, 1.2)
        ring.append([centre.x + r * math.cos(angle) * 1.6, centre.y + r * math.sin(angle)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--areas", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    council = bench_council(args.areas, args.seed)
    rows = AreaBoundary.objects.filter(council=council).values_list("geometry", flat=True)
    shapes = shapely.from_wkb([bytes(g) for g in rows])
    vertices = shapely.get_num_coordinates(shapes)
    rng = random.Random(args.seed)
    points = [shapely.Point(*shapely.get_coordinates(s.representative_point())[0]) for s in shapes]
    rng.shuffle(points)
    points = points[: args.repeat]
    # Half the points moved a little, so they are not all at a shape's own representative point.
    points = [
        p
        if i % 2
        else shapely.Point(p.x + rng.uniform(-1e-3, 1e-3), p.y + rng.uniform(-1e-3, 1e-3))
        for i, p in enumerate(points)
    ]

    boundary_index_forget(council)
    started = time.perf_counter()
    boundary_index(council)
    cold_ms = (time.perf_counter() - started) * 1000

    bare_tree = shapely.STRtree(shapes)
    n = len(points)
    coords = [(p.x, p.y) for p in points]
    # Interleaved, one of each per round, so a busy machine slows all of them alike.
    bare, bare_dwithin, bare_from_coordinates, service = interleaved(
        [
            lambda i: bare_tree.query(points[i % n], predicate="intersects"),
            lambda i: bare_tree.query(
                points[i % n], predicate="dwithin", distance=TOLERANCE_DEGREES
            ),
            lambda i: bare_tree.query(shapely.Point(*coords[i % n]), predicate="intersects"),
            lambda i: areas_for_place(
                council, Place(latitude=coords[i % n][1], longitude=coords[i % n][0])
            ),
        ],
        args.repeat,
    )
    with_request = median_ms(
        lambda i: areas_for_place(
            Council.objects.get(pk=council.pk),
            Place(latitude=points[i % n].y, longitude=points[i % n].x),
        ),
        args.repeat,
    )
    drawn = [drawn_area(points[i % n], rng) for i in range(200)]
    polygon = median_ms(lambda i: areas_for_place(council, Place(polygon=drawn[i])), len(drawn))
    touched = statistics.median(
        len(areas_for_place(council, Place(polygon=d)).areas) for d in drawn[:50]
    )

    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{connection.vendor}, shapely {shapely.__version__}"
    )
    print(
        f"areas: {len(shapes)}, vertices per polygon: median {statistics.median(vertices):.0f}, "
        f"max {max(vertices)}"
    )
    print(f"index first build (cold): {cold_ms:.0f} ms")
    print(
        f"point, bare STRtree.query + intersects, point made beforehand: {bare * 1000:.1f} us median"
    )
    print(
        f"point, bare STRtree.query + dwithin (the service's tolerance): {bare_dwithin * 1000:.1f} us"
    )
    print(
        f"point, bare Point(lon, lat) + STRtree.query + intersects: {bare_from_coordinates * 1000:.1f} us"
    )
    print(
        f"point, areas_for_place: {service * 1000:.1f} us median ({service / bare:.2f}x bare, "
        f"{service / bare_dwithin:.2f}x bare dwithin, {service / bare_from_coordinates:.2f}x bare "
        "from coordinates)"
    )
    print(
        f"point, council read + areas_for_place: {with_request * 1000:.1f} us median "
        f"({with_request / bare:.2f}x bare)"
    )
    print(
        f"drawn area, 50 vertices, areas_for_place: {polygon:.2f} ms median "
        f"({touched:.0f} areas touched, median)"
    )


if __name__ == "__main__":
    main()
