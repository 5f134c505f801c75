"""Two officers taking the same enquiry at the same moment: exactly one wins (PostgreSQL row locks)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection

from accord.core.errors import AccordError
from accord.enquiries.models import Enquiry, HoldingReply, ReferenceCounter
from accord.enquiries.services import (
    enquiry_claim,
    enquiry_holding_reply_decide,
    enquiry_holding_reply_send,
)

from .conftest import make_scene


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_claiming_at_once_exactly_one_wins() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    scene = make_scene()
    enquiry = scene.submit()
    actors = [scene.actor("officer"), scene.actor("colleague")]
    barrier = threading.Barrier(2)
    results: list[str] = []
    lock = threading.Lock()

    def claim(index: int) -> None:
        try:
            barrier.wait()
            enquiry_claim(actor=actors[index], enquiry_id=enquiry.pk)
            outcome = "won"
        except AccordError as error:
            outcome = error.message
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("won") == 1
    loser = next(r for r in results if r != "won")
    winner = Enquiry.objects.get(pk=enquiry.pk).assigned_to
    assert winner is not None
    assert loser == f"Enquiry {enquiry.reference} is already assigned to {winner.name}."
    assert Enquiry.objects.get(pk=enquiry.pk).events.filter(kind="assigned").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_references_stay_unique_when_members_submit_at_once() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    scene = make_scene()
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            barrier.wait()
            scene.submit()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    refs = sorted(Enquiry.objects.values_list("reference", flat=True))
    assert len(set(refs)) == 4
    assert ReferenceCounter.objects.get().last == 4


@pytest.mark.postgres
@pytest.mark.cites("D 6.3")
@pytest.mark.django_db(transaction=True)
def test_a_new_timescale_accepted_and_declined_at_once_is_answered_once() -> None:
    """The Member accepts while democratic services decline for them: one answer stands (D 6.3)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    scene = make_scene()
    enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)
    enquiry_holding_reply_send(
        actor=scene.actor("officer"),
        enquiry=enquiry,
        reason="Waiting for a contractor.",
        new_due_date=enquiry.due_date + dt.timedelta(days=7),
    )
    calls = [(scene.actor("member"), True), (scene.actor("dem"), False)] * 3
    barrier = threading.Barrier(len(calls))
    results: list[str] = []
    lock = threading.Lock()

    def decide(index: int) -> None:
        actor, accept = calls[index]
        try:
            barrier.wait()
            enquiry_holding_reply_decide(actor=actor, enquiry=enquiry, accept=accept)
            outcome = "won"
        except AccordError:
            outcome = "refused"
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("won") == 1
    events = Enquiry.objects.get(pk=enquiry.pk).events
    assert events.filter(kind__in=["holding-reply-accepted", "holding-reply-declined"]).count() == 1
    assert HoldingReply.objects.get(enquiry=enquiry).decision in ("accepted", "declined")
