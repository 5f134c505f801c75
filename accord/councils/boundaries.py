"""The council's area boundaries: written all at once, read through an in-process index (D 5.3, N 21).

Each process keeps, per council, an STRtree of the boundaries with the areas' ids, names and codes,
built from the council's `boundaries_version` (a UUID). The writer (`boundaries_replace`) gives the
council a new version in its transaction, under the council row's lock. A lookup compares the version of
the council it was given (read by the request) with the index's: equal, the index answers without a
query; different, one query reads the stored version and the index is rebuilt if that differs too. So
every process follows a new import from its next request, with no shared cache; and as every council's
version is its own UUID, an index is never used for another council. See the ADR on area boundaries.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import shapely
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.base import ModelState
from shapely.geometry.base import BaseGeometry

from accord.core import clock

from .models import Area, AreaBoundary, Council


@dataclass(frozen=True)
class AreaRef:
    """An area as the index holds it: enough to answer without reading the database."""

    id: int
    name: str
    code: str

    def as_area(self, council: Council) -> Area:
        """A fresh Area instance of this row (as the database would give it), so callers never share
        one. Made as `Model.from_db` makes instances but without `__init__`'s work per field: a lookup
        returns it on the hot path (bench/places.py)."""
        area = Area.__new__(Area)
        area.__dict__.update(id=self.id, council_id=council.pk, name=self.name, code=self.code)
        state = ModelState()
        state.adding = False
        state.db = council._state.db or DEFAULT_DB_ALIAS
        state.fields_cache["council"] = council
        area._state = state
        return area


@dataclass
class BoundaryIndex:
    """One council's boundaries: `shapes[i]` is the boundary of `areas[i]`, indexed by `tree`."""

    version: uuid.UUID
    areas: tuple[AreaRef, ...]
    shapes: np.ndarray
    tree: shapely.STRtree

    def touching(self, shape: BaseGeometry, *, tolerance: float = 0.0) -> list[AreaRef]:
        """The areas whose boundary `shape` intersects (or comes within `tolerance` degrees of)."""
        if tolerance:
            hits = self.tree.query(shape, predicate="dwithin", distance=tolerance)
        else:
            hits = self.tree.query(shape, predicate="intersects")
        return [self.areas[i] for i in hits.tolist()]


_lock = threading.Lock()
_indexes: dict[int, BoundaryIndex] = {}


def _version(council_id: int) -> uuid.UUID | None:
    return (
        Council.objects.filter(pk=council_id).values_list("boundaries_version", flat=True).first()
    )


def _build(council_id: int, version: uuid.UUID | None) -> BoundaryIndex:
    rows = list(
        AreaBoundary.objects.filter(council_id=council_id)
        .order_by("area__name")
        .values_list("area_id", "area__name", "area__code", "geometry")
    )
    shapes = shapely.from_wkb([bytes(row[3]) for row in rows]) if rows else np.array([])
    shapely.prepare(shapes)
    return BoundaryIndex(
        version=version or uuid.uuid4(),
        areas=tuple(AreaRef(id=r[0], name=r[1], code=r[2]) for r in rows),
        shapes=shapes,
        tree=shapely.STRtree(shapes),
    )


def boundary_index(council: Council) -> BoundaryIndex:
    """This process's index of the council's boundaries, rebuilt if they changed (see the module)."""
    index = _indexes.get(council.pk)
    if index is not None and index.version == council.boundaries_version:
        return index
    version = _version(council.pk)
    if version is not None:
        council.boundaries_version = version
    if index is not None and index.version == version:
        return index
    with _lock:
        index = _build(council.pk, version)
        _indexes[council.pk] = index
    return index


def boundary_index_forget(council: Council) -> None:
    """Drops this process's index of the council (the next lookup reads the boundaries again)."""
    with _lock:
        _indexes.pop(council.pk, None)


def council_has_boundaries(council: Council) -> bool:
    """True when at least one of the council's areas has a boundary."""
    return bool(boundary_index(council).areas)


@dataclass(frozen=True)
class BoundaryIn:
    """One area's new boundary: a Polygon or MultiPolygon in WGS84, and what the source called it."""

    area: Area
    shape: BaseGeometry
    source_code: str = ""
    source_name: str = ""


def boundaries_replace(*, council: Council, boundaries: Iterable[BoundaryIn], by: str) -> int:
    """Gives each area its boundary, replacing the one it had; areas not given keep theirs. One
    transaction, under the council row's lock, which also gives the council a new `boundaries_version`,
    so every process rebuilds its index. Returns the number written."""
    now = clock.now()
    version = uuid.uuid4()
    with transaction.atomic():
        Council.objects.select_for_update().filter(pk=council.pk).update(boundaries_version=version)
        rows = [
            AreaBoundary(
                council=council,
                area=b.area,
                geometry=shapely.to_wkb(b.shape),
                source_code=b.source_code,
                source_name=b.source_name,
                imported_at=now,
                imported_by=by,
            )
            for b in boundaries
        ]
        AreaBoundary.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["area"],
            update_fields=["geometry", "source_code", "source_name", "imported_at", "imported_by"],
        )
        council.boundaries_version = version
        boundary_index_forget(council)
        transaction.on_commit(lambda: boundary_index_forget(council))
    return len(rows)
