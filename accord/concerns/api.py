"""Concerns in the v1 API (D 11, N 3): raise, list, read, and one POST operation per declared action.

Every read goes through `accord.concerns.access` (a concern the caller may not see is a 404, whoever they
are); a refusal is a 400 with the paragraphs behind it; bad input a 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import (
    MAX_ID,
    Fits,
    Id,
    Input,
    body_ref,
    fits,
    input_error,
    inputs_named,
)
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action
from accord.cases.citation_notes import citation_with_notes
from accord.cases.history import event_actor_name
from accord.concerns import selectors, services
from accord.concerns.access import concern_for, reads_details
from accord.concerns.actions import CONCERN_ACTIONS
from accord.concerns.models import Concern
from accord.core.access import Actor
from accord.councils.models import Member, Officer

router = Router(tags=["concerns"])
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}
ConcernId = Annotated[int, Path(ge=1, le=MAX_ID)]


class InviteeOut(Schema):
    name: str
    invited_as: str


class MeetingOut(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    sequence: int = Field(description="The iCalendar SEQUENCE: how many times it has changed")
    invitees: list[InviteeOut]


class EventOut(Schema):
    at: dt.datetime
    actor: str | None
    kind: str
    description: str
    text: str
    citations: list[dict[str, Any]]


class ConcernOut(Schema):
    """A concern as the caller may see it: an invitee to the informal meeting gets the meeting and the
    outcome only (`summary`, `about`, `details`, `route` and `events` empty). Each citation carries the
    Monitoring Officer's current rulings on its paragraph under `notes` (D 12)."""

    id: int
    kind: str
    kind_label: str
    state: str
    state_label: str
    summary: str
    about: str
    sent_to: str
    route: str
    citations: list[dict[str, Any]]
    raised_at: dt.datetime | None
    closed_at: dt.datetime | None
    meeting: MeetingOut | None
    details: str
    events: list[EventOut]
    actions: list[str]


class ConcernRaiseIn(Input):
    about_member_id: Id | None = Field(None, description="The Member it is about (or an officer)")
    about_officer_id: Id | None = Field(None, description="The officer it is about (or a Member)")
    summary: Annotated[str, fits(Concern, "summary")]
    details: Annotated[str, fits(Concern, "details")]
    unlawful_conduct: bool = Field(
        False, description="Potential unlawful conduct: the whistle-blowing route (D 11.6)"
    )


class ConcernFilters(Schema):
    q: Annotated[str, Fits(max_length=selectors.QUERY_MAX)] = ""
    state: Concern.State | None = None


def concern_out(actor: Actor, concern: Concern) -> dict[str, Any]:
    details = reads_details(actor, concern)
    meeting = selectors.concern_meeting(concern)
    return {
        "id": concern.pk,
        "kind": concern.kind,
        "kind_label": concern.get_kind_display(),
        "state": concern.state,
        "state_label": concern.get_state_display(),
        "summary": concern.summary if details else "",
        "about": str(concern.about) if details else "",
        "sent_to": concern.handler.name if details else "",
        "route": concern.route if details else "",
        "citations": [citation_with_notes(concern.council_id, c) for c in concern.route_citations],
        "raised_at": concern.raised_at if details else None,
        "closed_at": concern.closed_at,
        "meeting": None
        if meeting is None
        else {
            "starts_at": meeting.starts_at,
            "ends_at": meeting.ends_at,
            "place": meeting.place,
            "sequence": meeting.sequence,
            "invitees": [
                {"name": i.person.name, "invited_as": i.invited_as} for i in meeting.invitees.all()
            ],
        },
        "details": concern.details if details else "",
        "events": [
            {
                "at": e.at,
                "actor": event_actor_name(e.actor),
                "kind": e.kind,
                "description": e.description,
                "text": str(e.data.get("text", "")),
                "citations": [citation_with_notes(concern.council_id, c) for c in e.citations],
            }
            for e in selectors.concern_event_list(actor, concern)
        ],
        "actions": CONCERN_ACTIONS.offered_names(actor, concern) if details else [],
    }


@router.get("/concerns", response={200: list[ConcernOut], 422: ErrorOut})
def concern_list(request: HttpRequest, filters: Query[ConcernFilters]) -> list[dict[str, Any]]:
    """The concerns the caller may see, newest first (at most 200)."""
    actor = api_actor(request)
    found = selectors.concern_list(actor, query=filters.q, state=filters.state or "")[:200]
    return [concern_out(actor, c) for c in found]


@router.post("/concerns", response={201: ConcernOut, **ERRORS})
def concern_raise(request: HttpRequest, payload: ConcernRaiseIn) -> Any:
    """Raise a concern about one Member or officer of the caller's council; it is routed at once (D 11.2,
    D 11.4-11.6, N 3) and the answer says where it went and why."""
    actor = api_actor(request)
    if actor.member is None and actor.officer is None:
        raise input_error("body", "about_member_id", "only a Member or an officer raises a concern")
    if (payload.about_member_id is None) == (payload.about_officer_id is None):
        raise input_error(
            "body", "about_member_id", "give about_member_id or about_officer_id, not both"
        )
    council_id = actor.council_id or 0
    about_member = about_officer = None
    if payload.about_member_id is not None:
        about_member = body_ref(
            Member.objects.filter(council_id=council_id),
            payload.about_member_id,
            "about_member_id",
        )
    else:
        about_officer = body_ref(
            Officer.objects.filter(council_id=council_id),
            payload.about_officer_id,
            "about_officer_id",
        )
    with inputs_named():
        concern = services.concern_raise(
            actor=actor,
            summary=payload.summary,
            details=payload.details,
            about_member=about_member,
            about_officer=about_officer,
            unlawful_conduct=payload.unlawful_conduct,
        )
    return Status(201, concern_out(actor, concern_for(actor, concern.pk)))


@router.get("/concerns/{concern_id}", response={200: ConcernOut, 404: ErrorOut})
def concern_detail(request: HttpRequest, concern_id: ConcernId) -> dict[str, Any]:
    actor = api_actor(request)
    return concern_out(actor, concern_for(actor, concern_id))


def _take(request: HttpRequest, action: Action, concern_id: int, data: dict[str, Any]) -> Any:
    """Run one declared action; a 404 for a concern the caller may not see or an action not theirs."""
    actor = api_actor(request)
    concern = concern_for(actor, concern_id)
    if not action.offered(actor, concern) and not reads_details(actor, concern):
        concern_for(actor, 0)
    with inputs_named():
        action.call(actor, concern, action.data_from_api(concern, data))
    return concern_out(actor, concern_for(actor, concern_id))


def _handler(action: Action) -> Any:
    schema = action.schema

    def with_input(request: HttpRequest, concern_id: ConcernId, payload: Any) -> Any:
        return _take(request, action, concern_id, payload.dict())

    with_input.__annotations__["payload"] = schema
    return with_input


for _action in CONCERN_ACTIONS:
    router.post(
        f"/concerns/{{concern_id}}/{_action.name}",
        response={200: ConcernOut, **ERRORS},
        operation_id=f"concern_{_action.name.replace('-', '_')}",
        summary=_action.label,
        description=_action.summary,
        url_name=f"concern-{_action.name}",
    )(_handler(_action))
