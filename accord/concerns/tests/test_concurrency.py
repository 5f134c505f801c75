"""Concerns under concurrent writers, on PostgreSQL with real threads: every transition locks the concern,
re-checks its state and chains its history without forking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection

from accord.concerns import services
from accord.concerns.models import Concern, ConcernChainHead, ConcernEvent, InformalMeeting
from accord.core import clock
from accord.enquiries.tests.threads import DONE, at_once

from .factories import make_scene

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.mark.cites("D 11.3")
def test_two_arrangements_of_the_same_meeting_at_once_make_one_meeting() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    starts = clock.now() + dt.timedelta(days=5)

    def arrange() -> object:
        return services.concern_meeting_arrange(
            actor=scene.actor("monitoring"),
            concern=Concern.objects.get(pk=concern.pk),
            starts_at=starts,
            minutes=60,
            place="Room 1",
        )

    results = at_once([arrange, arrange, arrange])
    # The first arranges it; the others, read before it committed, are refused under the lock.
    assert results.count(DONE) == 1
    assert InformalMeeting.objects.count() == 1
    assert ConcernEvent.objects.filter(kind="meeting-arranged").count() == 1


@pytest.mark.cites("D 11.3", "D 11.4")
def test_closing_one_concern_two_ways_at_once_ends_it_once() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "officer")
    calls: list[Callable[[], object]] = [
        lambda: services.concern_close(
            actor=scene.actor("head"), concern=concern, action="resolve", note="Agreed."
        ),
        lambda: services.concern_close(
            actor=scene.actor("member"), concern=concern, action="withdraw", note=""
        ),
    ] * 2
    results = at_once(calls)
    assert results.count(DONE) == 1
    concern.refresh_from_db()
    assert concern.state in (Concern.State.RESOLVED, Concern.State.WITHDRAWN)
    assert concern.events.exclude(kind="raised").count() == 1


@pytest.mark.cites("D 11.4")
def test_concerns_raised_at_once_chain_their_history_without_a_fork() -> None:
    scene = make_scene()
    calls: list[Callable[[], object]] = [
        (lambda who=who: scene.raise_(who, "officer"))
        for who in ("member", "other", "leader", "chair")
    ]
    assert at_once(calls) == [DONE] * 4
    seqs = sorted(s or 0 for s in ConcernEvent.objects.values_list("seq", flat=True))
    assert seqs == [1, 2, 3, 4]
    assert ConcernChainHead.objects.get(council=scene.council).seq == 4


@pytest.mark.cites("D 11.4")
def test_the_database_refuses_to_change_or_delete_history() -> None:
    from django.db import DatabaseError, transaction

    scene = make_scene()
    concern = scene.raise_("member", "officer")
    event = concern.events.get()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ConcernEvent.objects.filter(pk=event.pk).update(description="nothing happened")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ConcernEvent.objects.filter(pk=event.pk).delete()
