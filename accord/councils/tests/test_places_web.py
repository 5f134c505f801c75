"""The places API, the areas page's map and "which areas does this place affect?" (D 5.3, N 21).

Seen from outside: another council's boundaries and lookups are a 404; a bad place is a 422 (API) or the
page again (400) naming the field; nothing is saved by a lookup.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.councils.models import AreaBoundary, Council
from conftest import Roles

from .places_support import CASTLE_POINT, ON_THE_BOUNDARY, OUTSIDE, with_boundaries

pytestmark = pytest.mark.django_db


def client_for(roles: Roles, role: str = "member") -> Client:
    client = Client()
    client.force_login(roles.user(role))  # type: ignore[arg-type]
    return client


def places_url(council: Council) -> str:
    return f"/api/v1/councils/{council.slug}/places/areas"


@pytest.mark.cites("D 5.3")
def test_the_api_finds_both_wards_of_a_point_on_their_boundary(roles: Roles) -> None:
    abbey, castle = with_boundaries(roles.council)
    lat, lon = ON_THE_BOUNDARY
    answer = client_for(roles).get(places_url(roles.council), {"latitude": lat, "longitude": lon})
    assert answer.status_code == 200
    body = answer.json()
    assert body["how"] == "point"
    assert body["areas"] == [
        {"id": abbey.pk, "name": "Abbey", "code": "E05000001"},
        {"id": castle.pk, "name": "Castle", "code": "E05000002"},
    ]
    assert [c["label"] for c in body["citations"]] == ["D 5.3"]


@pytest.mark.cites("D 5.3")
def test_the_api_takes_a_drawn_area(roles: Roles) -> None:
    with_boundaries(roles.council)
    ring = [[1.289, 52.63], [1.291, 52.63], [1.291, 52.632], [1.289, 52.632], [1.289, 52.63]]
    answer = client_for(roles).post(
        places_url(roles.council),
        {"polygon": {"type": "Polygon", "coordinates": [ring]}},
        content_type="application/json",
    )
    assert answer.status_code == 200
    assert [a["name"] for a in answer.json()["areas"]] == ["Abbey", "Castle"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"latitude": OUTSIDE[0], "longitude": OUTSIDE[1]}, "latitude"),
        ({"latitude": 52.6}, "longitude"),
        ({"latitude": 95, "longitude": 1}, "latitude"),
        ({"latitude": "nan", "longitude": 1}, "latitude"),
        ({"easting": 10, "northing": 2_000_000}, "northing"),
        ({"postcode": "ZZ9 9ZZ"}, "postcode"),
        ({"postcode": "AC1\x001AB"}, "postcode"),
        ({"postcode": "AC1 1AB", "latitude": 52.6, "longitude": 1.2}, "latitude"),
        ({}, "postcode"),
    ],
)
def test_a_bad_place_is_a_422_naming_the_field(
    roles: Roles, query: dict[str, Any], field: str
) -> None:
    with_boundaries(roles.council)
    answer = client_for(roles).get(places_url(roles.council), query)
    assert answer.status_code == 422, answer.content
    assert [e["field"] for e in answer.json()["errors"]] == [field]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"polygon": {"type": "Polygon", "coordinates": [[[1.28, 52.6], [1.29, 52.6]]]}},
            "polygon",
        ),
        ({"polygon": {"type": "Point", "coordinates": [1.28, 52.6]}}, "polygon"),
        ({"polygon": "x"}, "polygon"),
        (
            {
                "polygon": {
                    "type": "Polygon",
                    "coordinates": [
                        [[10**400, 52.6], [1.29, 52.6], [1.29, 52.61], [10**400, 52.6]]
                    ],
                }
            },
            "polygon",
        ),
        ({"shape": {}}, "polygon shape"),
        ([1], "body"),
    ],
)
def test_a_bad_drawn_area_is_a_422_naming_the_field(roles: Roles, body: Any, field: str) -> None:
    with_boundaries(roles.council)
    answer = client_for(roles).post(
        places_url(roles.council), body, content_type="application/json"
    )
    assert answer.status_code == 422, answer.content
    assert " ".join(e["field"] for e in answer.json()["errors"]) == field


def test_another_councils_places_and_boundaries_are_not_found(roles: Roles) -> None:
    with_boundaries(roles.council)
    client = client_for(roles, "other_council")
    slug = roles.council.slug
    assert client.get(places_url(roles.council), {"postcode": "AC1 1AB"}).status_code == 404
    assert client.get(f"/api/v1/councils/{slug}/areas/boundaries").status_code == 404
    assert client.get(reverse("web:areas", kwargs={"slug": slug})).status_code == 404
    # The other council's own answer says nothing of these boundaries.
    own = client.get(f"/api/v1/councils/{roles.other_council.slug}/areas/boundaries")
    assert own.json() == {"type": "FeatureCollection", "features": []}


def test_the_boundaries_are_a_geojson_feature_collection(roles: Roles) -> None:
    abbey, _castle = with_boundaries(roles.council)
    body = client_for(roles).get(f"/api/v1/councils/{roles.council.slug}/areas/boundaries").json()
    assert body["type"] == "FeatureCollection"
    first = body["features"][0]
    assert first["properties"] == {"id": abbey.pk, "name": "Abbey", "code": "E05000001"}
    assert first["geometry"]["type"] == "Polygon"


def test_the_areas_page_draws_the_map_with_the_same_list(roles: Roles) -> None:
    with_boundaries(roles.council)
    page = client_for(roles).get(reverse("web:areas", kwargs={"slug": roles.council.slug}))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'role="img"' in html and 'aria-labelledby="area-map-title area-map-desc"' in html
    assert "0 of 2 wards marked." in html
    assert html.count("<path ") == 2
    assert "<li>Abbey" in html and "<li>Castle" in html


@pytest.mark.cites("D 5.3")
def test_the_areas_page_marks_the_wards_a_place_affects_and_cites_the_paragraph(
    roles: Roles,
) -> None:
    with_boundaries(roles.council)
    url = reverse("web:areas", kwargs={"slug": roles.council.slug})
    lat, lon = ON_THE_BOUNDARY
    html = (
        client_for(roles)
        .get(url, {"place": "1", "latitude": lat, "longitude": lon})
        .content.decode()
    )
    assert "This place affects 2 wards" in html
    assert "2 of 2 wards marked: Abbey, Castle" in html
    assert (
        len(re.findall(r'fill="url\(#area-map-hatch\)" stroke="#0b0c0c" stroke-width="3"', html))
        == 2
    )
    assert ">D 5.3</a>" in html


def test_the_areas_page_names_the_field_of_a_bad_place(roles: Roles) -> None:
    with_boundaries(roles.council)
    url = reverse("web:areas", kwargs={"slug": roles.council.slug})
    answer = client_for(roles).get(
        url, {"place": "1", "latitude": OUTSIDE[0], "longitude": OUTSIDE[1]}
    )
    html = answer.content.decode()
    assert answer.status_code == 400
    assert "There is a problem" in html and 'href="#id_latitude"' in html
    assert "outside every ward" in html
    assert "<title>Error: " in html
    answer = client_for(roles).get(url, {"place": "1", "latitude": "north", "longitude": 1})
    assert "Enter the latitude as a number of degrees" in answer.content.decode()
    assert AreaBoundary.objects.count() == 2


def test_without_boundaries_the_areas_page_has_no_map(roles: Roles) -> None:
    html = client_for(roles).get(reverse("web:areas", kwargs={"slug": roles.council.slug}))
    assert "<svg" not in html.content.decode()
    assert CASTLE_POINT  # the page is the table alone
