"""The groups routes and what each role gets from them (`tests/routes.py` collects these).

The role Member's group holds a meeting with the Chief Officer, is offered another group's advice, and the
Member has asked the Chief Officer for a briefing: every other role is "not found" (D 7.3, N 14)."""

from __future__ import annotations

from typing import Any

from accord.core import clock
from accord.councils.models import Member, Officer, PoliticalGroup
from accord.groups.actions import BRIEFING_ACTIONS, MEETING_ACTIONS
from accord.groups.models import Briefing, GroupMeeting, ParityOffer
from conftest import Roles
from tests.routes import SIGNED_IN_API, SIGNED_IN_PAGE, Route, outcomes

MEMBERS = ("member", "other_council")
MEMBER_PAGE = outcomes(404, anonymous=302, member=200, other_council=200)
CASE_PAGE = outcomes(404, anonymous=302, member=200, chief_officer=200)
CASE_API = outcomes(404, anonymous=401, member=200, chief_officer=200)
SIGNED_IN_422 = outcomes(422, anonymous=401)


def _member(roles: Roles) -> Member:
    return Member.objects.get(council=roles.council, name="Alex Member")


def _chief(roles: Roles) -> Officer:
    return Officer.objects.get(council=roles.council, name="Chris Chief")


def _meeting(roles: Roles) -> GroupMeeting:
    member = _member(roles)
    existing = GroupMeeting.objects.filter(group=member.group, council=roles.council).first()
    if existing is not None:
        return existing
    return GroupMeeting.objects.create(
        council=roles.council,
        group=member.group,
        requested_by=member,
        meeting_date=clock.today(),
        place="Room 1",
        subject="Car parking charges",
        chief_officer=_chief(roles),
        officer=_chief(roles),
        profile=roles.council.profile,
        created_at=clock.now(),
    )


def _offer(roles: Roles) -> ParityOffer:
    member = _member(roles)
    existing = ParityOffer.objects.filter(group=member.group).first()
    if existing is not None:
        return existing
    other, _ = PoliticalGroup.objects.get_or_create(council=roles.council, name="Another Group")
    leader = Member.objects.create(council=roles.council, name="Avery Another", group=other)
    meeting = GroupMeeting.objects.create(
        council=roles.council,
        group=other,
        requested_by=leader,
        meeting_date=clock.today(),
        place="Room 2",
        subject="Leisure centre",
        chief_officer=_chief(roles),
        officer=_chief(roles),
        profile=roles.council.profile,
        created_at=clock.now(),
        state=GroupMeeting.State.ADVISED,
        advice="The centre closes in May.",
        advice_at=clock.now(),
    )
    return ParityOffer.objects.create(
        council=roles.council, group=member.group, meeting=meeting, offered_at=clock.now()
    )


def _briefing(roles: Roles) -> Briefing:
    member = _member(roles)
    existing = Briefing.objects.filter(requester=member).first()
    if existing is not None:
        return existing
    return Briefing.objects.create(
        council=roles.council,
        requester=member,
        officer=_chief(roles),
        subject="Budget pressures",
        state=Briefing.State.REQUESTED,
        created_at=clock.now(),
        profile=roles.council.profile,
    )


def meeting_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": _meeting(roles).pk}


def offer_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": _offer(roles).pk}


def briefing_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": _briefing(roles).pk}


def meeting_action(name: str) -> Any:
    return lambda roles: {"pk": _meeting(roles).pk, "action": name}


def briefing_action(name: str) -> Any:
    return lambda roles: {"pk": _briefing(roles).pk, "action": name}


WEB_ROUTES = [
    Route("groups:home", SIGNED_IN_PAGE),
    Route("groups:meetings-csv", SIGNED_IN_PAGE, html=False),
    Route("groups:meeting-new", MEMBER_PAGE),
    # A subject that is party-political business: the form again with the refusal and its citation.
    Route(
        "groups:meeting-new",
        outcomes(404, anonymous=302, member=400, other_council=400),
        method="post",
        data={"meeting_date": "2099-01-01", "place": "Room", "subject": "Candidate selection"},
    ),
    Route("groups:meeting", CASE_PAGE, kwargs=meeting_pk),
    Route(
        "groups:meeting-action",
        outcomes(404, anonymous=302, member=302, chief_officer=302),
        kwargs=meeting_action("report-breach"),
        method="post",
        data={"report-breach-text": "Our views reached another group."},
        html=False,
    ),
    Route("groups:offer", outcomes(404, anonymous=302, member=200), kwargs=offer_pk),
    Route("groups:briefing-new", MEMBER_PAGE),
    Route("groups:briefing", CASE_PAGE, kwargs=briefing_pk),
    Route(
        "groups:briefing-action",
        outcomes(404, anonymous=302, member=400),
        kwargs=briefing_action("permit"),
        method="post",
        data={"permit-member": ""},
    ),
]


def _api_id(name: str, make: Any) -> Any:
    return lambda roles: {name: make(roles).pk}


API_ROUTES = [
    Route("/api/v1/group-meetings", SIGNED_IN_API, html=False),
    Route("/api/v1/group-meetings", SIGNED_IN_422, method="post", data={}, html=False),
    Route(
        "/api/v1/group-meetings/{meeting_id}",
        CASE_API,
        kwargs=_api_id("meeting_id", _meeting),
        html=False,
    ),
    Route("/api/v1/group-offers", SIGNED_IN_API, html=False),
    Route(
        "/api/v1/group-offers/{offer_id}/answer",
        outcomes(404, anonymous=401, member=200),
        kwargs=_api_id("offer_id", _offer),
        method="post",
        data={"take_up": False},
        html=False,
    ),
    Route("/api/v1/briefings", SIGNED_IN_API, html=False),
    Route("/api/v1/briefings", SIGNED_IN_422, method="post", data={}, html=False),
    Route(
        "/api/v1/briefings/{briefing_id}",
        CASE_API,
        kwargs=_api_id("briefing_id", _briefing),
        html=False,
    ),
    # Every action with a field it does not take: a 422 naming it, before anything is read.
    *(
        Route(
            f"/api/v1/group-meetings/{{case_id}}/{a.name}",
            SIGNED_IN_422,
            kwargs=_api_id("case_id", _meeting),
            method="post",
            data={"unknown": 1},
            html=False,
        )
        for a in MEETING_ACTIONS
    ),
    *(
        Route(
            f"/api/v1/briefings/{{case_id}}/{a.name}",
            SIGNED_IN_422,
            kwargs=_api_id("case_id", _briefing),
            method="post",
            data={"unknown": 1},
            html=False,
        )
        for a in BRIEFING_ACTIONS
    ),
]
