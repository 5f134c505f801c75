"""Races on PostgreSQL with real threads: each transition re-reads its row FOR UPDATE and re-checks its
state, so two answers to one permission link make one answer, and a confirmation racing a cancellation
leaves one of them, with the calendar SEQUENCE raised once per change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from accord.core import clock
from accord.enquiries.tests.threads import DONE, at_once
from accord.visits import appointments as svc
from accord.visits import services
from accord.visits.chain import chain_verify
from accord.visits.models import Appointment, Visit
from accord.visits.tests.conftest import make_scene

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.mark.cites("N 26")
def test_two_answers_from_one_link_at_once_make_one_answer() -> None:
    scene = make_scene()
    done = services.visit_request(
        actor=scene.actor("visitor"),
        premises=scene.premises(kind="school"),
        visit_on=clock.today() + dt.timedelta(days=5),
        purpose="duties",
        details="",
        safety_acknowledged=True,
    )
    calls = [
        lambda agree=agree: services.visit_permission_answer(token=done.token, agree=agree, note="")
        for agree in (True, False) * 3
    ]
    results = at_once(calls)  # type: ignore[arg-type]
    assert results.count(DONE) == 1
    visit = Visit.objects.get()
    assert visit.events.filter(kind__in=["agreed", "refused"]).count() == 1
    assert all(r.is_whole for r in chain_verify(scene.council))


@pytest.mark.cites("D 4.7")
def test_a_confirmation_racing_a_cancellation_leaves_one_and_counts_each_change_once() -> None:
    scene = make_scene()
    start = clock.now().replace(microsecond=0) + dt.timedelta(days=3)
    appointment = svc.appointment_book(
        actor=scene.actor("visitor"),
        officer=scene.users["officer"].officer,
        subject="Roads",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        mode="online",
        location="",
        meeting_link="https://meet.example.org/r",
        note="",
    )
    calls = [
        lambda: svc.appointment_confirm(
            actor=scene.actor("officer"), appointment=appointment, note=""
        ),
        lambda: svc.appointment_cancel(
            actor=scene.actor("visitor"), appointment=appointment, reason=""
        ),
    ] * 2
    results = at_once(calls)  # type: ignore[arg-type]
    appointment.refresh_from_db()
    changes = appointment.events.exclude(kind="booked").count()
    assert results.count(DONE) == changes
    if appointment.state == Appointment.State.CANCELLED:
        assert appointment.sequence == 1
    else:
        assert appointment.state == Appointment.State.CONFIRMED and appointment.sequence == 0
    assert all(r.is_whole for r in chain_verify(scene.council))
