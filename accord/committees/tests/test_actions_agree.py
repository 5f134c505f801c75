"""Every declared action and every person: the page shows a control exactly when the action is offered, the
page's route refuses it (404) otherwise, and the API refuses it otherwise (400 citing the rule, or 404)."""

from __future__ import annotations

import pytest

from .. import services
from ..actions import DECISION_ACTIONS, MEETING_ACTIONS
from .conftest import Scene

PEOPLE = (
    "member",
    "second",
    "chair",
    "outsider",
    "leader",
    "cabinet_member",
    "officer",
    "chief_officer",
    "monitoring_officer",
    "democratic_services",
)


@pytest.mark.cites("D 2.9")
def test_meeting_actions_agree(scene: Scene) -> None:
    s = scene
    services.item_propose(actor=s.actor("chief_officer"), meeting=s.meeting, title="Budget")
    services.proposal_raise(
        actor=s.actor("member"), meeting=s.meeting, title="Roads", relevance="Ours."
    )
    for who in PEOPLE:
        actor, client = s.actor(who), s.client(who)
        page = client.get(f"/meetings/{s.meeting.pk}/").content.decode()
        for action in MEETING_ACTIONS:
            offered = action.offered(actor, s.meeting)
            posted = f"/meetings/{s.meeting.pk}/actions/{action.name}/"
            assert (posted in page) == offered, (who, action.name)
            if not offered:
                assert client.post(posted, {}).status_code == 404, (who, action.name)


@pytest.mark.cites("N 10")
def test_decision_actions_agree(norfolk: Scene) -> None:
    s = norfolk
    awaiting, on_record = s.decision(), s.decision()
    services.advice_submit(actor=s.actor("officer"), decision=on_record, text="Advice.")
    for decision in (awaiting, on_record):
        decision.refresh_from_db()
        for who in PEOPLE:
            actor, client = s.actor(who), s.client(who)
            page = client.get(f"/decisions/{decision.pk}/").content.decode()
            for action in DECISION_ACTIONS:
                offered = action.offered(actor, decision)
                posted = f"/decisions/{decision.pk}/actions/{action.name}/"
                assert (posted in page) == offered, (who, action.name)
                if not offered:
                    assert client.post(posted, {}).status_code == 404
                    api = client.post(
                        f"/api/v1/decisions/{decision.pk}/{action.name}",
                        {"advice": "x", "reason": "y", "decision": "z"}
                        if action.schema is not None
                        else {},
                        content_type="application/json",
                    )
                    assert api.status_code in (400, 422), (who, action.name, api.status_code)
