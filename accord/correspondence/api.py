"""Correspondence, press enquiries, publicity, pre-election periods and information requests in the v1 API
(D 8.1-8.4, D 10.4-10.7).

Every handler authorises through `accord.correspondence.access` (another council's or another person's case
is a 404) and writes only through `accord.correspondence.services`; a refusal is a 400 with the paragraphs
behind it, a bad input a 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Path, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID, Slug, body_ref, input_error
from accord.api.schemas import ErrorOut
from accord.cases.actions import actions_of
from accord.cases.history import event_actor_name
from accord.core import clock
from accord.core.access import Actor, council_for
from accord.correspondence import access, rules, services
from accord.correspondence import api_inputs as api
from accord.correspondence.models import (
    Correspondence,
    InformationRequest,
    PreElectionPeriod,
    PressEnquiry,
    PublicityRequest,
)
from accord.correspondence.services._common import period_on, profile_of
from accord.correspondence.services.information import statutory_citation
from accord.councils.models import Council, Member, Officer, PoliticalGroup

router = Router(tags=["correspondence"])
CaseId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}


class CommsEventOut(Schema):
    at: dt.datetime
    actor: str | None
    kind: str
    description: str
    citations: list[dict[str, Any]]
    data: dict[str, Any]


class CaseOut(Schema):
    """A piece of correspondence, a press enquiry or a publicity request, with its history, the actions
    the caller may take now, the paragraphs behind it and any pre-election period in force today."""

    id: int
    reference: str
    kind: str
    state: str
    state_label: str
    details: dict[str, Any]
    actions: list[str]
    citations: list[dict[str, Any]]
    pre_election_period: str | None
    events: list[CommsEventOut]


CAPABILITY = {
    Correspondence: "correspondence",
    PressEnquiry: "press-enquiries",
    PublicityRequest: "publicity",
}
RULES = {
    Correspondence: (rules.OFFICIAL_NAME, rules.TARGETED, rules.NO_POLITICAL_COMMENT),
    PressEnquiry: (rules.PRESS_ENQUIRIES,),
    PublicityRequest: (rules.PRE_ELECTION, rules.NO_PARTY_PUBLICITY, rules.NO_POLITICAL_COMMENT),
}


def _details(case: Any) -> dict[str, Any]:
    if isinstance(case, Correspondence):
        return {
            "subject": case.subject,
            "body": case.body,
            "recipients": case.recipients,
            "signed_as": case.signed_as,
            "signatory": case.signatory,
            "basis": case.basis,
            "on_behalf_of_council": case.on_behalf_of_council,
            "audience": case.audience,
            "audience_reason": case.audience_reason,
            "advice_question": case.advice_question,
            "advice": case.advice,
            "drafted_in_pre_election": case.drafted_in_pre_election,
            "sent_at": case.sent_at.isoformat() if case.sent_at else None,
        }
    if isinstance(case, PressEnquiry):
        return {
            "outlet": case.outlet,
            "journalist": case.journalist,
            "contact": case.contact,
            "question": case.question,
            "received_at": case.received_at.isoformat(),
            "response": case.response,
        }
    return {
        "title": case.title,
        "content": case.content,
        "channel": case.channel,
        "featured": [m.pk for m in case.featured.all()],
        "held_for": case.held_for,
        "checklist": case.checklist,
        "review_note": case.review_note,
    }


def case_out(actor: Actor, case: Any) -> dict[str, Any]:
    """The case as `CaseOut` answers it."""
    kind = type(case)
    period = period_on(case.council, clock.today())
    return {
        "id": case.pk,
        "reference": case.reference,
        "kind": CAPABILITY[kind],
        "state": case.state,
        "state_label": case.get_state_display(),
        "details": _details(case),
        "actions": actions_of(CAPABILITY[kind]).offered_names(actor, case),
        "citations": rules.cited(rules.citations_of(profile_of(case.council), *RULES[kind])),
        "pre_election_period": str(period) if period else None,
        "events": [
            {
                "at": e.at,
                "actor": event_actor_name(e.actor),
                "kind": e.kind,
                "description": e.description,
                "citations": e.citations,
                "data": e.data,
            }
            for e in case.events.select_related("actor").order_by("seq")
        ],
    }


def _council(actor: Actor) -> Council:
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


@router.get("/correspondence", response=list[CaseOut])
def correspondence_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The correspondence the caller may see, newest first (at most 200)."""
    actor = api_actor(request)
    return [
        case_out(actor, c) for c in access.correspondence_visible_to(actor).order_by("-pk")[:200]
    ]


@router.get("/correspondence/{correspondence_id}", response={200: CaseOut, **ERRORS})
def correspondence_detail(request: HttpRequest, correspondence_id: CaseId) -> dict[str, Any]:
    actor = api_actor(request)
    return case_out(actor, access.correspondence_for(actor, correspondence_id))


@router.post("/correspondence", response={201: CaseOut, **ERRORS})
def correspondence_create(
    request: HttpRequest, payload: api.CorrespondenceIn
) -> Status[dict[str, Any]]:
    """Draft a letter or e-mail. Refused with a 400 citing D 8.4 when it binds or instructs on behalf of
    the Council in a Member's name, D 8.2 when a Member's name has no basis, D 8.1 when every Member or a
    group is addressed without a reason, D 10.6 without the no-political-comment confirmation."""
    actor = api_actor(request)
    council = _council(actor)
    officer = (
        body_ref(Officer.objects.filter(council=council), payload.officer_id, "officer_id")
        if payload.officer_id is not None
        else None
    )
    group = (
        body_ref(
            PoliticalGroup.objects.filter(council=council),
            payload.audience_group_id,
            "audience_group_id",
        )
        if payload.audience_group_id is not None
        else None
    )
    letter = services.correspondence_draft(
        actor=actor,
        council=council,
        subject=payload.subject,
        body=payload.body,
        recipients=payload.recipients,
        signed_as=payload.signed_as,
        basis=payload.basis,
        officer=officer,
        on_behalf_of_council=payload.on_behalf_of_council,
        audience=payload.audience,
        audience_group=group,
        audience_reason=payload.audience_reason,
        no_political_comment=payload.no_political_comment,
    )
    return Status(201, case_out(actor, letter))


@router.get("/press-enquiries", response=list[CaseOut])
def press_enquiry_list(request: HttpRequest) -> list[dict[str, Any]]:
    actor = api_actor(request)
    return [
        case_out(actor, p) for p in access.press_enquiry_visible_to(actor).order_by("-pk")[:200]
    ]


@router.get("/press-enquiries/{press_enquiry_id}", response={200: CaseOut, **ERRORS})
def press_enquiry_detail(request: HttpRequest, press_enquiry_id: CaseId) -> dict[str, Any]:
    actor = api_actor(request)
    return case_out(actor, access.press_enquiry_for(actor, press_enquiry_id))


@router.post("/press-enquiries", response={201: CaseOut, **ERRORS})
def press_enquiry_create(
    request: HttpRequest, payload: api.PressEnquiryIn
) -> Status[dict[str, Any]]:
    """Log a press enquiry: it goes to the Communications Team at once and the caller is told (D 10.7)."""
    actor = api_actor(request)
    received = payload.received_at or clock.now()
    if received > clock.now():
        raise input_error("body", "received_at", "cannot be in the future")
    press = services.press_enquiry_log(
        actor=actor,
        council=_council(actor),
        outlet=payload.outlet,
        journalist=payload.journalist,
        contact=payload.contact,
        question=payload.question,
        received_at=received,
        journalist_deadline=payload.journalist_deadline,
    )
    return Status(201, case_out(actor, press))


@router.get("/publicity", response=list[CaseOut])
def publicity_list(request: HttpRequest) -> list[dict[str, Any]]:
    actor = api_actor(request)
    return [case_out(actor, p) for p in access.publicity_visible_to(actor).order_by("-pk")[:200]]


@router.get("/publicity/{publicity_id}", response={200: CaseOut, **ERRORS})
def publicity_detail(request: HttpRequest, publicity_id: CaseId) -> dict[str, Any]:
    actor = api_actor(request)
    return case_out(actor, access.publicity_for(actor, publicity_id))


@router.post("/publicity", response={201: CaseOut, **ERRORS})
def publicity_create(request: HttpRequest, payload: api.PublicityIn) -> Status[dict[str, Any]]:
    """Ask for Council publicity: refused citing D 10.5 for party or personal publicity; held for review
    citing D 10.4 in a pre-election period when it features a Member standing."""
    actor = api_actor(request)
    council = _council(actor)
    members = list(Member.objects.filter(council=council, pk__in=payload.featured_ids))
    if len(members) != len(set(payload.featured_ids)):
        raise input_error("body", "featured_ids", "names a Member who is not of this council")
    publicity = services.publicity_request(
        actor=actor,
        council=council,
        title=payload.title,
        content=payload.content,
        channel=payload.channel,
        capacity=payload.capacity,
        featured=members,
    )
    return Status(201, case_out(actor, publicity))


class PeriodOut(Schema):
    election: str
    notice_of_election: dt.date
    polling_day: dt.date
    standing: list[int]
    in_force_today: bool


@router.get("/councils/{slug}/pre-election-periods", response={200: list[PeriodOut], **ERRORS})
def period_list(request: HttpRequest, slug: Slug) -> list[dict[str, Any]]:
    """The council calendar's pre-election periods (D 10.4)."""
    council = council_for(api_actor(request), slug)
    today = clock.today()
    return [
        {
            "election": p.election,
            "notice_of_election": p.notice_of_election,
            "polling_day": p.polling_day,
            "standing": [m.pk for m in p.standing.all()],
            "in_force_today": p.notice_of_election <= today <= p.polling_day,
        }
        for p in PreElectionPeriod.objects.filter(council=council).prefetch_related("standing")
    ]


class HitOut(Schema):
    source: str
    reference: str
    title: str
    at: dt.datetime
    confidential: bool
    exported: bool


class InformationRequestOut(Schema):
    id: int
    reference: str
    regime: str
    requester: str
    request: str
    terms: str
    date_from: dt.date
    date_to: dt.date
    received_on: dt.date
    due_date: dt.date
    state: str
    response: str
    citations: list[dict[str, Any]]
    hits: list[HitOut] | None = None
    incomplete: list[str] | None = None


def _information(actor: Actor, pk: int) -> InformationRequest:
    if not access.handles_information_requests(actor):
        raise Http404("Not found")
    found = InformationRequest.objects.filter(council_id=actor.council_id or 0, pk=pk).first()
    if found is None:
        raise Http404("Not found")
    return found


def information_out(
    actor: Actor, info: InformationRequest, *, hits: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {
        f: getattr(info, f)
        for f in [
            "id",
            "reference",
            "regime",
            "requester",
            "request",
            "terms",
            "date_from",
            "date_to",
            "received_on",
            "due_date",
            "state",
            "response",
        ]
    }
    out["citations"] = [statutory_citation(info.regime)]
    if hits:
        found = services.information_request_hits(actor, info)
        out["hits"] = [
            {
                **h.__dict__,
                # A confidential record is flagged for review: its words stay where they are.
                "text": "" if h.confidential else h.text,
                "exported": not h.confidential,
            }
            for h in found
        ]
        out["incomplete"] = found.incomplete
    return out


@router.get("/information-requests", response=list[InformationRequestOut])
def information_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The council's information requests (democratic services and the Monitoring Officer; an empty list
    for anyone else)."""
    actor = api_actor(request)
    if not access.handles_information_requests(actor):
        return []
    return [
        information_out(actor, i)
        for i in InformationRequest.objects.filter(council_id=actor.council_id or 0)[:200]
    ]


@router.post("/information-requests", response={201: InformationRequestOut, **ERRORS})
def information_create(
    request: HttpRequest, payload: api.InformationRequestIn
) -> Status[dict[str, Any]]:
    """Log a request; `due_date` is its statutory deadline (FOIA s.10: 20 working days; UK GDPR Art.
    12(3): one calendar month), by the council's calendar. A 404 for anyone but democratic services and
    the Monitoring Officer."""
    actor = api_actor(request)
    if not access.handles_information_requests(actor):
        raise Http404("Not found")
    if payload.date_from > payload.date_to:
        raise input_error("body", "date_from", f"is after date_to {payload.date_to.isoformat()}")
    if payload.received_on > clock.today():
        raise input_error("body", "received_on", "cannot be in the future")
    info = services.information_request_log(actor=actor, council=_council(actor), **payload.dict())
    return Status(201, information_out(actor, info))


@router.get("/information-requests/{request_id}", response={200: InformationRequestOut, **ERRORS})
def information_detail(request: HttpRequest, request_id: CaseId) -> dict[str, Any]:
    """The request with what Accord holds for it (`hits`); confidential hits are flagged, never exported;
    `incomplete` names the kinds of record that matched more than are listed (narrow the search)."""
    actor = api_actor(request)
    return information_out(actor, _information(actor, request_id), hits=True)


@router.post(
    "/information-requests/{request_id}/answer", response={200: InformationRequestOut, **ERRORS}
)
def information_answer(
    request: HttpRequest, request_id: CaseId, payload: api.InformationAnswerIn
) -> dict[str, Any]:
    actor = api_actor(request)
    info = services.information_request_answer(
        actor=actor, info=_information(actor, request_id), response=payload.response
    )
    return information_out(actor, info)
