"""Rulings and questions under concurrent writers, on PostgreSQL with real threads."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import DatabaseError, connection, transaction

from accord.concerns.tests.factories import make_scene
from accord.enquiries.tests.threads import DONE, at_once
from accord.rulings import services
from accord.rulings.models import Question, Ruling

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.mark.cites("D 12")
def test_one_ruling_is_superseded_once_however_many_try_at_once() -> None:
    scene = make_scene()
    first = services.ruling_record(
        actor=scene.actor("monitoring"), paragraph="6.3", interpretation="First."
    )
    calls: list[Callable[[], object]] = [
        (
            lambda n=n: services.ruling_record(
                actor=scene.actor("monitoring"),
                paragraph="6.3",
                interpretation=f"Reading {n}.",
                supersedes=first,
            )
        )
        for n in range(4)
    ]
    results = at_once(calls)
    assert results.count(DONE) == 1
    assert Ruling.objects.filter(supersedes=first).count() == 1


@pytest.mark.cites("D 1.4")
def test_answering_and_passing_on_at_once_do_one_of_them() -> None:
    scene = make_scene()
    question = services.question_ask(actor=scene.actor("officer"), question="?")
    manager = scene.actor("manager")
    calls: list[Callable[[], object]] = [
        lambda: services.question_answer(actor=manager, question=question, answer="Yes."),
        lambda: services.question_refer(actor=manager, question=question),
    ] * 2
    assert at_once(calls).count(DONE) == 1
    question.refresh_from_db()
    assert (question.state == Question.State.ANSWERED) != (question.step == "head-of-service")


@pytest.mark.cites("D 12")
def test_the_database_refuses_to_change_or_delete_a_ruling() -> None:
    scene = make_scene()
    ruling = services.ruling_record(
        actor=scene.actor("monitoring"), paragraph="6.3", interpretation="As made."
    )
    with pytest.raises(DatabaseError, match="kept as made"), transaction.atomic():
        Ruling.objects.filter(pk=ruling.pk).update(interpretation="Rewritten.")
    with pytest.raises(DatabaseError, match="kept as made"), transaction.atomic():
        Ruling.objects.filter(pk=ruling.pk).delete()
