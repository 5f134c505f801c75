"""`{% area_map council marked %}`: the council's areas as a map with the same information as a list.

For any page about a place or a matter (D 5.3, N 21): `marked` is an iterable of area ids (or areas),
`labels` an optional {area id: words} added to each marked area's entry. Renders nothing when the
council has no boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import template

from accord.councils.maps import area_map as area_map_build
from accord.councils.models import Council

register = template.Library()


@register.inclusion_tag("councils/_area_map.html")
def area_map(
    council: Council,
    marked: Iterable[Any] = (),
    labels: Mapping[int, str] | None = None,
    dom_id: str = "area-map",
) -> dict[str, Any]:
    ids = {getattr(m, "pk", m) for m in marked or ()}
    return {
        "area_map": area_map_build(council, marked=ids, labels=labels, dom_id=dom_id),
        "council": council,
        "dom_id": dom_id,
    }
