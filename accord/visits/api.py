"""Premises, visits (N 25-27) and appointments (D 4.7) in the v1 API: reads, the requests that open a case, and
one POST operation per declared action (`accord.visits.actions`). A refusal is a 400 with the paragraphs
behind it; another council's or another person's object is a 404; a bad input a 422 naming its field."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Path, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID, body_ref, input_error
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action, ActionRegistry
from accord.core.errors import AccordError
from accord.councils.models import Committee, Member, Officer
from accord.visits import api_inputs as api
from accord.visits import appointments, services
from accord.visits.access import (
    appointment_for,
    appointments_visible_to,
    premises_for,
    premises_visible_to,
    visit_for,
    visits_visible_to,
)
from accord.visits.actions import APPOINTMENT_ACTIONS, VISIT_ACTIONS
from accord.visits.models import Appointment, Premises, Visit

router = Router(tags=["visits"])
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class PremisesOut(Schema):
    id: int
    name: str
    address: str
    postcode: str
    area: str
    kind: str
    tenure: str
    manager_name: str


class VisitOut(Schema):
    id: int
    reference: str
    member: str
    premises_id: int
    premises: str
    visit_on: dt.date
    purpose: str
    details: str
    state: str
    permission_from: str
    outside_division: bool
    decision: str
    citations: list[dict[str, Any]]
    answer: str
    answered_at: dt.datetime | None
    actions: list[str]
    events: list[dict[str, Any]]


class AppointmentOut(Schema):
    id: int
    reference: str
    member: str
    officer: str
    subject: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    mode: str
    location: str
    meeting_link: str
    state: str
    uid: str
    sequence: int
    citations: list[dict[str, Any]]
    actions: list[str]
    events: list[dict[str, Any]]


def _premises(p: Premises) -> dict[str, Any]:
    return {
        "id": p.pk,
        "name": p.name,
        "address": p.address,
        "postcode": p.postcode,
        "area": p.area.name,
        "kind": p.kind,
        "tenure": p.tenure,
        "manager_name": p.manager_name,
    }


def _events(case: Any) -> list[dict[str, Any]]:
    return [
        {
            "at": e.at,
            "kind": e.kind,
            "description": e.description,
            "text": e.data.get("text", ""),
            "citations": e.citations,
        }
        for e in case.events.order_by("at", "id")
    ]


def _visit(actor: Any, v: Visit) -> dict[str, Any]:
    return {
        "id": v.pk,
        "reference": v.reference,
        "member": v.member.name,
        "premises_id": v.premises_id,
        "premises": v.premises.name,
        "visit_on": v.visit_on,
        "purpose": v.purpose,
        "details": v.details,
        "state": v.state,
        "permission_from": v.permission_from,
        "outside_division": v.outside_division,
        "decision": v.decision,
        "citations": v.citations,
        "answer": v.answer,
        "answered_at": v.answered_at,
        "actions": VISIT_ACTIONS.offered_names(actor, v),
        "events": _events(v),
    }


def _appointment(actor: Any, a: Appointment) -> dict[str, Any]:
    return {
        "id": a.pk,
        "reference": a.reference,
        "member": a.member.name,
        "officer": a.officer.name,
        "subject": a.subject,
        "starts_at": a.starts_at,
        "ends_at": a.ends_at,
        "mode": a.mode,
        "location": a.location,
        "meeting_link": a.meeting_link,
        "state": a.state,
        "uid": a.uid,
        "sequence": a.sequence,
        "citations": [c.to_dict() for c in appointments.appointment_citations(a)],
        "actions": APPOINTMENT_ACTIONS.offered_names(actor, a),
        "events": _events(a),
    }


def _body_error(error: AccordError) -> Exception:
    """A service's refusal naming an input field is a 422 for that field; a rule's refusal stays a 400."""
    if error.field and not error.citations:
        return input_error("body", error.field, error.message)
    return error


@router.get("/premises", response=list[PremisesOut])
def premises_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The register of premises of the caller's council (N 25-27)."""
    return [_premises(p) for p in premises_visible_to(api_actor(request))]


@router.get("/premises/{premises_id}", response={200: PremisesOut, 404: ErrorOut})
def premises_detail(request: HttpRequest, premises_id: PathId) -> dict[str, Any]:
    return _premises(premises_for(api_actor(request), premises_id))


@router.post("/premises", response={201: PremisesOut, 400: ErrorOut, 404: ErrorOut})
def premises_add(request: HttpRequest, payload: api.PremisesIn) -> Status:
    """Democratic services add premises; the division is found from the postcode (a 422 naming
    `postcode` when the council's data does not hold it). Anyone else gets a 404."""
    actor = api_actor(request)
    if not actor.is_democratic_services or actor.user is None or actor.user.council is None:
        raise Http404("Not found")
    council = actor.user.council
    try:
        premises = services.premises_add(
            actor=actor,
            council=council,
            name=payload.name,
            address=payload.address,
            postcode=payload.postcode,
            kind=payload.kind,
            tenure=payload.tenure,
            manager_name=payload.manager_name,
            manager_email=payload.manager_email,
            cabinet_member=body_ref(
                Member.objects.filter(council=council),
                payload.cabinet_member_id,
                "cabinet_member_id",
            )
            if payload.cabinet_member_id
            else None,
            committee=body_ref(
                Committee.objects.filter(council=council), payload.committee_id, "committee_id"
            )
            if payload.committee_id
            else None,
        )
    except AccordError as error:
        raise _body_error(error) from None
    return Status(201, _premises(premises))


@router.get("/visits", response=list[VisitOut])
def visit_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The visits the caller may see: a Member's own, or every visit of the council for democratic
    services, Chief Officers and the Monitoring Officer."""
    actor = api_actor(request)
    return [_visit(actor, v) for v in visits_visible_to(actor).select_related("member", "premises")]


@router.get("/visits/{visit_id}", response={200: VisitOut, 404: ErrorOut})
def visit_detail(request: HttpRequest, visit_id: PathId) -> dict[str, Any]:
    actor = api_actor(request)
    return _visit(actor, visit_for(actor, visit_id))


@router.post("/visits", response={201: VisitOut, 400: ErrorOut, 404: ErrorOut})
def visit_request(request: HttpRequest, payload: api.VisitIn) -> Status:
    """A Member asks to visit premises: decided at once by the council's profile (N 25-27). A refusal
    (N 27) is a 400 with its citations and nothing is saved."""
    actor = api_actor(request)
    if actor.member is None:
        raise Http404("Not found")
    premises = body_ref(premises_visible_to(actor), payload.premises_id, "premises_id")
    try:
        done = services.visit_request(
            actor=actor,
            premises=premises,
            visit_on=payload.visit_on,
            purpose=payload.purpose,
            details=payload.details,
            safety_acknowledged=payload.safety_acknowledged,
        )
    except AccordError as error:
        raise _body_error(error) from None
    return Status(201, _visit(actor, done.visit))


@router.get("/appointments", response=list[AppointmentOut])
def appointment_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The appointments the caller is party to."""
    actor = api_actor(request)
    return [
        _appointment(actor, a)
        for a in appointments_visible_to(actor).select_related("member", "officer", "council")
    ]


@router.get("/appointments/{appointment_id}", response={200: AppointmentOut, 404: ErrorOut})
def appointment_detail(request: HttpRequest, appointment_id: PathId) -> dict[str, Any]:
    actor = api_actor(request)
    return _appointment(actor, appointment_for(actor, appointment_id))


@router.post("/appointments", response={201: AppointmentOut, 400: ErrorOut, 404: ErrorOut})
def appointment_book(request: HttpRequest, payload: api.AppointmentIn) -> Status:
    """A Member books a meeting with an officer (D 4.7); bad times are a 422 naming the field."""
    actor = api_actor(request)
    if actor.member is None:
        raise Http404("Not found")
    officer = body_ref(
        Officer.objects.filter(council_id=actor.member.council_id, is_active=True),
        payload.officer_id,
        "officer_id",
    )
    try:
        appointment = appointments.appointment_book(
            actor=actor,
            officer=officer,
            subject=payload.subject,
            starts_at=payload.starts_at,
            ends_at=payload.ends_at,
            mode=payload.mode,
            location=payload.location,
            meeting_link=payload.meeting_link,
            note=payload.note,
        )
    except AccordError as error:
        raise _body_error(error) from None
    return Status(201, _appointment(actor, appointment))


def _operations(
    registry: ActionRegistry[Any], path: str, fetch: Any, answer: Any, out: type, noun: str
) -> None:
    """One POST operation per declared action, its input the action's schema."""

    def handler(action: Action) -> Any:
        def take(request: HttpRequest, case_id: PathId, payload: Any) -> Any:
            actor = api_actor(request)
            case = fetch(actor, case_id)
            try:
                action.call(actor, case, action.data_from_api(case, payload.dict()))
            except AccordError as error:
                raise _body_error(error) from None
            return answer(actor, fetch(actor, case_id))

        take.__annotations__["payload"] = action.schema
        return take

    for action in registry:
        slug = action.name.replace("-", "_")
        router.post(
            f"{path}/{{case_id}}/{action.name}",
            response={200: out, 400: ErrorOut, 404: ErrorOut},
            operation_id=slug,
            summary=action.label,
            description=action.summary,
            url_name=f"{noun}-{action.name}",
        )(handler(action))


_operations(VISIT_ACTIONS, "/visits", visit_for, _visit, VisitOut, "visit")
_operations(
    APPOINTMENT_ACTIONS,
    "/appointments",
    appointment_for,
    _appointment,
    AppointmentOut,
    "appointment",
)
