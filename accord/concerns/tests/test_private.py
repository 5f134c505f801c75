"""Concerns seen from the outside: only the people the procedure names see one, in pages, the API, the
CSV, counts, search and the home page; the person it is about never does (D 11.4, N 3), except the Member
the informal meeting of D 11.3 invites, who sees the meeting only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accord.concerns import services
from accord.concerns.models import Concern
from accord.core import clock

from .factories import Scene, make_scene

pytestmark = pytest.mark.django_db
SECRET = "Zanzibar-incident"


def _seen_by(scene: Scene, who: str, concern: Concern) -> dict[str, bool]:
    """Whether each way in shows the concern (or its words) to the person."""
    client = scene.client(who)
    page = client.get(reverse("concerns:detail", args=(concern.pk,)))
    listing = client.get(reverse("concerns:list")).content.decode()
    search = client.get(reverse("concerns:list"), {"q": "Zanzibar"}).content.decode()
    csv = b"".join(client.get(reverse("concerns:export")).streaming_content).decode()  # type: ignore[attr-defined]
    api_one = client.get(f"/api/v1/concerns/{concern.pk}")
    api_list = client.get("/api/v1/concerns").json()
    home = client.get(reverse("web:home")).content.decode()
    return {
        "page": page.status_code == 200,
        "list": f"Concern {concern.pk}:" in listing,
        "count": "1 concern" in listing,
        "search": SECRET in search,
        "csv": f"\r\n{concern.pk}," in csv,
        "api": api_one.status_code == 200,
        "api list": any(c["id"] == concern.pk for c in api_list),
        "home": SECRET in home,
    }


NOWHERE = dict.fromkeys(
    ("page", "list", "count", "search", "csv", "api", "api list", "home"), False
)


@pytest.mark.cites("D 11.4")
def test_a_concern_about_an_officer_is_seen_only_by_the_raiser_and_the_head_of_service() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "officer", summary=f"The {SECRET}")
    for who in ("member", "head"):
        seen = _seen_by(scene, who, concern)
        assert seen == {**NOWHERE, **dict.fromkeys(seen, True), "home": False}, who
    for who in ("officer", "manager", "ceo", "director", "monitoring", "leader", "other", "chair"):
        assert _seen_by(scene, who, concern) == NOWHERE, who


@pytest.mark.cites("D 11.4")
def test_the_page_and_the_api_say_not_found_to_anyone_else_never_forbidden() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "officer")
    other = make_scene("elsewhere")
    for client in (scene.client("officer"), other.client("member"), other.client("monitoring")):
        assert client.get(reverse("concerns:detail", args=(concern.pk,))).status_code == 404
        assert client.get(f"/api/v1/concerns/{concern.pk}").status_code == 404
        assert (
            client.post(
                f"/api/v1/concerns/{concern.pk}/note",
                {"note": "x"},
                content_type="application/json",
            ).status_code
            == 404
        )
        url = reverse("concerns:action", args=(concern.pk, "note"))
        assert client.post(url, {"note-text": "x"}).status_code == 404
    assert concern.events.count() == 1


@pytest.mark.cites("D 11.3")
def test_the_member_concerned_sees_only_the_meeting_once_invited() -> None:
    scene = make_scene()
    concern = scene.raise_(
        "officer", "member", summary=f"The {SECRET}", details=f"{SECRET} details"
    )
    assert _seen_by(scene, "member", concern) == NOWHERE
    services.concern_meeting_arrange(
        actor=scene.actor("monitoring"),
        concern=concern,
        starts_at=clock.now() + dt.timedelta(days=3),
        minutes=45,
        place="Room 4",
    )
    seen = _seen_by(scene, "member", concern)
    assert seen["page"] and seen["api"] and seen["list"]
    assert not seen["search"] and not seen["home"]
    page = (
        scene.client("member").get(reverse("concerns:detail", args=(concern.pk,))).content.decode()
    )
    assert "Room 4" in page and SECRET not in page and "What you can do" not in page
    api = scene.client("member").get(f"/api/v1/concerns/{concern.pk}").json()
    assert (
        api["details"] == ""
        and api["summary"] == ""
        and api["events"] == []
        and api["actions"] == []
    )
    # The Group Leader and the Chief Executive are invited too, and see the same.
    for who in ("leader", "ceo"):
        assert _seen_by(scene, who, concern)["page"], who
    # The Chair of the Audit and Standards Committee was not invited.
    assert _seen_by(scene, "chair", concern) == NOWHERE


@pytest.mark.cites("N 3")
def test_norfolk_a_concern_is_seen_by_the_chief_officer_it_went_to_not_the_officer() -> None:
    scene = make_scene("norfolkish", "norfolk")
    concern = scene.raise_("member", "officer", summary=f"The {SECRET}")
    assert _seen_by(scene, "director", concern)["page"]
    for who in ("officer", "head", "manager", "monitoring", "ceo"):
        assert _seen_by(scene, who, concern) == NOWHERE, who
