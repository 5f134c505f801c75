"""The Monitoring Officer's rulings (D 12): shown beside the paragraph on the protocol page and beside
every decision citing it, with its date; a superseded ruling stays in the history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accord.concerns.tests.factories import make_scene
from accord.core.errors import AccordError
from accord.rulings import services
from accord.rulings.models import Ruling

pytestmark = pytest.mark.django_db
READING = "Conduct at a ward surgery counts as conduct towards the officer."


@pytest.mark.cites("D 12")
def test_a_ruling_shows_beside_its_paragraph_on_the_protocol_page() -> None:
    scene = make_scene()
    services.ruling_record(
        actor=scene.actor("monitoring"), paragraph="11.4", interpretation=READING
    )
    page = scene.client("member").get(reverse("web:protocol", args=(scene.council.slug,)))
    html = page.content.decode()
    at = html.index('id="d-11-4"') if 'id="d-11-4"' in html else html.index("11.4")
    assert READING in html[at:]
    assert html.index(READING) < html.index("11.5", at)


@pytest.mark.cites("D 12", "D 11.4")
def test_a_ruling_shows_beside_every_decision_citing_its_paragraph_in_page_and_api() -> None:
    scene = make_scene()
    concern = scene.raise_("member", "officer")
    services.ruling_record(
        actor=scene.actor("monitoring"), paragraph="11.4", interpretation=READING
    )
    page = (
        scene.client("member").get(reverse("concerns:detail", args=(concern.pk,))).content.decode()
    )
    assert READING in page and "Monitoring Officer&#x27;s ruling" in page
    body = scene.client("member").get(f"/api/v1/concerns/{concern.pk}").json()
    notes = body["citations"][0]["notes"]
    assert notes[0]["text"] == READING and notes[0]["date"]
    other = make_scene("elsewhere")
    other_concern = other.raise_("member", "officer")
    other_page = other.client("member").get(reverse("concerns:detail", args=(other_concern.pk,)))
    assert READING not in other_page.content.decode()


@pytest.mark.cites("D 12")
def test_a_superseded_ruling_stays_in_the_history_and_only_the_current_one_shows() -> None:
    scene = make_scene()
    mo = scene.actor("monitoring")
    first = services.ruling_record(actor=mo, paragraph="6.3", interpretation="First reading.")
    second = services.ruling_record(
        actor=mo, paragraph="6.3", interpretation="Second reading.", supersedes=first
    )
    assert second.supersedes == first
    listing = (
        scene.client("officer")
        .get(reverse("rulings:list", args=(scene.council.slug,)))
        .content.decode()
    )
    assert "First reading." in listing and "Second reading." in listing and "Superseded" in listing
    protocol = scene.client("officer").get(reverse("web:protocol", args=(scene.council.slug,)))
    assert "Second reading." in protocol.content.decode()
    assert "First reading." not in protocol.content.decode()
    api = scene.client("officer").get("/api/v1/rulings", {"paragraph": "6.3"}).json()
    assert [(r["interpretation"], r["current"]) for r in api] == [
        ("Second reading.", True),
        ("First reading.", False),
    ]
    with pytest.raises(AccordError, match="already been superseded"):
        services.ruling_record(actor=mo, paragraph="6.3", interpretation="Third.", supersedes=first)
    with pytest.raises(AccordError, match="cannot supersede"):
        services.ruling_record(actor=mo, paragraph="6.2", interpretation="x", supersedes=second)
    assert Ruling.objects.count() == 2


@pytest.mark.cites("D 12")
@pytest.mark.parametrize("who", ["member", "officer", "ceo", "director"])
def test_only_the_monitoring_officer_records_a_ruling(who: str) -> None:
    scene = make_scene()
    with pytest.raises(AccordError, match="Only the Monitoring Officer") as refused:
        services.ruling_record(actor=scene.actor(who), paragraph="6.3", interpretation="x")
    assert refused.value.citations[0].label == "D 12"
    assert scene.client(who).get(reverse("rulings:record")).status_code == 404
    api = scene.client(who).post(
        "/api/v1/rulings",
        {"paragraph": "6.3", "interpretation": "x"},
        content_type="application/json",
    )
    assert api.status_code == 400 and api.json()["citations"][0]["label"] == "D 12"
    assert not Ruling.objects.exists()


@pytest.mark.cites("D 12")
def test_bad_input_names_the_field_and_saves_nothing() -> None:
    scene = make_scene()
    client = scene.client("monitoring")
    response = client.post(reverse("rulings:record"), {"paragraph": "", "interpretation": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose the paragraph the ruling interprets" in html
    assert "Enter how the paragraph is to be read" in html
    api = client.post(
        "/api/v1/rulings",
        {"paragraph": "99", "interpretation": "x"},
        content_type="application/json",
    )
    assert api.status_code == 422 and api.json()["errors"] == [
        {"field": "paragraph", "message": "There is no paragraph 99 in the council's protocol"}
    ]
    api = client.post(
        "/api/v1/rulings",
        {"paragraph": "6.3", "interpretation": "x", "supersedes_id": 999999},
        content_type="application/json",
    )
    assert api.status_code == 422 and api.json()["errors"][0]["field"] == "supersedes_id"
    assert not Ruling.objects.exists()


@pytest.mark.cites("D 12")
def test_norfolks_protocol_has_no_rulings_procedure() -> None:
    scene = make_scene("norfolkish", "norfolk")
    with pytest.raises(AccordError, match="does not provide"):
        services.ruling_record(actor=scene.actor("monitoring"), paragraph="3", interpretation="x")
    assert scene.client("monitoring").get(reverse("rulings:record")).status_code == 404
