"""Every declared action on a concern and on a question agrees in its three places: whoever may take it sees
the page's control and the API accepts it; anyone else sees no control, the page's route refuses it (404)
and the API refuses it (400 citing the rule, or 404 for a case they may not see)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from accord.concerns import services
from accord.concerns.actions import CONCERN_ACTIONS
from accord.core import clock
from accord.rulings import services as questions
from accord.rulings.actions import QUESTION_ACTIONS

from .factories import Scene, make_scene

pytestmark = pytest.mark.django_db
SOON = (clock.now() + dt.timedelta(days=9)).replace(hour=10, minute=0, second=0, microsecond=0)


def _difficulty(scene: Scene, meeting: bool = False) -> Any:
    concern = scene.raise_("officer", "member")
    if meeting:
        services.concern_meeting_arrange(
            actor=scene.actor("monitoring"),
            concern=concern,
            starts_at=SOON,
            minutes=60,
            place="Room",
        )
    return concern


MEETING_PAGE = {
    "date": SOON.strftime("%d/%m/%Y"),
    "start": "10:00",
    "minutes": "60",
    "place": "Room",
}
MEETING_API = {"starts_at": SOON.isoformat(), "minutes": 60, "place": "Room"}
NOTE = ({"text": "Noted."}, {"note": "Noted."})

# action: (setup, who may take it, page data, API body)
CONCERN_CASES: dict[
    str, tuple[Callable[[Scene], Any], set[str], dict[str, str], dict[str, Any]]
] = {
    "meeting-arrange": (_difficulty, {"monitoring"}, MEETING_PAGE, MEETING_API),
    "meeting-change": (lambda s: _difficulty(s, True), {"monitoring"}, MEETING_PAGE, MEETING_API),
    "resolve": (lambda s: s.raise_("member", "officer"), {"head"}, *NOTE),
    "formal-complaint": (lambda s: _difficulty(s, True), {"monitoring"}, *NOTE),
    "disciplinary": (lambda s: s.raise_("member", "head"), {"ceo"}, *NOTE),
    "note": (lambda s: s.raise_("member", "officer"), {"member", "head"}, *NOTE),
    "withdraw": (lambda s: s.raise_("member", "officer"), {"member"}, *NOTE),
}
QUESTION_CASES: dict[
    str, tuple[Callable[[Scene], Any], set[str], dict[str, str], dict[str, Any]]
] = {
    "answer": (
        lambda s: questions.question_ask(actor=s.actor("member"), question="?"),
        {"monitoring"},
        {"text": "Yes."},
        {"answer": "Yes."},
    ),
    "refer": (
        lambda s: questions.question_ask(actor=s.actor("officer"), question="?"),
        {"manager"},
        {"text": ""},
        {"note": ""},
    ),
}


def test_every_declared_action_has_a_walk() -> None:
    assert {a.name for a in CONCERN_ACTIONS} == set(CONCERN_CASES)
    assert {a.name for a in QUESTION_ACTIONS} == set(QUESTION_CASES)


def _walk(
    name: str,
    case: tuple[Callable[[Scene], Any], set[str], dict[str, str], dict[str, Any]],
    detail: str,
    action_url: str,
    api: str,
) -> None:
    setup, allowed, page_data, api_body = case
    scene = make_scene()
    for who in scene.people:
        subject = setup(scene)
        client = scene.client(who)
        url = reverse(action_url, args=(subject.pk, name))
        page = client.get(reverse(detail, args=(subject.pk,)))
        shown = page.status_code == 200 and url in page.content.decode()
        assert shown == (who in allowed), (name, who)
        posted = client.post(url, {f"{name}-{k}": v for k, v in page_data.items()})
        if who in allowed:
            assert posted.status_code == 302, (name, who, posted.content[:3000])
            subject = setup(scene)
            answer = client.post(
                f"{api}/{subject.pk}/{name}", api_body, content_type="application/json"
            )
            assert answer.status_code == 200, (name, who, answer.content)
        else:
            assert posted.status_code == 404, (name, who)
            answer = client.post(
                f"{api}/{subject.pk}/{name}", api_body, content_type="application/json"
            )
            assert answer.status_code in (400, 404), (name, who)


@pytest.mark.cites("D 11.3", "D 11.4", "D 11.5")
@pytest.mark.parametrize("name", list(CONCERN_CASES))
def test_a_concern_action_agrees_in_page_and_api_for_everyone(name: str) -> None:
    _walk(name, CONCERN_CASES[name], "concerns:detail", "concerns:action", "/api/v1/concerns")


@pytest.mark.cites("D 1.3", "D 1.4")
@pytest.mark.parametrize("name", list(QUESTION_CASES))
def test_a_question_action_agrees_in_page_and_api_for_everyone(name: str) -> None:
    _walk(
        name,
        QUESTION_CASES[name],
        "rulings:question",
        "rulings:question-action",
        "/api/v1/questions",
    )
