"""Two officers taking the same enquiry at the same moment: exactly one wins (PostgreSQL row locks)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accord.core.errors import AccordError
from accord.enquiries.models import Enquiry, ReferenceCounter
from accord.enquiries.services import enquiry_claim

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
