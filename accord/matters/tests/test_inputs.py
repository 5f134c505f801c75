"""Bad input gets a clear message naming the field, and nothing is saved (pages and API)."""

from __future__ import annotations

from typing import Any

import pytest

from accord.matters.models import Matter, Receipt
from accord.notifications.models import OutboxMessage

from .factories import Scene


def form(scene: Scene, **extra: Any) -> dict[str, Any]:
    return {
        "title": "Parking review",
        "summary": "Early thoughts.",
        "kind": "policy",
        "service": str(scene.service.pk),
        "responsible_officer": str(scene.officer.pk),
        "starts_on": "2030-01-31",
        **extra,
    }


def body(scene: Scene, **extra: Any) -> dict[str, Any]:
    return {
        "title": "Parking review",
        "summary": "Early thoughts.",
        "kind": "policy",
        "service_id": scene.service.pk,
        "responsible_officer_id": scene.officer.pk,
        "starts_on": "2030-01-31",
        **extra,
    }


def nothing_saved() -> None:
    assert not Matter.objects.exists()
    assert not Receipt.objects.exists()
    assert not OutboxMessage.objects.exists()


def post_api(scene: Scene, data: dict[str, Any]) -> Any:
    return scene.client("officer").post("/api/v1/matters", data, content_type="application/json")


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ({"postcode": "ZZ9 9ZZ"}, "postcode", "has no postcode ZZ9 9ZZ"),
        ({"latitude": "52.6", "longitude": "1.3"}, "latitude", "no area boundaries yet"),
        ({"easting": "620000", "northing": "308000"}, "easting", "no area boundaries yet"),
        (
            {"polygon": '{"type": "Polygon", "coordinates": []}'},
            "polygon",
            "no area boundaries yet",
        ),
        ({"polygon": "not json"}, "polygon", "GeoJSON Polygon"),
        ({"polygon": "[" * 50_000}, "polygon", "GeoJSON Polygon"),
        ({"latitude": "52.6"}, "longitude", "both the latitude and the longitude"),
        ({"latitude": "91", "longitude": "1"}, "latitude", "less than or equal to 90"),
        ({}, "areas", "Choose the wards"),
        ({"areas": ["999999"]}, "areas", "Choose wards of"),
        ({"starts_on": "2200-01-01"}, "starts_on", "between 1 January 2000"),
        ({"title": "Bad\x07title"}, "title", "Title"),
        ({"kind": "gossip"}, "kind", "Select a valid choice"),
    ],
)
def test_the_page_names_the_field_and_saves_nothing(
    district: Scene, extra: dict[str, Any], field: str, words: str
) -> None:
    response = district.client("officer").post(
        f"/councils/{district.council.slug}/matters/new/", form(district, **extra)
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    assert words in " ".join(errors[field])
    nothing_saved()


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"postcode": "ZZ9 9ZZ"}, "postcode"),
        ({"latitude": 52.6, "longitude": 1.3}, "latitude"),
        (
            {
                "polygon": {
                    "type": "Polygon",
                    "coordinates": [[[1, 52], [1.1, 52], [1, 52.1], [1, 52]]],
                }
            },
            "polygon",
        ),
        ({"area_ids": [999999]}, "area_ids"),
        ({"latitude": 10**400, "longitude": 1.3}, "latitude"),
        ({}, "areas"),
        ({"kind": "gossip"}, "kind"),
        ({"service_id": 999999}, "service_id"),
        ({"starts_on": "2200-01-01"}, "starts_on"),
        ({"kind": "public-meeting"}, "meeting_start"),
        ({"title": "x" * 201}, "title"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_the_api_names_the_field_and_saves_nothing(
    district: Scene, extra: dict[str, Any], field: str
) -> None:
    response = post_api(district, body(district, **extra))
    assert response.status_code == 422, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    nothing_saved()


def test_another_councils_area_is_unknown_here(district: Scene, norfolk: Scene) -> None:
    response = post_api(district, body(district, area_ids=[norfolk.north.pk]))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "area_ids"
    assert "there is no area" in response.json()["detail"]


def test_place_lookup_through_the_api(district: Scene) -> None:
    client = district.client("ann")
    ok = client.post(
        "/api/v1/matters/place-areas", {"postcode": "ac12ab"}, content_type="application/json"
    )
    assert ok.status_code == 200
    assert ok.json() == {
        "how": "postcode",
        "areas": [{"id": district.south.pk, "name": "South", "how": "postcode"}],
    }
    bad = client.post(
        "/api/v1/matters/place-areas",
        {"latitude": 52.1, "longitude": 1.2},
        content_type="application/json",
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "latitude"


def test_recording_through_the_api(district: Scene) -> None:
    response = post_api(district, body(district, area_ids=[district.north.pk], postcode="AC1 2AB"))
    assert response.status_code == 201
    data = response.json()
    assert [a["name"] for a in data["areas"]] == ["North", "South"]
    assert {r["member"] for r in data["receipts"]} == {
        "Cllr Ann Able",
        "Cllr Bob Brown",
        "Cllr Cat Cole",
    }
    assert data["receipts"][0]["citations"][0]["label"] == "D 5.3"
    assert "update" in data["actions"]


@pytest.mark.cites("D 5.3")
@pytest.mark.parametrize(
    ("extra", "field"),
    [({"latitude": 52.6, "longitude": 1.3}, "latitude"), ({}, "areas")],
)
def test_an_api_refusal_naming_a_field_shows_its_paragraphs(
    district: Scene, extra: dict[str, Any], field: str
) -> None:
    response = post_api(district, body(district, **extra))
    assert response.status_code == 422, response.content
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert "D 5.3" in [c["label"] for c in response.json()["citations"]]
    place = district.client("officer").post(
        "/api/v1/matters/place-areas",
        extra or {"postcode": "ZZ9 9ZZ"},
        content_type="application/json",
    )
    assert place.status_code == 422, place.content
    assert [c["label"] for c in place.json()["citations"]] == ["D 5.3"]
    nothing_saved()
