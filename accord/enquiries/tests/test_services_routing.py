"""The protocol's routings and refusals at the door: D 6.6, D 6.7, D 4.2 / D 2.4, D 6.5, and N 16 deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404

from accord.core import clock
from accord.core.errors import AccordError
from accord.enquiries.access import enquiry_for
from accord.enquiries.models import Enquiry, SharedWith
from accord.enquiries.services import (
    enquiry_answer,
    enquiry_claim,
    enquiry_divert_to_complaints,
)
from accord.enquiries.shared import shared_answer_for
from accord.enquiries.tests.factories import EnquirySettingsFactory
from accord.notifications.models import OutboxMessage

from .conftest import Scene, at, make_scene

pytestmark = pytest.mark.django_db


@pytest.mark.cites("D 6.6")
def test_out_of_hours_refused_for_a_missed_bin(scene: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        scene.submit(
            category=scene.missed_bin, urgency="out-of-hours", urgency_justification="Bins full"
        )
    assert refused.value.message.startswith(
        "Refused under D 6.6: the out-of-hours service is not for"
    )
    assert [c.label for c in refused.value.citations] == ["D 6.6"]
    assert Enquiry.objects.count() == 0


@pytest.mark.cites("D 6.6")
def test_out_of_hours_needs_the_justification_of_an_extremely_urgent_event(scene: Scene) -> None:
    with pytest.raises(AccordError, match="extremely urgent"):
        scene.submit(urgency="out-of-hours")
    enquiry = scene.submit(
        urgency="out-of-hours", urgency_justification="A tree has fallen across the road"
    )
    assert enquiry.events.filter(kind="out-of-hours").exists()
    normal_bin = scene.submit(category=scene.missed_bin)
    assert normal_bin.state == Enquiry.State.RECEIVED


@pytest.mark.cites("D 6.7")
def test_a_complaint_is_diverted_with_a_reference_and_the_member_is_told(scene: Scene) -> None:
    enquiry = scene.submit(is_complaint=True)
    assert enquiry.state == Enquiry.State.DIVERTED
    assert enquiry.complaint_reference == "CC-2026-000001"
    event = enquiry.events.get(kind="diverted")
    assert event.citations[0]["label"] == "D 6.7"
    mail = OutboxMessage.objects.get(template="enquiry_diverted")
    assert mail.recipient == scene.member.email
    assert "CC-2026-000001" in mail.body
    assert not OutboxMessage.objects.filter(template="enquiry_new").exists()


@pytest.mark.cites("D 6.7")
def test_the_officer_can_divert_a_live_enquiry(scene: Scene) -> None:
    enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)
    enquiry = enquiry_divert_to_complaints(
        actor=scene.actor("officer"), enquiry=enquiry, reason="About service quality."
    )
    assert enquiry.state == Enquiry.State.DIVERTED
    with pytest.raises(AccordError):
        enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="x")


@pytest.mark.cites("D 4.2")
def test_an_employee_constituent_goes_to_the_monitoring_officer_not_a_queue(scene: Scene) -> None:
    enquiry = scene.submit(constituent_is_employee=True, subject="Help for a constituent")
    assert enquiry.state == Enquiry.State.MONITORING_OFFICER
    assert enquiry.events.get(kind="monitoring-officer").citations[0]["label"] == "D 4.2"
    to = set(
        OutboxMessage.objects.filter(template="enquiry_monitoring_officer").values_list(
            "recipient", flat=True
        )
    )
    assert to == {scene.member.email, scene.monitoring.email}
    with pytest.raises(Http404):
        enquiry_for(scene.actor("officer"), enquiry.pk)
    with pytest.raises(Http404):
        enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    answered = enquiry_answer(
        actor=scene.actor("monitoring"), enquiry=enquiry, answer="My advice is ..."
    )
    assert answered.state == Enquiry.State.ANSWERED


@pytest.mark.cites("D 2.4")
def test_asking_a_member_to_direct_discipline_goes_to_the_monitoring_officer(scene: Scene) -> None:
    enquiry = scene.submit(
        subject="Staff member", details="Please start disciplinary action against the gardener."
    )
    assert enquiry.state == Enquiry.State.MONITORING_OFFICER
    assert "disciplinary" in enquiry.events.get(kind="monitoring-officer").description


@pytest.mark.cites("D 6.5")
def test_the_answer_about_another_ward_is_shared_with_its_members(scene: Scene) -> None:
    own = scene.submit()
    other = scene.submit(area=scene.other_ward)
    for enquiry in (own, other):
        enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
        enquiry_answer(
            actor=scene.actor("officer"),
            enquiry=Enquiry.objects.get(pk=enquiry.pk),
            answer="The answer.",
        )
    assert not SharedWith.objects.filter(enquiry=own).exists()
    assert list(
        SharedWith.objects.filter(enquiry=other).values_list("member__name", flat=True)
    ) == ["Cal Neighbour"]
    # The neighbour gets the shared answer, never the case (D 6.5); nothing of the case not shared.
    assert shared_answer_for(scene.actor("neighbour"), other.pk).answer == "The answer."
    for pk in (own.pk, other.pk):
        with pytest.raises(Http404):
            enquiry_for(scene.actor("neighbour"), pk)
    with pytest.raises(Http404):
        shared_answer_for(scene.actor("neighbour"), own.pk)
    shared = OutboxMessage.objects.get(template="enquiry_shared")
    assert shared.recipient == scene.neighbour.email
    assert "Brook" in shared.body
    assert (
        Enquiry.objects.get(pk=other.pk).events.get(kind="shared").citations[0]["label"] == "D 6.5"
    )


@pytest.mark.cites("N 16")
def test_norfolk_uses_the_councils_setting_or_says_it_used_the_default(db: None) -> None:
    with clock.frozen(at(2026, 3, 2)):
        scene = make_scene("norfolk")
        default = scene.submit()
        EnquirySettingsFactory(council=scene.council, response_working_days=3)
        set_days = scene.submit()
    assert default.working_days == 10
    assert default.due_date == dt.date(2026, 3, 16)
    assert "the council has not set one" in default.events.get(kind="received").description
    assert set_days.due_date == dt.date(2026, 3, 5)
    assert set_days.events.get(kind="received").citations[0]["label"] == "N 16"


def test_norfolk_has_no_out_of_hours_or_complaint_routing(db: None) -> None:
    scene = make_scene("norfolk")
    enquiry = scene.submit(
        is_complaint=True,
        category=scene.missed_bin,
        urgency="out-of-hours",
        urgency_justification="Flood",
    )
    assert enquiry.state == Enquiry.State.RECEIVED
