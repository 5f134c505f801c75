"""Every route of premises, visits and appointments, with what each role gets (see `tests/routes.py`).

The roles' council is a district council; the visit and appointment rows are made directly, so the pages
and the permission link are tried whatever the profile (the rules themselves are tested on Norfolk's)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import Roles
from tests.routes import COUNCIL_API, COUNCIL_PAGE, SIGNED_IN_API, Route, council_slug, outcomes


def _user(roles: Roles, role: str) -> Any:
    user = roles.user(role)
    assert user is not None
    return user


def _premises(roles: Roles) -> Any:
    from accord.visits.tests.factories import PremisesFactory

    member = _user(roles, "member").member
    return PremisesFactory(council=roles.council, area=member.areas.first())


def premises_kwargs(roles: Roles) -> dict[str, Any]:
    return {"slug": roles.council.slug, "pk": _premises(roles).pk}


def _visit(roles: Roles, **fields: Any) -> Any:
    from accord.visits.tests.factories import VisitFactory

    premises = _premises(roles)
    return VisitFactory(
        council=roles.council, member=_user(roles, "member").member, premises=premises, **fields
    )


def visit_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": _visit(roles, token="").pk}


def visit_id(roles: Roles) -> dict[str, Any]:
    return {"case_id": _visit(roles, token="").pk}


def visit_withdraw(roles: Roles) -> dict[str, Any]:
    return {**visit_pk(roles), "action": "visit-withdraw"}


def link(state: str) -> Any:
    """A permission link, fresh for each role: live, used, expired, or forged (names no visit)."""
    import secrets

    from accord.core import clock

    def make(roles: Roles) -> dict[str, Any]:
        token = secrets.token_urlsafe(32)
        if state == "forged":
            _visit(roles, token=secrets.token_urlsafe(32))
            return {"token": token}
        fields: dict[str, Any] = {"token": token}
        if state == "used":
            fields.update(
                created_at=clock.now() - dt.timedelta(hours=1),
                link_used_at=clock.now(),
                answered_at=clock.now(),
                state="agreed",
            )
        if state == "expired":
            fields["link_expires_at"] = clock.now() - dt.timedelta(minutes=1)
        _visit(roles, **fields)
        return {"token": token}

    return make


def _appointment(roles: Roles) -> Any:
    from accord.visits.tests.factories import AppointmentFactory

    return AppointmentFactory(
        council=roles.council,
        member=_user(roles, "member").member,
        officer=_user(roles, "officer").officer,
    )


def appointment_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": _appointment(roles).pk}


def appointment_id(roles: Roles) -> dict[str, Any]:
    return {"case_id": _appointment(roles).pk}


def appointment_confirm(roles: Roles) -> dict[str, Any]:
    return {**appointment_pk(roles), "action": "appointment-confirm"}


# Every person of the council reads the register; democratic services keep it.
REGISTER_KEEPER = outcomes(404, anonymous=302, democratic_services=200)
# A Member's own visit: the Member, and those who see every visit of the council.
VISIT_PAGE = outcomes(200, anonymous=302, officer=404, other_council=404)
VISIT_API = outcomes(200, anonymous=401, officer=404, other_council=404)
# A Member's page (another council's Member has their own).
MEMBER_PAGE = outcomes(404, anonymous=302, member=200, other_council=200)
# The list of what the person may see (an officer's is empty).
VISITS_LIST = outcomes(200, anonymous=302)
# An appointment: only its Member and its officer.
APPOINTMENT_PAGE = outcomes(404, anonymous=302, member=200, officer=200)
APPOINTMENT_API = outcomes(404, anonymous=401, member=200, officer=200)
# The permission-giver's link: no account needed, so every role gets the same answer.
LINK_OPEN, LINK_GONE, LINK_FORGED = outcomes(200), outcomes(410), outcomes(404)

WEB_ROUTES: list[Route] = [
    Route("visits:premises", COUNCIL_PAGE, kwargs=council_slug),
    Route("visits:premises-detail", COUNCIL_PAGE, kwargs=premises_kwargs),
    Route("visits:premises-add", REGISTER_KEEPER, kwargs=council_slug),
    # An empty form: the page again naming each field (400), for democratic services only.
    Route(
        "visits:premises-add",
        outcomes(404, anonymous=302, democratic_services=400),
        kwargs=council_slug,
        method="post",
    ),
    Route("visits:mine", VISITS_LIST),
    Route("visits:request", MEMBER_PAGE),
    Route(
        "visits:request",
        outcomes(404, anonymous=302, member=400, other_council=400),
        method="post",
    ),
    Route("visits:detail", VISIT_PAGE, kwargs=visit_pk),
    Route(
        "visits:action",
        outcomes(404, anonymous=302, member=302),
        kwargs=visit_withdraw,
        method="post",
        html=False,
    ),
    Route("visits:permission", LINK_OPEN, kwargs=link("open")),
    Route("visits:permission", LINK_GONE, kwargs=link("used")),
    Route("visits:permission", LINK_GONE, kwargs=link("expired")),
    Route("visits:permission", LINK_FORGED, kwargs=link("forged"), html=False),
    # Answering: once per link (each role has its own), refused once used or expired, 404 when forged.
    Route(
        "visits:permission",
        outcomes(200),
        kwargs=link("open"),
        method="post",
        data={"decision": "agree", "note": "Please sign in at reception."},
    ),
    Route(
        "visits:permission",
        outcomes(400),
        kwargs=link("open"),
        method="post",
        data={"decision": "maybe"},
    ),
    Route(
        "visits:permission",
        LINK_GONE,
        kwargs=link("used"),
        method="post",
        data={"decision": "agree"},
    ),
    Route(
        "visits:permission",
        LINK_GONE,
        kwargs=link("expired"),
        method="post",
        data={"decision": "agree"},
    ),
    Route(
        "visits:permission",
        LINK_FORGED,
        kwargs=link("forged"),
        method="post",
        data={"decision": "agree"},
        html=False,
    ),
    Route("visits:appointments", outcomes(200, anonymous=302, democratic_services=200)),
    Route("visits:appointment-book", MEMBER_PAGE),
    Route(
        "visits:appointment-book",
        outcomes(404, anonymous=302, member=400, other_council=400),
        method="post",
    ),
    Route("visits:appointment", APPOINTMENT_PAGE, kwargs=appointment_pk),
    Route(
        "visits:appointment-action",
        outcomes(404, anonymous=302, officer=302),
        kwargs=appointment_confirm,
        method="post",
        html=False,
    ),
]

API_ROUTES: list[Route] = [
    Route("/api/v1/premises", SIGNED_IN_API, html=False),
    Route(
        "/api/v1/premises/{premises_id}",
        COUNCIL_API,
        kwargs=lambda r: {"premises_id": _premises(r).pk},
        html=False,
    ),
    Route("/api/v1/premises", outcomes(422, anonymous=401), method="post", html=False),
    Route("/api/v1/visits", SIGNED_IN_API, html=False),
    Route(
        "/api/v1/visits/{visit_id}",
        VISIT_API,
        kwargs=lambda r: {"visit_id": visit_id(r)["case_id"]},
        html=False,
    ),
    Route("/api/v1/visits", outcomes(422, anonymous=401), method="post", html=False),
    Route(
        "/api/v1/visits/{case_id}/visit-withdraw",
        outcomes(400, anonymous=401, member=200, officer=404, other_council=404),
        kwargs=visit_id,
        method="post",
        data={"note": ""},
        html=False,
    ),
    Route("/api/v1/appointments", SIGNED_IN_API, html=False),
    Route(
        "/api/v1/appointments/{appointment_id}",
        APPOINTMENT_API,
        kwargs=lambda r: {"appointment_id": appointment_id(r)["case_id"]},
        html=False,
    ),
    Route("/api/v1/appointments", outcomes(422, anonymous=401), method="post", html=False),
]
_APPOINTMENT_ACTIONS = {
    "appointment-confirm": ({"note": "See you then"}, "officer"),
    "appointment-counter": (
        {"starts_at": "2099-01-05T10:00:00+00:00", "ends_at": "2099-01-05T11:00:00+00:00"},
        "",
    ),
    "appointment-accept": ({"note": ""}, ""),
    "appointment-change": (
        {
            "starts_at": "2099-01-05T10:00:00+00:00",
            "ends_at": "2099-01-05T11:00:00+00:00",
            "mode": "online",
            "meeting_link": "https://meet.example.org/x",
        },
        "",
    ),
    "appointment-cancel": ({"reason": "No longer needed"}, "member"),
}
for _name, (_data, _who) in _APPOINTMENT_ACTIONS.items():
    _expect = outcomes(404, anonymous=401, member=400, officer=400)
    if _who:
        _expect[_who] = 200
    if "starts_at" in _data:
        # A time more than a year ahead: a 422 naming starts_at for either party, before any state.
        _expect.update(member=422, officer=422)
    if _name == "appointment-cancel":
        _expect["officer"] = 200
    API_ROUTES.append(
        Route(
            f"/api/v1/appointments/{{case_id}}/{_name}",
            _expect,
            kwargs=appointment_id,
            method="post",
            data=_data,
            html=False,
        )
    )
