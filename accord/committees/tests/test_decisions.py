"""Decision records: the officer's advice on record, unamendable, considered before a decision is taken,
and the same advice in scrutiny's view (D 4.4, N 7-13)."""

from __future__ import annotations

import pytest

from accord.core.errors import AccordError

from .. import services
from ..models import DecisionRecord, OfficerAdvice
from .conftest import Scene

State = DecisionRecord.State


def _labels(error: AccordError) -> list[str]:
    return [c.label for c in error.citations]


@pytest.mark.cites("N 9", "N 10")
def test_advice_considered_then_decision_taken(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    officer, maker = s.actor("officer"), s.actor("cabinet_member")
    services.advice_submit(actor=officer, decision=decision, text="Refuse: the budget is spent.")
    services.advice_consider(actor=maker, decision=decision)
    done = services.decision_take(actor=maker, decision=decision, text="Approved nonetheless.")
    assert done.state == State.DECIDED
    assert done.considered_version == 1
    assert done.considered_by == s.users["cabinet_member"]
    assert done.considered_at is not None and done.decided_at is not None
    kinds = list(done.events.values_list("kind", flat=True))
    assert kinds == ["advice-submitted", "advice-considered", "decided"]
    assert done.events.get(kind="advice-submitted").data["text"] == "Refuse: the budget is spent."


@pytest.mark.cites("N 10")
def test_no_decision_before_advice_is_on_record_and_considered(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    maker = s.actor("cabinet_member")
    with pytest.raises(AccordError) as no_advice:
        services.decision_take(actor=maker, decision=decision, text="Approved.")
    assert "not yet on record" in no_advice.value.message
    assert "N 10" in _labels(no_advice.value)
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Advice.")
    with pytest.raises(AccordError) as not_considered:
        services.decision_take(actor=s.actor("democratic_services"), decision=decision, text="x")
    assert "not marked the latest advice as considered" in not_considered.value.message
    assert "N 10" in _labels(not_considered.value)
    decision.refresh_from_db()
    assert decision.state == State.ADVICE_ON_RECORD and decision.decision == ""


@pytest.mark.cites("N 10")
def test_someone_else_recording_the_decision_is_refused_with_the_citation(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    with pytest.raises(AccordError) as refused:
        services.decision_take(actor=s.actor("leader"), decision=decision, text="Approved.")
    assert "N 10" in _labels(refused.value)


@pytest.mark.cites("N 9", "D 4.4")
@pytest.mark.parametrize(
    "who", ["cabinet_member", "democratic_services", "chief_officer", "leader"]
)
def test_nobody_else_can_correct_the_advice(norfolk: Scene, who: str) -> None:
    s = norfolk
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="The original advice.")
    with pytest.raises(AccordError) as refused:
        services.advice_correct(actor=s.actor(who), decision=decision, text="Softer.", reason="x")
    assert "N 9" in _labels(refused.value)
    assert list(OfficerAdvice.objects.values_list("text", flat=True)) == ["The original advice."]


@pytest.mark.cites("D 4.4")
def test_district_cites_its_own_paragraph(scene: Scene) -> None:
    decision = scene.decision()
    services.advice_submit(actor=scene.actor("officer"), decision=decision, text="Advice.")
    with pytest.raises(AccordError) as refused:
        services.advice_alter_refuse(
            actor=scene.actor("chief_officer"), decision=decision, version=1
        )
    assert "D 4.4" in _labels(refused.value)


@pytest.mark.cites("N 9", "N 10")
def test_a_correction_is_a_new_version_and_must_be_considered_again(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    officer, maker = s.actor("officer"), s.actor("cabinet_member")
    services.advice_submit(actor=officer, decision=decision, text="Version one.")
    services.advice_consider(actor=maker, decision=decision)
    services.advice_correct(
        actor=officer, decision=decision, text="Version two.", reason="New figures."
    )
    decision.refresh_from_db()
    assert decision.state == State.ADVICE_ON_RECORD
    with pytest.raises(AccordError):
        services.decision_take(actor=maker, decision=decision, text="Approved.")
    services.advice_consider(actor=maker, decision=decision)
    done = services.decision_take(actor=maker, decision=decision, text="Approved.")
    assert done.considered_version == 2
    assert list(done.advice.values_list("version", "text")) == [
        (1, "Version one."),
        (2, "Version two."),
    ]


@pytest.mark.cites("N 10")
def test_only_the_decision_maker_marks_it_considered(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Advice.")
    for who in ("leader", "democratic_services", "officer", "member"):
        with pytest.raises(AccordError):
            services.advice_consider(actor=s.actor(who), decision=decision)
    cabinet = s.decision(
        maker=DecisionRecord.Maker.CABINET, maker_member=None, maker_committee=s.cabinet
    )
    services.advice_submit(actor=s.actor("officer"), decision=cabinet, text="Advice.")
    # The Leader acts for the Cabinet (D 2.9's "leader in the case of the Cabinet").
    assert (
        services.advice_consider(actor=s.actor("leader"), decision=cabinet).state
        == State.CONSIDERED
    )


@pytest.mark.cites("N 10")
def test_only_the_named_officer_places_advice(norfolk: Scene) -> None:
    s = norfolk
    decision = s.decision()
    with pytest.raises(AccordError):
        services.advice_submit(actor=s.actor("chief_officer"), decision=decision, text="Mine.")
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="Advice.")
    with pytest.raises(AccordError) as again:
        services.advice_submit(actor=s.actor("officer"), decision=decision, text="Replace it.")
    assert "cannot be replaced" in again.value.message


@pytest.mark.cites("N 9")
def test_advice_removed_behind_accords_back_is_named(norfolk: Scene) -> None:
    from django.db import connection

    from accord.core.invariants import invariants_check

    if connection.vendor == "postgresql":
        pytest.skip("the database itself refuses the deletion (test_postgres)")
    s = norfolk
    decision = s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=decision, text="One.")
    services.advice_correct(actor=s.actor("officer"), decision=decision, text="Two.", reason="x")
    assert not [b for b in invariants_check() if b.invariant.startswith("decision.")]
    OfficerAdvice.objects.filter(version=1).delete()
    names = [b.invariant for b in invariants_check(council=s.council.slug)]
    assert "decision.advice-versions-unbroken" in names


def test_the_named_maker_must_hold_the_office(norfolk: Scene) -> None:
    s = norfolk
    officer = s.roles.user("officer").officer  # type: ignore[union-attr]
    for maker, member in (("leader", "cabinet_member"), ("cabinet-member", "member")):
        with pytest.raises(AccordError) as refused:
            services.decision_create(
                actor=s.actor("democratic_services"),
                council=s.council,
                matter="m",
                maker=maker,
                report="r",
                advising_officer=officer,
                maker_member=s.members[member],
            )
        assert refused.value.field == "maker_member"
    assert not DecisionRecord.objects.exists()
