"""Group meetings, offers and briefings in the v1 API: the same reads as the pages (`selectors`), and one
POST operation per declared action (`actions`). Another group's or council's object is a 404; a refusal a
400 with the paragraphs behind it; a bad input a 422 naming the field."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Router, Schema

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID, Day, Fits, Id, Input, body_ref, fits
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action, ActionRegistry
from accord.councils.models import Council, Officer
from accord.groups import selectors
from accord.groups.access import (
    briefing_for,
    briefings_visible_to,
    group_id_of,
    meeting_for,
    meetings_visible_to,
    offer_for,
    offers_visible_to,
)
from accord.groups.actions import BRIEFING_ACTIONS, MEETING_ACTIONS
from accord.groups.models import Briefing, GroupMeeting
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms

router = Router(tags=["groups"])
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}


class MeetingOut(Schema):
    id: int
    group: str
    meeting_date: dt.date
    place: str
    subject: str
    officer: str
    chief_officer: str
    state: str
    state_label: str


class MeetingDetailOut(MeetingOut):
    advice: str
    advice_at: dt.datetime | None
    notes: list[dict[str, Any]]
    same_subject_advice: list[dict[str, Any]]
    offers: list[dict[str, Any]]
    not_a_decision: list[dict[str, Any]]
    no_public_reference: list[dict[str, Any]]
    attendance_terms: list[dict[str, Any]]
    confidential: list[dict[str, Any]]
    actions: list[str]


class MeetingIn(Input):
    meeting_date: Day
    place: Annotated[str, fits(GroupMeeting, "place")]
    subject: Annotated[str, fits(GroupMeeting, "subject")]
    officer_id: Id
    chief_officer_id: Id | None = None


class OfferOut(Schema):
    id: int
    subject: str
    officer: str
    state: str
    state_label: str
    offered_at: dt.datetime
    answered_at: dt.datetime | None
    information: str
    citations: list[dict[str, Any]]


class OfferAnswerIn(Input):
    take_up: bool


class BriefingSummaryOut(Schema):
    """A briefing in a list: never its details or the briefing itself (reading one is a recorded view)."""

    id: int
    subject: str
    requester: str
    officer: str
    confidential: bool
    state: str
    state_label: str


class BriefingOut(Schema):
    id: int
    subject: str
    details: str
    requester: str
    requester_office: str
    officer: str
    confidential: bool
    decision_pending: bool
    state: str
    state_label: str
    information: str
    given_at: dt.datetime | None
    permitted: list[str]
    views: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    actions: list[str] = []


class BriefingIn(Input):
    officer_id: Id
    subject: Annotated[str, fits(Briefing, "subject")]
    details: Annotated[str, Fits(max_length=5000, multiline=True)] = ""
    confidential: bool = True
    decision_pending: bool = False


def _meeting(actor: Any, pk: int) -> dict[str, Any]:
    meeting = meeting_for(actor, pk)
    return {
        **selectors.meeting_detail(actor, meeting),
        "actions": MEETING_ACTIONS.offered_names(actor, meeting),
    }


def _briefing(actor: Any, pk: int, *, record: bool) -> dict[str, Any]:
    briefing = briefing_for(actor, pk)
    if record:
        bs.briefing_view_record(actor=actor, briefing=briefing, channel="api")
    return {
        **selectors.briefing_detail(actor, briefing),
        "actions": BRIEFING_ACTIONS.offered_names(actor, briefing),
    }


@router.get("/group-meetings", response=list[MeetingOut])
def meeting_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The group meetings the caller may see: their group's, or those naming them as officer."""
    actor = api_actor(request)
    meetings = meetings_visible_to(actor).select_related("group", "officer", "chief_officer")
    return [selectors.meeting_row(m) for m in meetings]


@router.post("/group-meetings", response={201: MeetingDetailOut, **ERRORS, 422: ErrorOut})
def meeting_create(request: HttpRequest, payload: MeetingIn) -> tuple[int, dict[str, Any]]:
    """Ask for an officer at the caller's group's meeting (D 7.4(a)) or invite a Chief Officer (N 19(e))."""
    actor = api_actor(request)
    if group_id_of(actor) is None:
        raise ms.not_a_group_member(Council.objects.filter(pk=actor.council_id or 0).first())
    officers = Officer.objects.filter(council_id=actor.council_id or 0)
    officer = body_ref(officers, payload.officer_id, "officer_id")
    chief = (
        body_ref(officers, payload.chief_officer_id, "chief_officer_id")
        if payload.chief_officer_id
        else None
    )
    meeting = ms.meeting_request(
        actor=actor,
        group=actor.member.group,  # type: ignore[union-attr]
        meeting_date=payload.meeting_date,
        place=payload.place,
        subject=payload.subject,
        officer=officer,
        chief_officer=chief,
    )
    return 201, _meeting(actor, meeting.pk)


@router.get("/group-meetings/{meeting_id}", response={200: MeetingDetailOut, 404: ErrorOut})
def meeting_detail(request: HttpRequest, meeting_id: PathId) -> dict[str, Any]:
    """One meeting as the caller may see it (N 19(g), (i), (j); D 7.1)."""
    return _meeting(api_actor(request), meeting_id)


@router.get("/group-offers", response=list[OfferOut])
def offer_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The offers made to the caller's group (D 7.4(b)(v), N 15)."""
    return [selectors.offer_detail(o) for o in offers_visible_to(api_actor(request))]


@router.post("/group-offers/{offer_id}/answer", response={200: OfferOut, **ERRORS, 422: ErrorOut})
def offer_answer(request: HttpRequest, offer_id: PathId, payload: OfferAnswerIn) -> dict[str, Any]:
    """Take up or decline an offer (D 7.4(b)(v), N 15)."""
    actor = api_actor(request)
    offer_for(actor, offer_id)
    offer = ms.offer_answer(actor=actor, offer_id=offer_id, take_up=payload.take_up)
    return selectors.offer_detail(offer)


@router.get("/briefings", response=list[BriefingSummaryOut])
def briefing_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The briefings the caller may see (N 14). Listing records no view; reading one does."""
    actor = api_actor(request)
    return [
        selectors.briefing_detail(actor, b)
        for b in briefings_visible_to(actor).select_related("requester", "officer", "council")
    ]


@router.post("/briefings", response={201: BriefingOut, **ERRORS, 422: ErrorOut})
def briefing_create(request: HttpRequest, payload: BriefingIn) -> tuple[int, dict[str, Any]]:
    """Ask a Chief Officer or head of unit for a briefing (N 14)."""
    actor = api_actor(request)
    officer = body_ref(
        Officer.objects.filter(council_id=actor.council_id or 0), payload.officer_id, "officer_id"
    )
    briefing = bs.briefing_request(
        actor=actor,
        officer=officer,
        subject=payload.subject,
        details=payload.details,
        confidential=payload.confidential,
        decision_pending=payload.decision_pending,
    )
    return 201, _briefing(actor, briefing.pk, record=False)


@router.get("/briefings/{briefing_id}", response={200: BriefingOut, 404: ErrorOut})
def briefing_detail(request: HttpRequest, briefing_id: PathId) -> dict[str, Any]:
    """One briefing; the view is recorded (N 14)."""
    return _briefing(api_actor(request), briefing_id, record=True)


def _mount(
    registry: ActionRegistry[Any], prefix: str, fetch: Any, answer: Any, response: Any
) -> None:
    def handler(action: Action) -> Any:
        def take(request: HttpRequest, case_id: PathId, payload: Any) -> Any:
            actor = api_actor(request)
            case = fetch(actor, case_id)
            result = action.call(actor, case, action.data_from_api(case, payload.dict()))
            return answer(actor, case_id, result)

        take.__annotations__["payload"] = action.schema
        return take

    for action in registry:
        slug = action.name.replace("-", "_")
        router.post(
            f"/{prefix}/{{case_id}}/{action.name}",
            response={200: response, **ERRORS, 422: ErrorOut},
            operation_id=f"{registry.capability.replace('-', '_')}_{slug}",
            summary=action.label,
            description=action.summary,
            url_name=f"{registry.capability}-{action.name}",
        )(handler(action))


def _briefing_after(actor: Any, pk: int, result: Any) -> dict[str, Any]:
    """The briefing as the step left it: a Group Leader who has just answered a request no longer sees it
    afterwards (N 14), so the answer is the briefing the service returned, never a 404 for a step done."""
    briefing = result if isinstance(result, Briefing) else briefing_for(actor, pk)
    return {
        **selectors.briefing_detail(actor, briefing),
        "actions": BRIEFING_ACTIONS.offered_names(actor, briefing),
    }


_mount(
    MEETING_ACTIONS,
    "group-meetings",
    meeting_for,
    lambda actor, pk, result: _meeting(actor, pk),
    MeetingDetailOut,
)
_mount(BRIEFING_ACTIONS, "briefings", briefing_for, _briefing_after, BriefingOut)
