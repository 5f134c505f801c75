"""Import the council's ward or division boundaries from GeoJSON, as the ONS publishes them: all or nothing.

The file is a FeatureCollection; each feature is one area, with a code property (`WD24CD`, `CED23CD`,
any `<XX><yy>CD`) and a name property (`WD24NM`, `CED23NM`), and a Polygon or MultiPolygon geometry in
WGS84 or the British National Grid (a `crs` member naming EPSG:27700, or coordinates beyond degree range).
Features are matched to the council's areas by code, else by name; the other properties (`LAD24CD`,
`BNG_E`, `Shape__Area`, ...) are ignored. Every feature is checked (geometry type, empty, invalid or
self-intersecting, unknown area, two features for one area) and every problem is reported in one run,
naming the feature's number and its code and name; nothing is saved unless there are none (D 5.3, N 21).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from accord.core.errors import AccordError

from ..boundaries import BoundaryIn, boundaries_replace
from ..geometry import EASTING_RANGE, NORTHING_RANGE, grid_to_wgs84, is_number
from ..models import Area, AreaBoundary, Council
from .names import name_key
from .problems import Problems

MAX_BYTES = 200 * 1024 * 1024
MAX_FEATURES = 20_000
# The ONS's code and name properties: a prefix naming the kind of area and a two-digit year.
_CODE = re.compile(r"^[A-Z]{2,5}\d{2}CD$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z]{2,5}\d{2}NM$", re.IGNORECASE)
# The kinds of area the council's own code property may have, by area noun: wards; county electoral
# divisions (and unitary authorities' electoral divisions); others (LAD, CTY, ...) are the parents.
_KINDS = {"ward": ("WD",), "division": ("CED", "ED", "UTE", "UTW", "WD")}


@dataclass(frozen=True)
class BoundaryFeature:
    """One feature of the file: its 1-based number, code and name (as given) and its WGS84 shape."""

    number: int
    code: str
    name: str
    shape: BaseGeometry

    @property
    def label(self) -> str:
        return feature_label(self.number, self.code, self.name)


def feature_label(number: int, code: str, name: str) -> str:
    """How a problem names a feature: "Feature 3 (E05000001 Abbey)"."""
    named = " ".join(part for part in (code, name) if part)
    return f"Feature {number}{f' ({named})' if named else ''}"


@dataclass
class BoundaryImportReport:
    added: int = 0
    replaced: int = 0
    without: list[str] | None = None
    grid: bool = False
    dry_run: bool = False

    def lines(self) -> list[str]:
        """The report as short lines for a terminal."""
        without = self.without or []
        shown = ", ".join(without[:10]) + (", ..." if len(without) > 10 else "")
        out = [
            f"Coordinates: {'British National Grid, transformed to WGS84' if self.grid else 'WGS84'}",
            f"Boundaries added: {self.added}",
            f"Boundaries replaced: {self.replaced}",
            f"Areas without a boundary: {len(without)}{': ' + shown if shown else ''}",
        ]
        if self.dry_run:
            out.append("Dry run: nothing was saved.")
        return out


Progress = Callable[[list[Any]], Iterable[Any]]


def _property(properties: dict[str, Any], pattern: re.Pattern[str], noun: str) -> str:
    """The value of the property matching `pattern`, the council's own kind of area first."""
    keys = [k for k in properties if isinstance(k, str) and pattern.match(k)]
    prefixes = _KINDS.get(noun, ())
    keys.sort(
        key=lambda k: next((i for i, p in enumerate(prefixes) if k.upper().startswith(p)), 99)
    )
    for key in keys:
        value = properties[key]
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def _is_grid(collection: dict[str, Any], features: list[Any]) -> bool:
    """True when the file is in British National Grid metres: its `crs` names EPSG:27700, or its first
    coordinates are beyond degree range."""
    crs = collection.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", ""))
        if "27700" in name:
            return True
        if "4326" in name or "CRS84" in name.upper():
            return False
        if name:
            raise AccordError(
                f"The file's coordinates are in {name[:80]}; give WGS84 (EPSG:4326) or the British "
                "National Grid (EPSG:27700)."
            )
    for feature in features:
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        position: Any = geometry.get("coordinates") if isinstance(geometry, dict) else None
        while isinstance(position, list) and position and isinstance(position[0], list):
            position = position[0]
        if isinstance(position, list) and len(position) >= 2 and all(map(is_number, position[:2])):
            return abs(position[0]) > 180 or abs(position[1]) > 90
    return False


def _shape(geometry: Any, where: str, problems: Problems, *, grid: bool) -> BaseGeometry | None:
    """The feature's shape in WGS84, or None with its problem noted."""
    if not isinstance(geometry, dict):
        problems.add(f"{where}: has no geometry.")
        return None
    kind = geometry.get("type")
    if kind not in ("Polygon", "MultiPolygon"):
        problems.add(
            f"{where}: the geometry is a {kind or 'thing without a type'}; a boundary must be a Polygon or MultiPolygon."
        )
        return None
    try:
        shape = shapely.geometry.shape(geometry)
    except (
        TypeError,
        ValueError,
        IndexError,
        KeyError,
        AttributeError,
        OverflowError,
        shapely.errors.ShapelyError,
    ) as exc:
        problems.add(f"{where}: the coordinates cannot be read as a {kind} ({str(exc)[:80]}).")
        return None
    if shape.is_empty:
        problems.add(f"{where}: the geometry is empty.")
        return None
    coordinates = shapely.get_coordinates(shape)
    if not coordinates.size or not bool(np.isfinite(coordinates).all()):
        problems.add(f"{where}: the coordinates are not all finite numbers.")
        return None
    if not shape.is_valid:
        problems.add(
            f"{where}: the {kind} is not valid ({shapely.is_valid_reason(shape)}): a boundary must "
            "not cross or touch itself."
        )
        return None
    if grid:
        xs, ys = coordinates[:, 0], coordinates[:, 1]
        outside = (xs < EASTING_RANGE[0]) | (xs > EASTING_RANGE[1])
        if outside.any() or ((ys < NORTHING_RANGE[0]) | (ys > NORTHING_RANGE[1])).any():
            problems.add(
                f"{where}: some coordinates are outside the British National Grid (eastings 0 to "
                f"{EASTING_RANGE[1]:,.0f}, northings 0 to {NORTHING_RANGE[1]:,.0f} metres): is the "
                "file in another coordinate system?"
            )
            return None
        shape = grid_to_wgs84(shape)
    else:
        xs, ys = coordinates[:, 0], coordinates[:, 1]
        if (abs(xs) > 180).any() or (abs(ys) > 90).any():
            problems.add(
                f"{where}: some coordinates are beyond degree range, but the others are in degrees."
            )
            return None
    return shape


def boundaries_file_parse(
    *, data: bytes, area_noun: str = "ward", problems: Problems | None = None
) -> tuple[list[BoundaryFeature], bool]:
    """Reads and checks the whole file: (the features, whether it was in grid metres). A file that cannot
    be read raises AccordError; each feature's problems are noted in `problems` (raised, all of them, at
    the end when no `problems` is passed)."""
    if not data.strip():
        raise AccordError("The file is empty: it has no boundaries to import.")
    if len(data) > MAX_BYTES:
        raise AccordError(
            f"The file is {len(data) // 1024} KB; the largest accepted is {MAX_BYTES // 1024} KB."
        )
    try:
        collection = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise AccordError("The file is not UTF-8 text: is it GeoJSON?") from exc
    except json.JSONDecodeError as exc:
        raise AccordError(f"The file is not valid JSON (line {exc.lineno}: {exc.msg}).") from exc
    except RecursionError as exc:
        raise AccordError("The file is not GeoJSON: its lists are nested too deeply.") from exc
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise AccordError("The file is not a GeoJSON FeatureCollection.")
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        raise AccordError("The FeatureCollection has no features.")
    if len(features) > MAX_FEATURES:
        raise AccordError(f"The file has more than {MAX_FEATURES} features.")
    found = Problems() if problems is None else problems
    grid = _is_grid(collection, features)
    out: list[BoundaryFeature] = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            found.add(f"Feature {number}: is not a GeoJSON Feature.")
            continue
        properties = feature.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        code = _property(properties, _CODE, area_noun)[:50]
        name = _property(properties, _NAME, area_noun)[:200]
        where = feature_label(number, code, name)
        if not code and not name:
            found.add(
                f"{where}: has no code property (like WD24CD) and no name property (like WD24NM)."
            )
        shape = _shape(feature.get("geometry"), where, found, grid=grid)
        if shape is not None and (code or name):
            out.append(BoundaryFeature(number, code, name, shape))
    if problems is None:
        found.raise_any()
    return out, grid


class _AreaMatcher:
    """The council's areas by code, else by name (ignoring case and spacing)."""

    def __init__(self, council: Council):
        self.council = council
        areas = list(Area.objects.filter(council=council))
        self.all = areas
        self.by_code = {a.code.casefold(): a for a in areas if a.code}
        self.by_name = {name_key(a.name): a for a in areas}

    def __call__(self, feature: BoundaryFeature) -> Area:
        area = self.by_code.get(feature.code.casefold()) if feature.code else None
        if area is None and feature.name:
            area = self.by_name.get(name_key(feature.name))
        if area is None:
            raise AccordError(
                f"{feature.label}: {self.council.name} has no {self.council.area_noun} coded "
                f"'{feature.code}' or named '{feature.name}'."
            )
        return area


def boundaries_import(
    *,
    council: Council,
    features: list[BoundaryFeature],
    by: str,
    grid: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    problems: Problems | None = None,
) -> BoundaryImportReport:
    """Gives each feature's area its boundary (replacing the one it had). Every feature is matched before
    anything is written, and the writing is one transaction (`boundaries_replace`): any problem (here, or
    in `problems` from reading the file) raises ImportProblems listing them all and nothing changes.
    `by` says who imported it."""
    problems = problems if problems is not None else Problems()
    report = BoundaryImportReport(grid=grid, dry_run=dry_run)
    matcher = _AreaMatcher(council)
    had = set(AreaBoundary.objects.filter(council=council).values_list("area_id", flat=True))
    chosen: dict[int, BoundaryFeature] = {}
    for feature in progress(features) if progress else features:
        area: Area | None = None
        with problems.collecting():
            area = matcher(feature)
        if area is None:
            continue
        if area.pk in chosen:
            problems.add(
                f"{feature.label}: {area.name} already has a boundary in this file "
                f"({chosen[area.pk].label})."
            )
            continue
        chosen[area.pk] = feature
    problems.raise_any()
    report.replaced = len(had & set(chosen))
    report.added = len(chosen) - report.replaced
    report.without = sorted(a.name for a in matcher.all if a.pk not in chosen and a.pk not in had)
    if dry_run:
        return report
    by_id = {a.pk: a for a in matcher.all}
    boundaries_replace(
        council=council,
        boundaries=[
            BoundaryIn(by_id[pk], f.shape, source_code=f.code, source_name=f.name)
            for pk, f in chosen.items()
        ],
        by=by,
    )
    return report


def boundaries_import_file(
    *,
    council: Council,
    data: bytes,
    by: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> BoundaryImportReport:
    """Parses then imports a GeoJSON file; every problem of the file is raised at once (ImportProblems)."""
    problems = Problems()
    features, grid = boundaries_file_parse(
        data=data, area_noun=council.area_noun, problems=problems
    )
    return boundaries_import(
        council=council,
        features=features,
        by=by,
        grid=grid,
        dry_run=dry_run,
        progress=progress,
        problems=problems,
    )
