"""Races on a matter, with real threads on PostgreSQL: each service locks the matter's row and re-checks
its state, so parallel requests are applied one after another (D 5.2-5.4)."""

from __future__ import annotations

import pytest
from django.db import connection

from accord.enquiries.tests.test_concurrency import at_once
from accord.matters import services
from accord.matters.models import Matter, MatterEvent, Receipt

from .factories import make_scene

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.mark.cites("D 5.3")
def test_the_same_ward_added_at_once_informs_its_members_once() -> None:
    scene = make_scene()
    matter = scene.record()
    results = at_once(
        4,
        lambda i: services.matter_areas_add(
            actor=scene.actor("officer"), matter=matter, areas=[scene.south]
        ),
    )
    assert results.count("ok") == 1
    assert Receipt.objects.filter(matter=matter, member=scene.cat).count() == 1
    assert MatterEvent.objects.filter(matter=matter, kind="area-added").count() == 1


@pytest.mark.cites("D 5.3")
def test_updates_at_once_each_get_their_own_round() -> None:
    scene = make_scene()
    matter = scene.record()
    results = at_once(
        4,
        lambda i: services.matter_update(
            actor=scene.actor("officer"),
            matter=matter,
            title=f"Draft {i}",
            summary="Changed",
            starts_on=None,
        ),
    )
    assert results == ["ok"] * 4
    assert Matter.objects.get(pk=matter.pk).round == 5
    rounds = list(
        Receipt.objects.filter(matter=matter, member=scene.ann)
        .order_by("round")
        .values_list("round", flat=True)
    )
    assert rounds == [1, 2, 3, 4, 5]


@pytest.mark.cites("D 5.4")
def test_a_consultation_started_at_once_starts_once() -> None:
    scene = make_scene()
    matter = scene.record(kind="consultation")
    results = at_once(
        4,
        lambda i: services.matter_consultation_start(actor=scene.actor("officer"), matter=matter),
    )
    assert results.count("ok") == 1
    assert MatterEvent.objects.filter(matter=matter, kind="consultation-started").count() == 1


def test_matters_recorded_at_once_get_distinct_references() -> None:
    scene = make_scene()
    at_once(5, lambda i: scene.record(title=f"Matter {i}"))
    references = list(Matter.objects.values_list("reference", flat=True))
    assert len(references) == 5 and len(set(references)) == 5


def test_the_database_refuses_to_change_or_delete_the_record() -> None:
    from django.db import DatabaseError, transaction

    scene = make_scene()
    matter = scene.record()
    for attempt in (
        lambda: MatterEvent.objects.filter(matter=matter).update(description="edited"),
        lambda: MatterEvent.objects.filter(matter=matter).delete(),
        lambda: Receipt.objects.filter(matter=matter).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    assert MatterEvent.objects.filter(matter=matter).count() == 2
