"""On PostgreSQL: the database refuses to change or delete advice on record (D 4.4, N 9), and parallel
clients take each one-step transition once (row locks, real threads)."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from accord.core import clock
from accord.enquiries.tests.threads import DONE, at_once

from .. import services
from ..models import AgendaItem, DecisionRecord, OfficerAdvice, ProposalSignature
from .conftest import IN_TIME, Scene, make_scene

pytestmark = [pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.mark.django_db
@pytest.mark.cites("N 9", "D 4.4")
def test_the_database_refuses_to_change_or_delete_advice(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Independent advice.")
    advice = OfficerAdvice.objects.filter(decision=decision)
    for attempt in (lambda: advice.update(text="Suppressed."), lambda: advice.delete()):
        with pytest.raises(IntegrityError) as refused, transaction.atomic():
            attempt()
        assert "cannot be changed or deleted" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        decision.events.update(description="Nothing happened.")
    assert OfficerAdvice.objects.get(decision=decision).text == "Independent advice."


@pytest.mark.django_db
@pytest.mark.cites("D 2.9")
def test_the_database_keeps_signatures(scene: Scene) -> None:
    proposal = services.proposal_raise(
        actor=scene.actor("member"), meeting=scene.meeting, title="x", relevance="y"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalSignature.objects.filter(proposal=proposal).delete()


@pytest.mark.django_db(transaction=True)
@pytest.mark.cites("N 10")
def test_parallel_considerations_and_decisions_are_taken_once(roles) -> None:  # type: ignore[no-untyped-def]
    s = make_scene(roles, profile="norfolk")
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Advice.")
    maker = s.actor("cabinet_member")
    outcomes = at_once([lambda: services.advice_consider(actor=maker, decision=decision)] * 4)
    assert outcomes.count(DONE) == 1
    takers = [s.actor("cabinet_member"), s.actor("democratic_services")] * 2
    outcomes = at_once(
        [lambda a=a: services.decision_take(actor=a, decision=decision, text="Yes") for a in takers]
    )
    assert outcomes.count(DONE) == 1
    assert decision.events.filter(kind="decided").count() == 1
    assert DecisionRecord.objects.get().state == "decided"


@pytest.mark.django_db(transaction=True)
@pytest.mark.cites("D 2.9")
def test_parallel_submissions_add_the_item_once(roles) -> None:  # type: ignore[no-untyped-def]
    s = make_scene(roles)
    with clock.frozen(IN_TIME):
        proposal = services.proposal_raise(
            actor=s.actor("member"), meeting=s.meeting, title="Flooding", relevance="Ours."
        )
        for who in ("second", "third"):
            services.proposal_sign(actor=s.actor(who), meeting=s.meeting, proposal_id=proposal.pk)
        signers = [s.actor(w) for w in ("member", "second", "third")]
        outcomes = at_once(
            [
                lambda a=a: services.proposal_submit(
                    actor=a, meeting=s.meeting, proposal_id=proposal.pk
                )
                for a in signers
            ]
        )
    assert outcomes.count(DONE) == 1
    assert AgendaItem.objects.filter(must_add="members-proposal").count() == 1
