"""Boundary imports at once (PostgreSQL, real threads): they take turns on the council's row, so the
stored boundaries are all from one import, never a mix, and every process's index follows the last."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shapely
from django.db import connection

from accord.councils.boundaries import BoundaryIn, boundaries_replace, boundary_index
from accord.councils.models import Area, AreaBoundary, Council
from accord.councils.places import Place, areas_for_place

from . import factories

f: Any = factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
AREAS = 40
WRITERS = 6


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


def _strip(index: int, writer: int) -> shapely.Polygon:
    """Area `index`'s strip of the writer's own tiling (each writer's strips are shifted)."""
    x = index * 0.01 + writer * 0.001
    return shapely.box(x, 52.0, x + 0.01, 52.1)


@pytest.mark.cites("D 5.3")
def test_imports_at_once_leave_one_whole_import_and_the_index_follows_it() -> None:
    council = f.CouncilFactory()
    areas = [f.AreaFactory(council=council, name=f"Ward {i:02d}") for i in range(AREAS)]
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            mine = Council.objects.get(pk=council.pk)
            rows = [BoundaryIn(a, _strip(i, writer)) for i, a in enumerate(areas)]
            barrier.wait()
            boundaries_replace(council=mine, boundaries=rows, by=f"writer {writer}")
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    writers = set(
        AreaBoundary.objects.filter(council=council).values_list("imported_by", flat=True)
    )
    assert len(writers) == 1, writers
    winner = int(writers.pop().split()[-1])
    assert AreaBoundary.objects.filter(council=council).count() == AREAS
    fresh = Council.objects.get(pk=council.pk)
    index = boundary_index(fresh)
    assert index.version == fresh.boundaries_version
    first = Area.objects.get(council=council, name="Ward 00")
    inside = _strip(0, winner).representative_point()
    found = areas_for_place(fresh, Place(latitude=inside.y, longitude=inside.x))
    assert first.pk in [a.pk for a in found.areas]
