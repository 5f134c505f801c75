"""The demo councils show meetings, agendas and decisions on first start, with whole history chains."""

from __future__ import annotations

import pytest
from django.test import Client

from accord.committees.history import decision_chain_verify, meeting_chain_verify
from accord.committees.models import DecisionRecord, ItemProposal, Meeting
from accord.councils.models import Council
from accord.demo.services import demo_load

pytestmark = pytest.mark.django_db


@pytest.mark.cites("D 2.9", "N 10")
def test_demo_year_of_meetings_agendas_and_decisions() -> None:
    demo_load()
    for council in Council.objects.all():
        assert Meeting.objects.filter(council=council, state="published").count() >= 30
        assert Meeting.objects.filter(council=council, state="planned").exists()
        decided = DecisionRecord.objects.filter(council=council, state="decided")
        assert decided.count() >= 15
        assert all(d.considered_version for d in decided)
        assert meeting_chain_verify(council).is_whole
        assert decision_chain_verify(council).is_whole
        officer = council.users.get(username=f"{council.slug}-officer")
        demo = Client()
        demo.force_login(officer)
        awaiting = DecisionRecord.objects.get(
            council=council, state="awaiting-advice", advising_officer=officer.officer
        )
        page = demo.get(f"/decisions/{awaiting.pk}/").content.decode()
        assert "Place your advice on record" in page
    district = Council.objects.get(profile="district")
    waiting = ItemProposal.objects.get(meeting__council=district, state="collecting")
    member = Client()
    member.force_login(district.users.get(username=f"{district.slug}-member"))
    page = member.get(f"/meetings/{waiting.meeting_id}/").content.decode()
    assert "Sign a Members&#x27; proposal" in page or "Sign a Members' proposal" in page
    assert not ItemProposal.objects.filter(meeting__council__profile="norfolk").exists()


def test_demo_data_obeys_every_invariant() -> None:
    from accord.core.invariants import invariants_check

    demo_load()
    breaches = [b for b in invariants_check() if b.invariant.startswith(("decision.", "agenda."))]
    assert breaches == []
