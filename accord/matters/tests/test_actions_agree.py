"""Every declared action on a matter: the permission, the page's control and the API's `actions` agree for
every person, in each kind of matter (one declaration, `accord.matters.actions`)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.matters.actions import MATTER_ACTIONS

from .factories import Scene


@pytest.mark.cites("D 5.2", "D 5.4")
@pytest.mark.parametrize("kind", ["policy", "consultation", "public-meeting"])
def test_permission_page_and_api_agree(district: Scene, kind: str) -> None:
    start = clock.now() + dt.timedelta(days=20)
    matter = district.record(
        kind=kind,
        meeting_start=start if kind == "public-meeting" else None,
        meeting_end=start + dt.timedelta(hours=1) if kind == "public-meeting" else None,
    )
    for who in ("ann", "cat", "officer", "head", "planner", "dem"):
        actor = district.actor(who)
        client = district.client(who)
        page = client.get(f"/matters/{matter.pk}/")
        api = client.get(f"/api/v1/matters/{matter.pk}")
        if page.status_code == 404:
            assert api.status_code == 404 and who == "cat"
            continue
        offered = MATTER_ACTIONS.offered_names(actor, matter)
        assert api.json()["actions"] == offered, who
        html = page.content.decode()
        for action in MATTER_ACTIONS:
            posted = f"/matters/{matter.pk}/actions/{action.name}/" in html
            assert posted == (action.name in offered), (who, action.name)
    manager = MATTER_ACTIONS.offered_names(district.actor("officer"), matter)
    assert ("consultation-start" in manager) == (kind == "consultation")
    assert ("meeting-cancel" in manager) == (kind == "public-meeting")
    assert ("respond" in MATTER_ACTIONS.offered_names(district.actor("ann"), matter)) == (
        kind == "consultation"
    )
