"""N 17: a dispute over a Member's right to a document, from the Chief Officer to the Council."""

from __future__ import annotations

import pytest

from accord.core.access import actor_for
from accord.core.errors import AccordError
from accord.councils.models import Officer
from accord.councils.tests import factories as cf
from accord.enquiries.models import InformationDispute
from accord.enquiries.services import (
    information_dispute_council_decide,
    information_dispute_decide,
    information_dispute_dispute,
    information_dispute_open,
    information_dispute_refer_to_council,
)
from accord.notifications.models import OutboxMessage

from .conftest import Scene, make_scene

pytestmark = pytest.mark.django_db
State = InformationDispute.State


@pytest.mark.cites("N 17")
def test_declined_disputed_decided_referred_and_decided_by_council(db: None) -> None:
    scene = make_scene("norfolk")
    director = cf.OfficerFactory(
        council=scene.council, name="Dee Director", grade=Officer.Grade.CHIEF_OFFICER
    )
    director_actor = actor_for(
        cf.UserFactory(username="dee", council=scene.council, officer=director)
    )
    enquiry = scene.submit()
    dispute = information_dispute_open(
        actor=director_actor,
        member=scene.member,
        document="Contract file",
        reason="Commercially confidential",
        enquiry=enquiry,
    )
    with pytest.raises(AccordError, match="Only the Head of Paid Service"):
        information_dispute_decide(
            actor=director_actor, dispute=dispute, entitled=True, decision="x"
        )
    dispute = information_dispute_dispute(
        actor=scene.actor("member"), dispute=dispute, grounds="Need to know"
    )
    assert dispute.state == State.DISPUTED
    assert (
        OutboxMessage.objects.get(template="enquiry_dispute_disputed").recipient
        == scene.chief.email
    )
    dispute = information_dispute_decide(
        actor=scene.actor("chief"), dispute=dispute, entitled=False, decision="Not needed"
    )
    assert dispute.state == State.UPHELD
    dispute = information_dispute_refer_to_council(
        actor=scene.actor("member"), dispute=dispute, reason="Still disagree"
    )
    assert dispute.state == State.REFERRED
    with pytest.raises(AccordError):
        information_dispute_council_decide(
            actor=scene.actor("member"), dispute=dispute, entitled=True, decision="x"
        )
    dispute = information_dispute_council_decide(
        actor=scene.actor("dem"), dispute=dispute, entitled=True, decision="Minute 12"
    )
    assert dispute.state == State.COUNCIL_DECIDED
    assert [step["state"] for step in dispute.history] == [
        "declined",
        "disputed",
        "upheld",
        "referred",
        "council-decided",
    ]
    assert all(step["citations"][0]["label"] == "N 17" for step in dispute.history)
    assert enquiry.events.filter(kind__startswith="information-dispute").count() == 5
    assert set(
        OutboxMessage.objects.filter(template="enquiry_dispute_council_decided").values_list(
            "recipient", flat=True
        )
    ) == {
        scene.member.email,
        director.email,
    }


def test_a_district_council_has_no_dispute_procedure(scene: Scene) -> None:
    with pytest.raises(AccordError, match=r"D 6\.8"):
        information_dispute_open(
            actor=scene.actor("chief"), member=scene.member, document="x", reason="y"
        )
