"""D 6.8: the enquiry process supplements, and never takes away, the Member's statutory and common-law
rights to information. Where an enquiry ends without the information being given through it, the case and
the Member's e-mail say so; Norfolk's protocol has N 17's procedure instead and is unchanged."""

from __future__ import annotations

import pytest

from accord.core.errors import AccordError
from accord.enquiries import rules
from accord.enquiries.models import Enquiry, EnquiryEvent
from accord.enquiries.services import (
    enquiry_answer,
    enquiry_burden_agree,
    enquiry_burden_raise,
    enquiry_burden_review,
    enquiry_claim,
    enquiry_divert_to_complaints,
    information_dispute_open,
)
from accord.notifications.models import OutboxMessage
from accord.protocol import load_profile

from .conftest import Scene, make_scene

pytestmark = pytest.mark.django_db

RIGHTS = "statutory and common-law rights to information are unaffected"


def _labels(event: EnquiryEvent) -> list[str]:
    return [c["label"] for c in event.citations]


def _member_mail(scene: Scene, enquiry: Enquiry, template: str) -> OutboxMessage:
    return OutboxMessage.objects.get(
        subject_id=str(enquiry.pk), template=template, recipient=scene.member.email
    )


def _agreed(scene: Scene) -> Enquiry:
    enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)
    review = enquiry_burden_raise(
        actor=scene.actor("officer"), enquiry=enquiry, reason="Ten years of records."
    )
    review = enquiry_burden_review(actor=scene.actor("head"), review=review, note="Heavy.")
    enquiry_burden_agree(actor=scene.actor("head"), review=review, approach="Two years only.")
    return enquiry


@pytest.mark.cites("D 6.8")
def test_the_rule_gives_the_sentence_and_its_paragraph() -> None:
    note = rules.statutory_rights_note(load_profile("district"))
    assert note is not None
    assert [c.label for c in note.citations] == ["D 6.8"]
    assert RIGHTS in note.message and "D 6.8" in note.message
    assert rules.statutory_rights_note(load_profile("norfolk")) is None


@pytest.mark.cites("D 6.8", "D 6.7")
def test_a_complaint_diverted_at_the_door_says_the_rights_are_unaffected(scene: Scene) -> None:
    enquiry = scene.submit(is_complaint=True)
    event = enquiry.events.get(kind="diverted")
    assert _labels(event) == ["D 6.7", "D 6.8"]
    assert RIGHTS in event.description
    assert RIGHTS in _member_mail(scene, enquiry, "enquiry_diverted").body


@pytest.mark.cites("D 6.8", "D 6.7")
def test_a_live_enquiry_diverted_by_the_officer_says_the_rights_are_unaffected(
    scene: Scene,
) -> None:
    enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)
    enquiry_divert_to_complaints(
        actor=scene.actor("officer"), enquiry=enquiry, reason="About service quality."
    )
    event = enquiry.events.get(kind="diverted")
    assert _labels(event) == ["D 6.7", "D 6.8"]
    assert RIGHTS in event.description
    assert RIGHTS in _member_mail(scene, enquiry, "enquiry_diverted").body


@pytest.mark.cites("D 6.8", "D 4.2")
def test_the_monitoring_officer_route_says_the_rights_are_unaffected(scene: Scene) -> None:
    enquiry = scene.submit(constituent_is_employee=True)
    event = enquiry.events.get(kind="monitoring-officer")
    assert _labels(event) == ["D 4.2", "D 2.4", "D 6.8"]
    assert RIGHTS in event.description
    assert RIGHTS in _member_mail(scene, enquiry, "enquiry_monitoring_officer").body


@pytest.mark.cites("D 6.8", "D 6.4")
def test_an_approach_agreed_for_a_burden_says_the_rights_are_unaffected(scene: Scene) -> None:
    enquiry = _agreed(scene)
    event = enquiry.events.get(kind="burden-agreed")
    assert _labels(event) == ["D 6.4", "D 6.8"]
    assert RIGHTS in event.description
    assert RIGHTS in _member_mail(scene, enquiry, "enquiry_burden_agreed").body


@pytest.mark.cites("D 6.8")
def test_an_enquiry_answered_through_the_process_does_not_need_the_sentence(scene: Scene) -> None:
    enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)
    enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="Repaired.")
    assert "D 6.8" not in _labels(enquiry.events.get(kind="answered"))
    assert RIGHTS not in _member_mail(scene, enquiry, "enquiry_answered").body


def test_norfolk_burden_agreement_is_unchanged(db: None) -> None:
    scene = make_scene("norfolk")
    enquiry = _agreed(scene)
    event = enquiry.events.get(kind="burden-agreed")
    assert _labels(event) == []
    assert event.description == "Approach agreed with the Member: Two years only."
    body = _member_mail(scene, enquiry, "enquiry_burden_agreed").body
    assert "statutory" not in body
    assert not EnquiryEvent.objects.filter(description__contains="statutory").exists()


@pytest.mark.cites("D 6.8")
def test_a_district_dispute_over_a_document_is_refused_naming_the_rights(scene: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        information_dispute_open(
            actor=scene.actor("chief"), member=scene.member, document="x", reason="y"
        )
    assert refused.value.message == (
        "This council's protocol sets no procedure for disputes over documents (D 6.8: the "
        "Member's statutory and common-law rights to information apply)."
    )
    assert [c.label for c in refused.value.citations] == ["D 6.8"]
