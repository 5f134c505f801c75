"""Every declared action on correspondence, a press enquiry or a publicity request agrees in its three
places: for each action and each person of the council, on a fresh case in a state the action may be
taken from, whoever is offered it sees its control on the case page and the API takes it; anyone else
sees no control and the API refuses (a 400 citing the rule, or a 404 for a case they may not see)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.core.access import actor_for
from accord.correspondence import services
from accord.correspondence.actions import CORRESPONDENCE_ACTIONS, PRESS_ACTIONS, PUBLICITY_ACTIONS
from accord.correspondence.tests.factories import letter_draft, press_log, publicity_ask
from conftest import Roles

pytestmark = pytest.mark.django_db
PEOPLE = ("member", "officer", "chief_officer", "monitoring_officer", "democratic_services")


def _advice_asked(roles: Roles) -> Any:
    member, officer = roles.user("member"), roles.user("officer")
    assert officer is not None and officer.officer is not None
    letter = letter_draft(member)
    return services.correspondence_advice_request(
        actor=actor_for(member), correspondence=letter, officer=officer.officer, question="OK?"
    )


def _officer_id(roles: Roles) -> dict[str, Any]:
    officer = roles.user("officer")
    assert officer is not None and officer.officer is not None
    return {"officer_id": officer.officer.pk, "question": "Is this all right?"}


# (registry, action, setup, API path, detail URL name, API body)
WALK: list[tuple[Any, str, Callable[[Roles], Any], str, str, Callable[[Roles], dict[str, Any]]]] = [
    (
        CORRESPONDENCE_ACTIONS,
        "send",
        lambda r: letter_draft(r.user("member")),
        "correspondence",
        "correspondence:detail",
        lambda r: {},
    ),
    (
        CORRESPONDENCE_ACTIONS,
        "advice-request",
        lambda r: letter_draft(r.user("member")),
        "correspondence",
        "correspondence:detail",
        _officer_id,
    ),
    (
        CORRESPONDENCE_ACTIONS,
        "advice-give",
        _advice_asked,
        "correspondence",
        "correspondence:detail",
        lambda r: {"advice": "Fine."},
    ),
    (
        CORRESPONDENCE_ACTIONS,
        "withdraw",
        lambda r: letter_draft(r.user("member")),
        "correspondence",
        "correspondence:detail",
        lambda r: {"reason": "Not needed."},
    ),
    (
        PRESS_ACTIONS,
        "answer",
        lambda r: press_log(r.user("officer")),
        "press-enquiries",
        "correspondence:press-detail",
        lambda r: {"response": "A statement."},
    ),
    (
        PRESS_ACTIONS,
        "close",
        lambda r: press_log(r.user("officer")),
        "press-enquiries",
        "correspondence:press-detail",
        lambda r: {"reason": "Duplicate."},
    ),
    (
        PUBLICITY_ACTIONS,
        "review",
        lambda r: publicity_ask(r.user("member")),
        "publicity",
        "correspondence:publicity-detail",
        lambda r: {"decision": "decline", "note": "No."},
    ),
    (
        PUBLICITY_ACTIONS,
        "withdraw",
        lambda r: publicity_ask(r.user("member")),
        "publicity",
        "correspondence:publicity-detail",
        lambda r: {"reason": "Not needed."},
    ),
]


def test_the_walk_covers_every_declared_action() -> None:
    declared = {
        (reg.capability, a.name)
        for reg in (CORRESPONDENCE_ACTIONS, PRESS_ACTIONS, PUBLICITY_ACTIONS)
        for a in reg
    }
    assert declared == {(reg.capability, name) for reg, name, *_ in WALK}


@pytest.mark.parametrize(
    ("registry", "name", "setup", "path", "detail", "body"),
    WALK,
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_permission_page_and_api_agree(
    roles: Roles,
    registry: Any,
    name: str,
    setup: Callable[[Roles], Any],
    path: str,
    detail: str,
    body: Callable[[Roles], dict[str, Any]],
) -> None:
    action = registry.get(name)
    takers = []
    for person in PEOPLE:
        case = setup(roles)
        user = roles.user(person)
        offered = action.offered(actor_for(user), case)
        takers += [person] if offered else []
        client = Client()
        client.force_login(user)
        page = client.get(reverse(detail, args=(case.pk,)))
        control = f"/actions/{name}/" in page.content.decode()
        assert control == offered, (name, person)
        response = client.post(
            f"/api/v1/{path}/{case.pk}/{name}",
            json.dumps(body(roles)),
            content_type="application/json",
        )
        if offered:
            assert response.status_code == 200, (name, person, response.content)
        else:
            assert response.status_code in (400, 404), (name, person)
            assert (response.status_code == 404) == (page.status_code == 404), (name, person)
    assert takers, f"nobody may take {name}: the walk would prove nothing"
