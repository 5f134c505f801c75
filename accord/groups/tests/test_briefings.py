"""Confidential briefings (N 14) and information shared with the other groups (N 15)."""

from __future__ import annotations

import pytest
from django.http import Http404

from accord.core.errors import AccordError
from accord.councils.models import Office
from accord.groups.models import Briefing, BriefingView, ParityOffer
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import Scene

pytestmark = pytest.mark.cites("N 14")


def ask(scene: Scene, who: str, **kw: object) -> Briefing:
    return bs.briefing_request(
        actor=scene.actor(who),
        officer=kw.pop("officer", scene.people["chief"]),  # type: ignore[arg-type]
        subject=str(kw.pop("subject", "BRIEF-SUBJECT budget gap")),
        details="What is the gap?",
        confidential=bool(kw.pop("confidential", True)),
        decision_pending=bool(kw.pop("decision_pending", False)),
    )


def test_an_office_holder_asks_directly_and_another_member_needs_the_leader(norfolk: Scene) -> None:
    direct = ask(norfolk, "red_leader")
    assert direct.state == Briefing.State.REQUESTED and "Group Leader" in direct.requester_office
    needs = ask(norfolk, "red_member")
    assert needs.state == Briefing.State.AWAITING_AGREEMENT
    with pytest.raises((AccordError, Http404)):
        bs.briefing_give(actor=norfolk.actor("chief"), briefing=needs, information="x")
    # Another group's leader cannot agree; the requester's own can.
    with pytest.raises((AccordError, Http404)):
        bs.briefing_agree(actor=norfolk.actor("blue_leader"), briefing=needs, agree=True)
    agreed = bs.briefing_agree(actor=norfolk.actor("red_leader"), briefing=needs, agree=True)
    assert (
        agreed.state == Briefing.State.REQUESTED
        and agreed.agreed_by == norfolk.people["red_leader"]
    )


def test_a_member_of_no_group_without_office_is_refused(norfolk: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        ask(norfolk, "independent")
    assert [c.label for c in refused.value.citations] == ["N 14"]
    Office.objects.create(member=norfolk.people["independent"], kind=Office.Kind.SCRUTINY_CHAIR)
    assert ask(norfolk, "independent").state == Briefing.State.REQUESTED


def test_only_a_chief_officer_or_head_of_unit_gives_briefings(norfolk: Scene) -> None:
    with pytest.raises(AccordError) as refused:
        ask(norfolk, "red_leader", officer=norfolk.people["officer"])
    assert refused.value.field == "officer"


def test_a_briefing_stays_with_requester_officer_and_permitted_and_views_are_recorded(
    norfolk: Scene,
) -> None:
    briefing = ask(norfolk, "red_leader", decision_pending=True)
    chief_page = norfolk.client("chief").get(f"/groups/briefings/{briefing.pk}/").content.decode()
    assert "must not pre-empt" in chief_page
    for who in ("red_member", "blue_leader", "blue_member", "chief2", "monitoring"):
        client = norfolk.client(who)
        assert client.get(f"/groups/briefings/{briefing.pk}/").status_code == 404
        assert client.get(f"/api/v1/briefings/{briefing.pk}").status_code == 404
        assert "BRIEF-SUBJECT" not in client.get("/groups/").content.decode()
        assert "BRIEF-SUBJECT" not in str(client.get("/api/v1/briefings").json())
    bs.briefing_permit(
        actor=norfolk.actor("red_leader"), briefing=briefing, member=norfolk.people["blue_member"]
    )
    assert norfolk.client("blue_member").get(f"/api/v1/briefings/{briefing.pk}").status_code == 200
    page = norfolk.client("red_leader").get(f"/groups/briefings/{briefing.pk}/").content.decode()
    assert "Who viewed it" in page and "Bob Blue" in page and "Cara Chief" in page
    assert BriefingView.objects.filter(briefing=briefing).count() == 3


@pytest.mark.cites("N 15")
def test_information_not_confidential_is_offered_to_the_other_groups(norfolk: Scene) -> None:
    briefing = ask(norfolk, "red_leader", confidential=False, subject="Bus routes")
    bs.briefing_give(
        actor=norfolk.actor("chief"), briefing=briefing, information="INFO routes change"
    )
    offer = ParityOffer.objects.get()
    assert offer.group == norfolk.blue
    body = norfolk.client("blue_member").get(f"/groups/offers/{offer.pk}/").content.decode()
    assert "INFO routes change" not in body
    norfolk.client("blue_member").post(f"/groups/offers/{offer.pk}/", {"answer": "take-up"})
    assert ParityOffer.objects.get().state == ParityOffer.State.TAKEN_UP
    body = norfolk.client("blue_member").get(f"/groups/offers/{offer.pk}/").content.decode()
    assert "INFO routes change" in body
    # A confidential briefing is never offered.
    secret = ask(norfolk, "red_leader")
    bs.briefing_give(actor=norfolk.actor("chief"), briefing=secret, information="SECRET")
    assert ParityOffer.objects.count() == 1
    assert norfolk.client("red_member").get(f"/groups/offers/{offer.pk}/").status_code == 404


def test_meeting_offers_are_not_made_in_norfolk(norfolk: Scene) -> None:
    meeting = norfolk.request()
    ms.meeting_accept(actor=norfolk.actor("chief"), meeting=meeting)
    ms.meeting_advice_record(actor=norfolk.actor("chief"), meeting=meeting, advice="Facts.")
    assert not ParityOffer.objects.exists()


@pytest.mark.cites("N 15")
def test_an_offer_answered_with_nonsense_names_the_problem(norfolk: Scene) -> None:
    briefing = ask(norfolk, "red_leader", confidential=False)
    bs.briefing_give(actor=norfolk.actor("chief"), briefing=briefing, information="Info.")
    offer = ParityOffer.objects.get()
    page = norfolk.client("blue_member").post(f"/groups/offers/{offer.pk}/", {"answer": "maybe"})
    assert page.status_code == 400
    body = page.content.decode()
    assert "Choose whether to take up the offer" in body and 'href="#id_answer"' in body
    assert ParityOffer.objects.get().state == ParityOffer.State.OFFERED
