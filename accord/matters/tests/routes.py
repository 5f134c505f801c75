"""Local matters' routes, with what each role must get (collected by `tests/routes.py`).

The roles' council is a district council; its officer is responsible for the matter, which affects the
roles' Member's ward. Each call of a kwargs function records a fresh matter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import Roles
from tests.routes import COUNCIL_API, COUNCIL_PAGE, SIGNED_IN_API, Route, council_slug, outcomes


def roles_matter(roles: Roles, kind: str = "consultation") -> Any:
    from accord.core import clock
    from accord.core.access import actor_for
    from accord.matters.services import matter_record

    officer_user, member_user = roles.user("officer"), roles.user("member")
    assert officer_user is not None and officer_user.officer is not None
    assert member_user is not None and member_user.member is not None
    officer = officer_user.officer
    start = clock.now() + dt.timedelta(days=20)
    return matter_record(
        actor=actor_for(officer_user),
        council=roles.council,
        title="Play area consultation",
        summary="Views on a new play area by the green.",
        kind=kind,
        service=officer.service,  # type: ignore[arg-type]
        responsible_officer=officer,
        starts_on=clock.today() + dt.timedelta(days=20),
        areas=list(member_user.member.areas.all()),
        meeting_start=start if kind == "public-meeting" else None,
        meeting_end=start + dt.timedelta(hours=1) if kind == "public-meeting" else None,
    )


def matter_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_matter(roles).pk}


def matter_action(name: str) -> Any:
    return lambda roles: {"pk": roles_matter(roles).pk, "action": name}


def matter_api_id(roles: Roles) -> dict[str, Any]:
    return {"matter_id": roles_matter(roles).pk}


def meeting_api_id(roles: Roles) -> dict[str, Any]:
    return {"matter_id": roles_matter(roles, "public-meeting").pk}


# Officers and democratic services see every matter; a Member those of their ward (the roles' Member's).
OFFICERS_PAGE = outcomes(200, anonymous=302, member=404, other_council=404)
MEMBER_PAGE = outcomes(404, anonymous=302, member=200, other_council=200)
RECORD_PAGE = outcomes(200, anonymous=302, member=404, other_council=404)
# The responsible officer, a Chief Officer and democratic services manage the matter (D 5.2).
MANAGE_POST = outcomes(404, anonymous=302, officer=302, chief_officer=302, democratic_services=302)
MANAGE_API = outcomes(
    404,
    anonymous=401,
    officer=200,
    chief_officer=200,
    democratic_services=200,
    member=400,
    monitoring_officer=400,
)

WEB_ROUTES = [
    Route("matters:mine", MEMBER_PAGE),
    Route("matters:mine", MEMBER_PAGE, query="kind=consultation&page=2"),
    Route("matters:detail", COUNCIL_PAGE, kwargs=matter_pk),
    Route("matters:list", OFFICERS_PAGE, kwargs=council_slug),
    Route("matters:list", OFFICERS_PAGE, kwargs=council_slug, query="kind=nonsense"),
    Route("matters:record", RECORD_PAGE, kwargs=council_slug),
    # An empty form: the page again naming each field (400); nothing is recorded.
    Route(
        "matters:record",
        outcomes(400, anonymous=302, member=404, other_council=404),
        kwargs=council_slug,
        method="post",
    ),
    Route(
        "matters:action",
        MANAGE_POST,
        kwargs=matter_action("consultation-start"),
        method="post",
        html=False,
    ),
    Route("matters:report", COUNCIL_PAGE, kwargs=council_slug),
    Route("matters:report-csv", COUNCIL_PAGE, kwargs=council_slug, html=False),
]

_ACTIONS: dict[str, tuple[dict[str, Any], dict[str, int], Any]] = {
    "update": (
        {"title": "Play area: second thoughts", "summary": "Smaller."},
        MANAGE_API,
        matter_api_id,
    ),
    # No area at all: a 422 naming `areas` for those who may act.
    "area-add": (
        {},
        {**MANAGE_API, "officer": 422, "chief_officer": 422, "democratic_services": 422},
        matter_api_id,
    ),
    # Every local Member was informed on recording: nothing outstanding, so offered to nobody.
    "inform-outstanding": (
        {},
        {**MANAGE_API, "officer": 400, "chief_officer": 400, "democratic_services": 400},
        matter_api_id,
    ),
    "consultation-start": ({}, MANAGE_API, matter_api_id),
    # The local Member gives a view on a consultation (N 24); nobody else may.
    "respond": (
        {"text": "I support it."},
        outcomes(400, anonymous=401, member=200, other_council=404),
        matter_api_id,
    ),
    "meeting-change": (
        {"meeting_start": "2030-01-01T18:00:00+00:00", "meeting_end": "2030-01-01T19:00:00+00:00"},
        MANAGE_API,
        meeting_api_id,
    ),
    "meeting-cancel": ({"text": "Flooding"}, MANAGE_API, meeting_api_id),
    "close": ({"note": ""}, MANAGE_API, matter_api_id),
}
for _outcome in _ACTIONS.values():
    _outcome[1]["other_council"] = 404

API_ROUTES = [
    Route("/api/v1/matters", SIGNED_IN_API, html=False),
    Route("/api/v1/matters", SIGNED_IN_API, query="kind=consultation&page=2", html=False),
    # An empty body: a 422 naming the fields for those who record matters; anyone else a 404.
    Route(
        "/api/v1/matters",
        outcomes(422, anonymous=401),
        method="post",
        html=False,
    ),
    Route(
        "/api/v1/matters/place-areas",
        outcomes(422, anonymous=401),
        method="post",
        data={"postcode": "ZZ9 9ZZ"},
        html=False,
    ),
    Route("/api/v1/matters/{matter_id}", COUNCIL_API, kwargs=matter_api_id, html=False),
    Route("/api/v1/councils/{slug}/matters/report", COUNCIL_API, kwargs=council_slug, html=False),
    *(
        Route(
            f"/api/v1/matters/{{matter_id}}/{name}",
            expect,
            kwargs=kwargs,
            method="post",
            data=data,
            html=False,
        )
        for name, (data, expect, kwargs) in _ACTIONS.items()
    ),
]
