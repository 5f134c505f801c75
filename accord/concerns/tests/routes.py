"""The concern pages and API operations, with what each role gets (D 11, N 3).

The roles' Member raises a concern about the roles' officer; with no Head of Service recorded for the
officer's service it goes to the Chief Executive (the roles' Chief Officer). Only those two see it: every
other role, whatever their post, gets a 404.
"""

from __future__ import annotations

from typing import Any

from conftest import Roles
from tests.routes import SIGNED_IN_API, SIGNED_IN_PAGE, Route, outcomes


def roles_concern(roles: Roles) -> Any:
    from accord.concerns import services
    from accord.core.access import actor_for

    member = roles.user("member")
    officer = roles.user("officer")
    assert member is not None and officer is not None
    return services.concern_raise(
        actor=actor_for(member),
        summary="Dismissive reply at the ward surgery",
        details="The officer was dismissive when I asked about the bins.",
        about_officer=officer.officer,
    )


def roles_difficulty(roles: Roles, *, meeting: bool = False) -> Any:
    """The roles' officer's difficulty with the roles' Member (D 11.2), with the informal meeting of
    D 11.3 arranged when `meeting`: the Member and the Chief Executive are then invited."""
    import datetime as dt

    from accord.concerns import services
    from accord.core import clock
    from accord.core.access import actor_for

    member, officer, monitoring = (
        roles.user(r) for r in ("member", "officer", "monitoring_officer")
    )
    assert member is not None and officer is not None and monitoring is not None
    concern = services.concern_raise(
        actor=actor_for(officer),
        summary="Shouted at me in reception",
        details="The Member shouted at me when the report was late.",
        about_member=member.member,
    )
    if meeting:
        services.concern_meeting_arrange(
            actor=actor_for(monitoring),
            concern=concern,
            starts_at=clock.now() + dt.timedelta(days=7),
            minutes=60,
            place="Committee Room 1",
        )
    return concern


def concern_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_concern(roles).pk}


def concern_note(roles: Roles) -> dict[str, Any]:
    return {**concern_pk(roles), "action": "note"}


def concern_api_id(roles: Roles) -> dict[str, Any]:
    return {"concern_id": roles_concern(roles).pk}


# The Member who raised it and the Chief Executive it went to; no one else.
NAMED = outcomes(404, anonymous=302, member=200, chief_officer=200)

# An officer's difficulty with a Member: the officer and the Monitoring Officer; with the meeting arranged,
# the invitees too (the Member concerned and the Chief Executive), who see the meeting only.
DIFFICULTY = outcomes(404, anonymous=302, officer=200, monitoring_officer=200)
MEETING = outcomes(
    404, anonymous=302, officer=200, monitoring_officer=200, member=200, chief_officer=200
)

WEB_ROUTES = [
    Route("concerns:list", SIGNED_IN_PAGE),
    Route("concerns:list", SIGNED_IN_PAGE, query="q=bins&state=raised"),
    # An unknown state: the page again, naming the field (never a 500).
    Route("concerns:list", outcomes(400, anonymous=302), query="state=nonsense", html=False),
    Route("concerns:export", SIGNED_IN_PAGE, html=False),
    Route("concerns:raise", SIGNED_IN_PAGE),
    # Nothing filled in: the form again with every field's message.
    Route("concerns:raise", outcomes(400, anonymous=302), method="post", html=False),
    Route("concerns:detail", NAMED, kwargs=concern_pk),
    Route("concerns:detail", DIFFICULTY, kwargs=lambda roles: {"pk": roles_difficulty(roles).pk}),
    Route(
        "concerns:detail",
        MEETING,
        kwargs=lambda roles: {"pk": roles_difficulty(roles, meeting=True).pk},
    ),
    Route(
        "concerns:action",
        outcomes(404, anonymous=302, member=302, chief_officer=302),
        kwargs=concern_note,
        method="post",
        data={"note-text": "It happened again on Friday."},
        html=False,
    ),
]

_MEETING = {"starts_at": "2030-01-08T10:00:00+00:00", "minutes": 60, "place": "Room 2"}
_API_ACTIONS: dict[str, tuple[dict[str, Any], int, int]] = {
    # action: (body, the Member's status, the Chief Executive's status)
    "meeting-arrange": (_MEETING, 400, 400),
    "meeting-change": (_MEETING, 400, 400),
    "resolve": ({"note": "Apology given."}, 400, 200),
    "formal-complaint": ({"note": "x"}, 400, 400),
    "disciplinary": ({"note": "Repeated."}, 400, 200),
    "note": ({"note": "Again."}, 200, 200),
    "withdraw": ({"note": ""}, 200, 400),
}

API_ROUTES = [
    Route("/api/v1/concerns", SIGNED_IN_API, html=False),
    Route("/api/v1/concerns", outcomes(422, anonymous=401), method="post", html=False),
    Route(
        "/api/v1/concerns/{concern_id}",
        outcomes(404, anonymous=401, member=200, chief_officer=200),
        kwargs=concern_api_id,
        html=False,
    ),
    *(
        Route(
            f"/api/v1/concerns/{{concern_id}}/{name}",
            outcomes(404, anonymous=401, member=member, chief_officer=chief),
            kwargs=concern_api_id,
            method="post",
            data=body,
            html=False,
        )
        for name, (body, member, chief) in _API_ACTIONS.items()
    ),
]
