"""Every declared action on an enquiry agrees in its three places: the permission, the page's control and the
API operation all come from `accord.enquiries.actions`, and this walk proves it for every action and person.

For each action a case is brought to a state where someone may take it; then, for each person of the
council, a fresh such case is opened: whoever is allowed sees the control on the case page and the API
accepts the action; whoever is not sees no control, the page's route refuses it and the API refuses it
(a 400 citing the rule, or a 404 for a case they may not see).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.cases.actions import actions_of
from accord.core import clock
from accord.enquiries import services
from accord.enquiries.access import enquiry_actions_for
from accord.enquiries.actions import ENQUIRY_ACTIONS
from accord.enquiries.models import Enquiry
from accord.protocol import load_profile

from .conftest import Scene, at, make_scene

Setup = Callable[[Scene], Enquiry]


def _received(scene: Scene) -> Enquiry:
    return scene.submit()


def _taken(scene: Scene) -> Enquiry:
    enquiry = scene.submit()
    return services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)


def _holding_reply_proposed(scene: Scene) -> Enquiry:
    enquiry = _taken(scene)
    services.enquiry_holding_reply_send(
        actor=scene.actor("officer"),
        enquiry=enquiry,
        reason="Waiting for the contractor",
        new_due_date=enquiry.due_date + dt.timedelta(days=7),
    )
    return enquiry


def _waiting(scene: Scene) -> Enquiry:
    enquiry = _taken(scene)
    services.enquiry_wait_for_member(
        actor=scene.actor("officer"), enquiry=enquiry, question="Which bench?"
    )
    return enquiry


def _answered(scene: Scene) -> Enquiry:
    enquiry = _taken(scene)
    return services.enquiry_answer(
        actor=scene.actor("officer"), enquiry=enquiry, answer="The bench is repaired."
    )


def _burden_raised(scene: Scene) -> Enquiry:
    enquiry = _taken(scene)
    services.enquiry_burden_raise(
        actor=scene.actor("officer"), enquiry=enquiry, reason="Every bench since 2019"
    )
    return enquiry


def _burden_reviewed(scene: Scene) -> Enquiry:
    enquiry = _burden_raised(scene)
    review = enquiry.burden_reviews.get()
    services.enquiry_burden_review(actor=scene.actor("head"), review=review, note="Agreed")
    return enquiry


# action name -> (the state it is taken from, its API input, its page input, the protocol of the scene)
WALK: dict[str, tuple[Setup, dict[str, Any], dict[str, Any], str]] = {
    "chase": (_received, {"note": "Any news?"}, {"text": "Any news?"}, "district"),
    "member-reply": (
        _waiting,
        {"reply": "The one by the pond."},
        {"text": "By the pond."},
        "district",
    ),
    "holding-reply-accept": (_holding_reply_proposed, {"note": ""}, {"text": ""}, "district"),
    "holding-reply-decline": (_holding_reply_proposed, {"note": "No"}, {"text": "No"}, "district"),
    "escalate": (_answered, {"reason": "Not fixed"}, {"text": "Not fixed"}, "district"),
    "reopen": (_answered, {"reason": "Broken again"}, {"text": "Broken again"}, "district"),
    "claim": (_received, {}, {}, "district"),
    "assign": (_received, {"officer_id": "colleague"}, {"officer": "colleague"}, "district"),
    "holding-reply": (
        _taken,
        {"reason": "Waiting for the contractor", "new_due_date": "2026-03-20"},
        {"reason": "Waiting for the contractor", "new_due_date": "2026-03-20"},
        "district",
    ),
    "wait-for-member": (_taken, {"question": "Which bench?"}, {"text": "Which?"}, "district"),
    "answer": (_taken, {"answer": "Repaired."}, {"text": "Repaired."}, "district"),
    "divert-to-complaints": (
        _taken,
        {"reason": "A complaint"},
        {"text": "A complaint"},
        "district",
    ),
    "burden-raise": (_taken, {"reason": "Every bench"}, {"text": "Every bench"}, "district"),
    "close": (_answered, {}, {}, "district"),
    "burden-review": (_burden_raised, {"note": "Reviewed"}, {"text": "Reviewed"}, "district"),
    "burden-agree": (
        _burden_reviewed,
        {"approach": "A summary"},
        {"text": "A summary"},
        "district",
    ),
    "attachment-add": (_received, {}, {}, "district"),
    "information-dispute-open": (
        _received,
        {"document": "The contract", "reason": "Commercially confidential"},
        {"document": "The contract", "reason": "Commercially confidential"},
        "norfolk",
    ),
}


def _with_people(scene: Scene, data: dict[str, Any]) -> dict[str, Any]:
    """An input naming a person of the scene (`"colleague"`) with that person's id."""
    people = {"colleague": scene.colleague.pk}
    return {k: people.get(v, v) if isinstance(v, str) else v for k, v in data.items()}


def _api_call(scene: Scene, who: str, name: str, enquiry: Enquiry, data: dict[str, Any]) -> Any:
    url = f"/api/v1/enquiries/{enquiry.pk}/{name}"
    client = scene.client(who)
    if ENQUIRY_ACTIONS.get(name).files:  # type: ignore[union-attr]
        upload = SimpleUploadedFile("note.txt", b"a note", content_type="text/plain")
        return client.post(url, {"upload": upload})
    return client.post(url, _with_people(scene, data), content_type="application/json")


def test_every_declared_action_is_walked() -> None:
    """A new action without a walk fails here, so none escapes the agreement test."""
    assert [a.name for a in actions_of("enquiries")] == list(WALK)


@pytest.mark.cites("D 4.3", "D 6.2", "D 6.3", "D 6.4", "D 6.7", "N 17")
@pytest.mark.parametrize("name", list(WALK))
def test_permission_page_control_and_api_agree(db: None, name: str) -> None:
    setup, api_data, _, profile = WALK[name]
    action = ENQUIRY_ACTIONS.get(name)
    assert action is not None
    with clock.frozen(at(2026, 3, 2)):
        scene = make_scene(profile)
    rules = load_profile(scene.council.profile).rules
    assert action.cites and all(rule in rules for rule in action.cites), action.cites
    allowed_seen, refused_seen = [], []
    for who in scene.users:
        with clock.frozen(at(2026, 3, 3)):
            enquiry = Enquiry.objects.get(pk=setup(scene).pk)
            allowed = name in enquiry_actions_for(scene.actor(who), enquiry)
            page = scene.client(who).get(reverse("enquiries:detail", args=[enquiry.pk]))
            if page.status_code == 404:
                assert not allowed, f"{who} may {name} a case they cannot see"
            else:
                body = page.content.decode()
                post = reverse("enquiries:action", args=[enquiry.pk, name])
                control = (
                    f'href="{action.link(enquiry)}"'.replace("&", "&amp;")
                    if action.link
                    else f'action="{post}"'
                )
                assert (control in body) == allowed, f"{who}: page control for {name}"
                if not allowed and action.prechecked:
                    refused = scene.client(who).post(post, {})
                    assert refused.status_code == 404, f"{who}: the page's route took {name}"
            answer = _api_call(scene, who, name, enquiry, api_data)
        if allowed:
            assert answer.status_code == 200, (who, answer.json())
            allowed_seen.append(who)
        else:
            assert answer.status_code in (400, 404), (who, answer.status_code, answer.content)
            refused_seen.append(who)
    assert allowed_seen and refused_seen, (allowed_seen, refused_seen)


@pytest.mark.cites("D 6.3")
@pytest.mark.parametrize("name", [n for n in WALK if WALK[n][2]])
def test_the_page_takes_each_action_its_control_offers(db: None, name: str) -> None:
    """The control's form, posted as the page would, runs the same declared action."""
    setup, _, page_data, profile = WALK[name]
    action = ENQUIRY_ACTIONS.get(name)
    assert action is not None
    with clock.frozen(at(2026, 3, 2)):
        scene = make_scene(profile)
    with clock.frozen(at(2026, 3, 3)):
        enquiry = Enquiry.objects.get(pk=setup(scene).pk)
        events_before = enquiry.events.count()
        who = next(w for w in scene.users if name in enquiry_actions_for(scene.actor(w), enquiry))
        posted = {f"{name}-{k}": v for k, v in _with_people(scene, page_data).items()}
        if action.link:
            done = scene.client(who).post(action.link(enquiry), _unprefixed(posted, name))
        else:
            done = scene.client(who).post(
                reverse("enquiries:action", args=[enquiry.pk, name]), posted
            )
    assert done.status_code == 302, done.content.decode()[:2000]
    assert enquiry.events.count() > events_before or (
        name == "information-dispute-open" and enquiry.information_disputes.exists()
    )


def _unprefixed(posted: dict[str, Any], name: str) -> dict[str, Any]:
    return {k.removeprefix(f"{name}-"): v for k, v in posted.items()}
