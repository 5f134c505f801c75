"""The history of group meetings and briefings is one hash chain per council: whole after the flows, and
an edit made behind Accord's back is found."""

from __future__ import annotations

import pytest
from django.db import connection

from accord.groups.chain import groups_chain_verify
from accord.groups.models import GroupMeetingEvent
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import Scene


@pytest.mark.cites("D 7.3")
def test_chains_are_whole_and_an_edit_is_found(district: Scene) -> None:
    meeting = district.request()
    ms.meeting_approve(actor=district.actor("chief"), meeting=meeting)
    ms.meeting_advice_record(actor=district.actor("chief"), meeting=meeting, advice="Facts.")
    bs.briefing_request(
        actor=district.actor("red_leader"),
        officer=district.people["chief"],
        subject="Budget",
        details="",
        confidential=True,
        decision_pending=False,
    )
    assert all(r.is_whole for r in groups_chain_verify(district.council))
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL refuses the edit itself (migration 0002)")
    GroupMeetingEvent.objects.filter(kind="advice-recorded").update(description="Edited.")
    meetings, briefings = groups_chain_verify(district.council)
    assert "does not match its hash" in meetings.broken and briefings.is_whole
