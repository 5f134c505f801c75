"""The demo councils show group meetings, advice, offers and briefings on first start."""

from __future__ import annotations

import pytest

from accord.demo.services import demo_load
from accord.groups.models import Briefing, GroupMeeting, GroupNote, ParityOffer


@pytest.mark.django_db
def test_both_demo_councils_have_group_flows() -> None:
    demo_load()
    for slug in ("ashcombe", "westshire"):
        meetings = GroupMeeting.objects.filter(council__slug=slug)
        assert meetings.count() == 2, slug
        assert meetings.filter(state=GroupMeeting.State.ADVISED).exists(), slug
        assert GroupNote.objects.filter(meeting__council__slug=slug).exists(), slug
        assert Briefing.objects.filter(council__slug=slug).exists(), slug
    assert ParityOffer.objects.filter(council__slug="ashcombe", meeting__isnull=False).exists()
