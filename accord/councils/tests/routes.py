"""The council model's place routes (D 5.3, N 21): the areas page with its map, and the places API.

The roles' council is given two wards with boundaries (Abbey, the roles' Member's ward, and Castle)."""

from __future__ import annotations

from typing import Any

from conftest import Roles
from tests.routes import COUNCIL_API, COUNCIL_PAGE, Route, outcomes


def council_with_boundaries(roles: Roles) -> dict[str, Any]:
    from accord.councils.tests.places_support import with_boundaries

    with_boundaries(roles.council)
    return {"slug": roles.council.slug}


ON_THE_BOUNDARY = "latitude=52.63&longitude=1.29"
DRAWN = {
    "polygon": {
        "type": "Polygon",
        "coordinates": [
            [[1.289, 52.63], [1.291, 52.63], [1.291, 52.632], [1.289, 52.632], [1.289, 52.63]]
        ],
    }
}

WEB_ROUTES = [
    Route("web:areas", COUNCIL_PAGE, kwargs=council_with_boundaries),
    Route(
        "web:areas",
        COUNCIL_PAGE,
        kwargs=council_with_boundaries,
        query=f"place=1&{ON_THE_BOUNDARY}",
    ),
    # A point outside every ward: the page again naming the field (400).
    Route(
        "web:areas",
        outcomes(400, anonymous=302, other_council=404),
        kwargs=council_with_boundaries,
        query="place=1&latitude=52.7&longitude=1.4",
    ),
]

API_ROUTES = [
    Route(
        "/api/v1/councils/{slug}/places/areas",
        COUNCIL_API,
        kwargs=council_with_boundaries,
        query=ON_THE_BOUNDARY,
        html=False,
    ),
    Route(
        "/api/v1/councils/{slug}/places/areas",
        COUNCIL_API,
        kwargs=council_with_boundaries,
        method="post",
        data=DRAWN,
        html=False,
    ),
    Route(
        "/api/v1/councils/{slug}/areas/boundaries",
        COUNCIL_API,
        kwargs=council_with_boundaries,
        html=False,
    ),
]
