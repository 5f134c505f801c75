"""The council's areas drawn as an accessible SVG from their boundaries: no tile server, no script.

The map is projected to the British National Grid (pyproj) so shapes keep their proportions, simplified
(shapely) to about a pixel, and scaled to a 1000-unit-wide viewBox. It is one image (`role="img"`) whose
`<title>` and `<desc>` say how many areas are marked and which; each area is a `<path>` with its own
`<title>`. A marked area is hatched and drawn with a thicker outline, so it is never told by colour
alone, and the page always shows the same information as a list beside it (`_area_map.html`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import shapely
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from shapely.geometry.base import BaseGeometry

from .boundaries import boundary_index
from .geometry import wgs84_to_grid
from .models import Area, Council

WIDTH = 1000.0
PAD = 10.0
# GOV.UK colours: outlines in text black, marked areas hatched in blue over a light fill. Both pass
# 3:1 against the page (WCAG 1.4.11), and marked areas also differ in their pattern and outline width.
INK = "#0b0c0c"
MARK = "#1d70b8"
PLAIN_FILL = "#f3f2f1"
MARKED_FILL = "#d2e2f1"


@dataclass(frozen=True)
class MapArea:
    """One area in the list beside the map."""

    id: int
    name: str
    code: str
    marked: bool
    label: str = ""


@dataclass(frozen=True)
class AreaMap:
    """The map and the same information as a list; `summary` is "2 of 12 wards marked: A, B"."""

    svg: SafeString
    title: str
    summary: str
    areas: tuple[MapArea, ...]
    marked_count: int

    @property
    def unmarked(self) -> list[str]:
        """The names of the areas not marked, in name order."""
        return [a.name for a in self.areas if not a.marked]


def _path(shape: BaseGeometry, x0: float, y1: float, scale: float) -> str:
    """SVG path data of a (Multi)Polygon: each ring moved to the viewBox, y pointing down."""
    parts = []
    for polygon in getattr(shape, "geoms", [shape]):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            points = [
                f"{(x - x0) * scale + PAD:.1f},{(y1 - y) * scale + PAD:.1f}"
                for x, y in ring.coords[:-1]
            ]
            if len(points) >= 3:
                parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def _noun(council: Council, count: int) -> str:
    return council.area_noun if count == 1 else f"{council.area_noun}s"


def area_map(
    council: Council,
    *,
    marked: Iterable[int] = (),
    labels: Mapping[int, str] | None = None,
    dom_id: str = "area-map",
) -> AreaMap | None:
    """The council's areas as an AreaMap, those whose ids are in `marked` hatched; `labels` adds words to
    an area's entry (by id), e.g. "affected". None when the council has no boundaries."""
    index = boundary_index(council)
    if not index.areas:
        return None
    marked_ids = set(marked)
    labels = labels or {}
    # The areas as they are now (a name changed since the boundaries were read shows its new name).
    current = {
        a[0]: a for a in Area.objects.filter(council=council).values_list("pk", "name", "code")
    }
    kept = [
        (ref, shape)
        for ref, shape in zip(index.areas, index.shapes, strict=True)
        if ref.id in current
    ]
    if not kept:
        return None
    projected = [wgs84_to_grid(shape) for _, shape in kept]
    x0, y0, x1, y1 = shapely.total_bounds(projected)
    span = max(x1 - x0, y1 - y0) or 1.0
    scale = (WIDTH - 2 * PAD) / span
    height = (y1 - y0) * scale + 2 * PAD
    width = (x1 - x0) * scale + 2 * PAD
    tolerance = 0.6 / scale
    items = tuple(
        sorted(
            (
                MapArea(ref.id, *current[ref.id][1:], ref.id in marked_ids, labels.get(ref.id, ""))
                for ref, _ in kept
            ),
            key=lambda a: a.name,
        )
    )
    by_id = {ref.id: shape for (ref, _), shape in zip(kept, projected, strict=True)}
    chosen = [a.name for a in items if a.marked]
    total = len(items)
    summary = f"{len(chosen)} of {total} {_noun(council, total)} marked" + (
        f": {', '.join(chosen)}" if chosen else ""
    )
    title = f"Map of the {council.area_noun}s of {council.name}"
    paths = []
    for item in items:
        shape = by_id[item.id]
        d = _path(shapely.simplify(shape, tolerance, preserve_topology=True), x0, y1, scale)
        style = (
            f'fill="url(#{dom_id}-hatch)" stroke="{INK}" stroke-width="3"'
            if item.marked
            else f'fill="{PLAIN_FILL}" stroke="{INK}" stroke-width="1"'
        )
        words = f"{item.name}{' (marked)' if item.marked else ''}"
        if item.label:
            words += f": {item.label}"
        paths.append(f'<path d="{d}" {style}><title>{escape(words)}</title></path>')
    # Marked areas are drawn last, so their thick outline is not hidden under a neighbour's.
    paths = [p for p, i in zip(paths, items, strict=True) if not i.marked] + [
        p for p, i in zip(paths, items, strict=True) if i.marked
    ]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="accord-area-map" role="img" width="100%" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" aria-labelledby="{dom_id}-title {dom_id}-desc" '
        f'focusable="false">'
        f'<title id="{dom_id}-title">{escape(title)}</title>'
        f'<desc id="{dom_id}-desc">{escape(summary)}.</desc>'
        f'<defs><pattern id="{dom_id}-hatch" patternUnits="userSpaceOnUse" width="8" height="8" '
        f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{MARKED_FILL}"/>'
        f'<line x1="0" y1="0" x2="0" y2="8" stroke="{MARK}" stroke-width="4"/></pattern></defs>'
        f"{''.join(paths)}</svg>"
    )
    return AreaMap(
        svg=mark_safe(svg),
        title=title,
        summary=summary,
        areas=items,
        marked_count=len(chosen),
    )


def area_map_svg(
    council: Council, marked: Iterable[int] = (), labels: Mapping[int, str] | None = None
) -> str:
    """The SVG markup alone (safe to put in a page); "" when the council has no boundaries."""
    drawn = area_map(council, marked=marked, labels=labels)
    return drawn.svg if drawn is not None else mark_safe("")
