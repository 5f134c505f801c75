"""Every declared action on a group meeting and a briefing agrees in its three places: whoever may take it
sees the control on the page and the API accepts it; anyone else sees no control and the API refuses it
(a 400 citing the rule, or a 404 for what they may not see)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from accord.groups.actions import BRIEFING_ACTIONS, MEETING_ACTIONS
from accord.groups.models import Briefing, GroupMeeting, GroupNote
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import Scene, make_scene

EVERYONE = (
    "red_leader",
    "red_member",
    "blue_leader",
    "blue_member",
    "independent",
    "chief",
    "chief2",
    "officer",
    "monitoring",
)


def _walk(
    scene: Scene,
    registry: Any,
    name: str,
    setup: Callable[[Scene], Any],
    page_path: str,
    api_path: str,
    payload: Callable[[Any], dict[str, Any]],
) -> None:
    """For each person, a fresh case from `setup`: the control is on the page exactly when the action is
    offered, and the API accepts it then and refuses it otherwise (400 or 404)."""
    action = registry.get(name)
    assert action is not None
    allowed = []
    for who in EVERYONE:
        case = setup(scene)
        offered = action.offered(scene.actor(who), case)
        client = scene.client(who)
        page = client.get(f"/groups/{page_path}/{case.pk}/")
        control = f"/groups/{page_path}/{case.pk}/actions/{name}/"
        assert (page.status_code == 200 and control in page.content.decode()) == offered, who
        answer = client.post(
            f"/api/v1/{api_path}/{case.pk}/{name}", payload(case), content_type="application/json"
        )
        if offered:
            allowed.append(who)
            assert answer.status_code == 200, (who, answer.content)
        else:
            assert answer.status_code in (400, 404), (who, answer.status_code)
    assert allowed, f"no one may take {name}"


def _requested(s: Scene) -> GroupMeeting:
    return s.request()


def _agreed(s: Scene) -> GroupMeeting:
    meeting = s.request()
    step = ms.meeting_accept if s.council.profile == "norfolk" else ms.meeting_approve
    return step(actor=s.actor("chief"), meeting=meeting)


def _minuted(s: Scene) -> GroupMeeting:
    meeting = _agreed(s)
    ms.meeting_note_add(
        actor=s.actor("red_member"), meeting=meeting, text="Minute.", kind="advice-minute"
    )
    return meeting


def _minute(m: GroupMeeting) -> int:
    return GroupNote.objects.filter(meeting=m).values_list("pk", flat=True).first() or 1


MEETING_CASES: dict[
    str,
    tuple[str, Callable[[Scene], GroupMeeting], Callable[[Scene, GroupMeeting], dict[str, Any]]],
] = {
    "approve": ("district", _requested, lambda s, m: {"text": ""}),
    "refuse": ("district", _requested, lambda s, m: {"text": "No."}),
    "accept": ("norfolk", _requested, lambda s, m: {}),
    "decline": ("norfolk", _requested, lambda s, m: {"text": "Busy."}),
    "nominate": ("norfolk", _requested, lambda s, m: {"officer_id": s.people["officer"].pk}),
    "record-advice": ("district", _agreed, lambda s, m: {"text": "Facts."}),
    "officer-left": ("district", _agreed, lambda s, m: {}),
    "note-add": ("district", _requested, lambda s, m: {"kind": "note", "text": "Note."}),
    "verify-minute": ("norfolk", _minuted, lambda s, m: {"note_id": _minute(m), "text": "Right."}),
    "withdraw": ("district", _requested, lambda s, m: {}),
    "report-breach": ("district", _requested, lambda s, m: {"text": "Leak."}),
}


def test_every_meeting_action_has_a_walk() -> None:
    assert {a.name for a in MEETING_ACTIONS} == set(MEETING_CASES)
    assert {a.name for a in BRIEFING_ACTIONS} == set(BRIEFING_CASES)


@pytest.mark.parametrize("name", sorted(MEETING_CASES))
def test_meeting_action_agrees_for_everyone(name: str, db: None) -> None:
    profile, setup, payload = MEETING_CASES[name]
    scene = make_scene(profile, f"walk-{name}")
    _walk(
        scene,
        MEETING_ACTIONS,
        name,
        setup,
        "meetings",
        "group-meetings",
        lambda m: payload(scene, m),
    )


def _awaiting(s: Scene) -> Briefing:
    return bs.briefing_request(
        actor=s.actor("red_member"),
        officer=s.people["chief"],
        subject="Budget",
        details="",
        confidential=True,
        decision_pending=False,
    )


def _briefing_requested(s: Scene) -> Briefing:
    return bs.briefing_request(
        actor=s.actor("red_leader"),
        officer=s.people["chief"],
        subject="Budget",
        details="",
        confidential=True,
        decision_pending=False,
    )


BRIEFING_CASES: dict[str, tuple[Callable[[Scene], Briefing], Callable[[Scene], dict[str, Any]]]] = {
    "agree": (_awaiting, lambda s: {}),
    "not-agree": (_awaiting, lambda s: {}),
    "give": (_briefing_requested, lambda s: {"text": "The gap is large."}),
    "decline": (_briefing_requested, lambda s: {"text": "It would pre-empt the Cabinet."}),
    "permit": (_briefing_requested, lambda s: {"member_id": s.people["blue_member"].pk}),
}


@pytest.mark.cites("N 14")
@pytest.mark.parametrize("name", sorted(BRIEFING_CASES))
def test_briefing_action_agrees_for_everyone(name: str, db: None) -> None:
    setup, payload = BRIEFING_CASES[name]
    scene = make_scene("norfolk", f"brief-{name}")
    _walk(scene, BRIEFING_ACTIONS, name, setup, "briefings", "briefings", lambda b: payload(scene))
