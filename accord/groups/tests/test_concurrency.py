"""Races on PostgreSQL with real threads: each step is taken once (D 7.4(a), N 19(d), D 7.4(b)(v))."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.http import Http404

from accord.core.errors import AccordError
from accord.groups.models import GroupMeeting, GroupMeetingEvent, ParityOffer
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import make_scene

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


def at_once(calls: list[Callable[[], Any]]) -> list[str]:
    barrier = threading.Barrier(len(calls))
    results: list[str] = []
    lock = threading.Lock()

    def run(call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            call()
            outcome = "ok"
        except (AccordError, Http404) as error:
            outcome = getattr(error, "message", str(error))
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.mark.cites("D 7.4(a)")
def test_approve_and_refuse_at_once_decide_once() -> None:
    scene = make_scene("district", "racetown")
    meeting = scene.request()
    chief = scene.actor("chief")
    calls: list[Callable[[], Any]] = [
        lambda: ms.meeting_approve(actor=chief, meeting=meeting),
        lambda: ms.meeting_refuse(actor=chief, meeting=meeting, reason="No."),
    ] * 3
    results = at_once(calls)
    assert results.count("ok") == 1
    assert GroupMeetingEvent.objects.filter(meeting=meeting).exclude(kind="requested").count() == 1


@pytest.mark.cites("D 7.4(b)(v)")
def test_advice_recorded_twice_at_once_offers_once() -> None:
    scene = make_scene("district", "racecity")
    meeting = scene.request()
    ms.meeting_approve(actor=scene.actor("chief"), meeting=meeting)
    chief = scene.actor("chief")
    results = at_once(
        [lambda: ms.meeting_advice_record(actor=chief, meeting=meeting, advice="A.")] * 4
    )
    assert results.count("ok") == 1
    assert ParityOffer.objects.count() == 1


@pytest.mark.cites("N 19(d)")
def test_accepting_one_and_declining_the_other_at_once_never_breaks_n19d() -> None:
    """Whichever answer comes first, a decline never follows an acceptance on the same subject."""
    scene = make_scene("norfolk", "raceshire")
    chief = scene.actor("chief")
    for round_ in range(3):
        subject = f"Flood defences {round_}"
        red = scene.request(subject=subject)
        blue = scene.request(who="blue_leader", subject=subject)
        at_once(
            [
                lambda red=red: ms.meeting_accept(actor=chief, meeting=red),
                lambda blue=blue: ms.meeting_decline(actor=chief, meeting=blue, reason="Busy."),
            ]
        )
        accepted = GroupMeetingEvent.objects.filter(meeting=red, kind="accept").first()
        declined = GroupMeetingEvent.objects.filter(meeting=blue, kind="decline").first()
        assert accepted is not None
        if declined is not None:
            assert (declined.seq or 0) < (accepted.seq or 0), "declined after accepting (N 19(d))"
        else:
            assert GroupMeeting.objects.get(pk=blue.pk).state == GroupMeeting.State.REQUESTED
