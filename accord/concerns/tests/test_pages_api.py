"""Raising a concern from the page and the API: the guidance shown, bad input named and nothing saved, the
route and its citations in the answer (D 4.5-4.6, D 11.4, N 3)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accord.concerns.models import Concern
from accord.notifications.models import OutboxMessage

from .factories import make_scene

pytestmark = pytest.mark.django_db


@pytest.mark.cites("D 4.5", "D 4.6", "D 11.1")
def test_the_raise_page_shows_the_guidance_on_constructive_criticism() -> None:
    scene = make_scene()
    page = scene.client("member").get(reverse("concerns:raise")).content.decode()
    assert "D 4.5" in page and "D 4.6" in page and "D 11.1" in page
    assert "It may be unlawful conduct" in page


@pytest.mark.cites("N 3")
def test_norfolks_raise_page_shows_its_principles_and_no_whistleblowing() -> None:
    scene = make_scene("norfolkish", "norfolk")
    page = scene.client("member").get(reverse("concerns:raise")).content.decode()
    assert "N 3" in page and "unlawful conduct" not in page


@pytest.mark.cites("D 11.4")
def test_a_concern_raised_from_the_page_says_where_it_went() -> None:
    scene = make_scene()
    response = scene.client("member").post(
        reverse("concerns:raise"),
        {
            "about": f"officer-{scene['officer'].pk}",
            "summary": "Dismissive at the surgery",
            "details": "Would not listen.",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Head of Service / Service Manager" in page and "D 11.4" in page
    assert Concern.objects.get().handler == scene["head"]


@pytest.mark.cites("D 11.4")
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select the Member or officer the concern is about"),
        ({"about": "officer-999999", "summary": "x", "details": "y"}, "Select a valid choice"),
        ({"about": "member-1", "summary": "a\x00b", "details": "y"}, "In a few words"),
        ({"summary": "x" * 201, "details": "y"}, "200 characters"),
    ],
)
def test_bad_input_on_the_page_names_the_field_and_saves_nothing(data: dict, message: str) -> None:  # type: ignore[type-arg]
    scene = make_scene()
    response = scene.client("member").post(reverse("concerns:raise"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Concern.objects.exists() and not OutboxMessage.objects.exists()


@pytest.mark.cites("D 11.2")
def test_a_refusal_on_the_page_shows_its_citation_and_saves_nothing() -> None:
    scene = make_scene()
    response = scene.client("other").post(
        reverse("concerns:raise"),
        {"about": f"member-{scene['member'].pk}", "summary": "x", "details": "y"},
    )
    assert response.status_code == 400
    assert (
        "This cannot be done" in response.content.decode() and "D 11.2" in response.content.decode()
    )
    assert not Concern.objects.exists()


@pytest.mark.cites("D 11.2")
def test_the_api_raises_a_concern_and_answers_its_route_with_citations() -> None:
    scene = make_scene()
    response = scene.client("officer").post(
        "/api/v1/concerns",
        {"about_member_id": scene["member"].pk, "summary": "Shouted", "details": "At the depot."},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["sent_to"] == "Mo Monitoring" and body["citations"][0]["label"] == "D 11.2"
    assert body["actions"] == ["note", "withdraw"]


@pytest.mark.cites("D 11.2")
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"summary": "x", "details": "y"}, "about_member_id"),
        (
            {"about_member_id": 1, "about_officer_id": 1, "summary": "x", "details": "y"},
            "about_member_id",
        ),
        ({"about_member_id": 999999, "summary": "x", "details": "y"}, "about_member_id"),
        ({"about_officer_id": 0, "summary": "x", "details": "y"}, "about_officer_id"),
        ({"about_member_id": 1, "summary": "x" * 201, "details": "y"}, "summary"),
        ({"about_member_id": 1, "summary": "x\x07", "details": "y"}, "summary"),
        ({"about_member_id": 1, "summary": "x", "details": "y", "extra": 1}, "extra"),
    ],
)
def test_bad_input_to_the_api_is_a_422_naming_the_field(body: dict, field: str) -> None:  # type: ignore[type-arg]
    scene = make_scene()
    response = scene.client("officer").post(
        "/api/v1/concerns", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not Concern.objects.exists()


@pytest.mark.cites("D 11.3")
def test_the_meeting_through_the_api_refuses_a_time_in_the_past_naming_it() -> None:
    scene = make_scene()
    concern = scene.raise_("officer", "member")
    response = scene.client("monitoring").post(
        f"/api/v1/concerns/{concern.pk}/meeting-arrange",
        {"starts_at": "2001-01-01T10:00:00+00:00", "minutes": 60, "place": "Room"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "starts_at", "message": "The meeting must start in the future"}
    ]
    concern.refresh_from_db()
    assert concern.state == Concern.State.RAISED and not hasattr(concern, "meeting")
    bad = scene.client("monitoring").post(
        f"/api/v1/concerns/{concern.pk}/meeting-arrange",
        {"starts_at": "2030-01-01T10:00:00", "minutes": 60, "place": "Room"},
        content_type="application/json",
    )
    assert bad.status_code == 422
