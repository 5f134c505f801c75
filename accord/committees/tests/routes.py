"""The routes of committees and decisions, with what each role must get (`tests/routes.py`).

The roles' Member sits on the committee; the roles' officer is the appropriate officer of the decision
and the Monitoring Officer is a statutory officer; nobody of the roles chairs the committee.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.core import clock
from conftest import Roles
from tests.routes import COUNCIL_API, COUNCIL_PAGE, Route, council_slug, outcomes

PUBLIC = outcomes(200)
DEM_SERVICES_PAGE = outcomes(404, anonymous=302, democratic_services=200)
OFFICERS_PAGE = outcomes(200, anonymous=302, member=404, other_council=404)
# A page action not offered to a role is a 404; the one role it is offered to is sent back to the page.
ACTION_BY = {
    "democratic_services": outcomes(404, anonymous=302, democratic_services=302),
    "officer": outcomes(404, anonymous=302, officer=302),
    "member": outcomes(404, anonymous=302, member=302),
}
# An API action refused to a role is a 400 citing the rule; another council's object a 404.
API_ACTION_BY = {
    role: outcomes(400, anonymous=401, other_council=404, **{role: 200})
    for role in ("democratic_services", "officer", "member", "chief_officer", "monitoring_officer")
}


def roles_meeting(roles: Roles, *, published: bool = False) -> Any:
    """A meeting of a committee the roles' Member sits on, with one proposed item and one proposal."""
    from accord.committees.models import AgendaItem, ItemProposal, Meeting, ProposalSignature
    from accord.committees.tests.factories import CommitteeFactory, MeetingFactory

    member = roles.user("member").member  # type: ignore[union-attr]
    committee = CommitteeFactory(council=roles.council, name="Planning Committee")
    committee.members.add(member)
    meeting: Meeting = MeetingFactory.create(
        committee=committee,
        starts_at=dt.datetime(2099, 3, 24, 18, 30, tzinfo=clock.LONDON),
        publication_date=dt.date(2099, 3, 16),
    )
    AgendaItem.objects.create(meeting=meeting, title="Budget", created_at=clock.now())
    proposal = ItemProposal.objects.create(
        meeting=meeting,
        title="Flooding",
        relevance="Ours.",
        proposer=member,
        created_at=clock.now(),
    )
    ProposalSignature.objects.create(proposal=proposal, member=member, signed_at=clock.now())
    if published:
        Meeting.objects.filter(pk=meeting.pk).update(state="published", published_at=clock.now())
    return meeting


def roles_decision(roles: Roles) -> Any:
    from accord.committees.tests.factories import DecisionFactory
    from accord.councils.models import Office

    member = roles.user("member").member  # type: ignore[union-attr]
    Office.objects.get_or_create(member=member, kind=Office.Kind.CABINET_MEMBER)
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    return DecisionFactory(advising_officer=officer, maker_member=member)


def meeting_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_meeting(roles).pk}


def agenda_kwargs(roles: Roles) -> dict[str, Any]:
    return {"slug": roles.council.slug, "pk": roles_meeting(roles, published=True).pk}


def decision_pk(roles: Roles) -> dict[str, Any]:
    return {"pk": roles_decision(roles).pk}


def meeting_action(name: str) -> Any:
    return lambda roles: {**meeting_pk(roles), "action": name}


def decision_action(name: str) -> Any:
    return lambda roles: {**decision_pk(roles), "action": name}


def meeting_api(roles: Roles) -> dict[str, Any]:
    meeting = roles_meeting(roles)
    return {"meeting_id": meeting.pk, "case_id": meeting.pk}


def decision_api(roles: Roles) -> dict[str, Any]:
    pk = roles_decision(roles).pk
    return {"decision_id": pk, "case_id": pk}


WEB_ROUTES: list[Route] = [
    Route("committees:meetings", COUNCIL_PAGE, kwargs=council_slug),
    Route("committees:feed", PUBLIC, kwargs=council_slug, html=False),
    Route("committees:agenda", PUBLIC, kwargs=agenda_kwargs),
    Route("committees:meeting-new", DEM_SERVICES_PAGE),
    # Bad input: the form again naming the fields, nothing saved.
    Route(
        "committees:meeting-new",
        outcomes(404, anonymous=302, democratic_services=400),
        method="post",
        data={"day": "2026-02-31", "start": "25:00", "place": ""},
    ),
    Route("committees:meeting", COUNCIL_PAGE, kwargs=meeting_pk),
    Route(
        "committees:meeting-action",
        ACTION_BY["democratic_services"],
        kwargs=meeting_action("cancel"),
        method="post",
        data={"cancel-reason": "Storm."},
        html=False,
    ),
    Route("committees:decisions", COUNCIL_PAGE, kwargs=council_slug),
    Route("committees:decision-new", OFFICERS_PAGE),
    Route(
        "committees:decision-new",
        outcomes(400, anonymous=302, member=404, other_council=404),
        method="post",
        data={"matter": "", "maker": "nobody"},
    ),
    Route("committees:decision", COUNCIL_PAGE, kwargs=decision_pk),
    Route("committees:decision-scrutiny", COUNCIL_PAGE, kwargs=decision_pk),
    Route(
        "committees:decision-action",
        ACTION_BY["officer"],
        kwargs=decision_action("advice-submit"),
        method="post",
        data={"advice-submit-text": "My professional advice."},
        html=False,
    ),
]

NONE = 2**31 - 1  # an item or proposal id that names nothing: refused with a 400, never a 500
SENIOR = {"chief_officer": 200, "monitoring_officer": 200, "democratic_services": 200}
REFUSED = outcomes(400, anonymous=401, other_council=404)
MEETING_API_ACTIONS: list[tuple[str, dict[str, int], dict[str, Any]]] = [
    # The senior officer, a statutory officer or democratic services propose items (D 2.9).
    ("item-propose", outcomes(400, anonymous=401, other_council=404, **SENIOR), {"title": "Parks"}),
    # Nobody of the roles chairs the committee.
    ("item-include", REFUSED, {"item_id": NONE}),
    ("item-remove", REFUSED, {"item_id": NONE, "reason": "No."}),
    ("proposal-raise", API_ACTION_BY["member"], {"title": "Roads", "relevance": "Ours."}),
    ("proposal-sign", REFUSED, {"proposal_id": NONE}),
    ("proposal-submit", REFUSED, {"proposal_id": NONE}),
    ("proposal-refuse", REFUSED, {"proposal_id": NONE, "reason": "Not ours."}),
    # The Chair has not settled the proposed item: publishing is refused (D 2.9).
    ("publish", REFUSED, {}),
    (
        "reschedule",
        API_ACTION_BY["democratic_services"],
        {
            "starts_at": "2099-03-25T18:30:00+00:00",
            "ends_at": "2099-03-25T20:30:00+00:00",
            "place": "Committee Room 1",
        },
    ),
    ("cancel", API_ACTION_BY["democratic_services"], {"reason": "Storm."}),
]

API_ROUTES: list[Route] = [
    Route("/api/v1/councils/{slug}/meetings", COUNCIL_API, kwargs=council_slug, html=False),
    Route(
        "/api/v1/councils/{slug}/meetings",
        outcomes(404, anonymous=401, democratic_services=422),
        kwargs=council_slug,
        method="post",
        data={
            "committee_id": 2**31 - 1,
            "starts_at": "2099-03-24T18:30:00+00:00",
            "ends_at": "2099-03-24T20:30:00+00:00",
            "place": "Council Chamber",
            "publication_date": "2099-03-16",
        },
        html=False,
    ),
    Route("/api/v1/meetings/{meeting_id}", COUNCIL_API, kwargs=meeting_api, html=False),
    *(
        Route(
            f"/api/v1/meetings/{{case_id}}/{name}",
            expect,
            kwargs=meeting_api,
            method="post",
            data=data,
            html=False,
        )
        for name, expect, data in MEETING_API_ACTIONS
    ),
    Route("/api/v1/councils/{slug}/decisions", COUNCIL_API, kwargs=council_slug, html=False),
    Route(
        "/api/v1/councils/{slug}/decisions",
        outcomes(422, anonymous=401, member=404, other_council=404),
        kwargs=council_slug,
        method="post",
        data={"matter": "m", "maker": "leader", "report": "r", "officer_id": 2**31 - 1},
        html=False,
    ),
    Route("/api/v1/decisions/{decision_id}", COUNCIL_API, kwargs=decision_api, html=False),
    Route("/api/v1/decisions/{decision_id}/scrutiny", COUNCIL_API, kwargs=decision_api, html=False),
    # Changing or deleting advice is refused to everyone with its citation (D 4.4, N 9).
    *(
        Route(
            "/api/v1/decisions/{decision_id}/advice/{version}",
            outcomes(400, anonymous=401, other_council=404),
            kwargs=lambda roles: {**decision_api(roles), "version": 1},
            method=method,
            html=False,
        )
        for method in ("put", "patch", "delete")
    ),
    Route(
        "/api/v1/decisions/{case_id}/advice-submit",
        API_ACTION_BY["officer"],
        kwargs=decision_api,
        method="post",
        data={"advice": "My professional advice."},
        html=False,
    ),
    *(
        Route(
            f"/api/v1/decisions/{{case_id}}/{name}",
            outcomes(400, anonymous=401, other_council=404),
            kwargs=decision_api,
            method="post",
            data=data,
            html=False,
        )
        for name, data in (
            ("advice-consider", {}),
            ("decide", {"decision": "Yes."}),
            ("advice-correct", {"advice": "v2", "reason": "why"}),
        )
    ),
]
