"""N 17 disputes over a Member's right to a document, in the v1 API: list, record a refusal, read, and each step.

Every handler authorises through `accord.enquiries.dispute_access` (a dispute the caller may not see is a 404)
and writes only through the dispute services; a refusal is a 400 with the paragraphs behind it (N 17, or
D 6.8 at a council whose protocol has no such procedure).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import Fits, Id, Input, body_ref, fits
from accord.api.schemas import ErrorOut
from accord.core.access import Actor
from accord.councils.models import Member
from accord.enquiries import selectors, services
from accord.enquiries.access import enquiry_for
from accord.enquiries.dispute_access import dispute_actions_for, dispute_for, disputes_visible_to
from accord.enquiries.models import InformationDispute

router = Router(tags=["disputes"])
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}
TEXT_MAX = 10_000


class DisputeStepOut(Schema):
    at: dt.datetime
    by: str
    state: str
    what: str
    citations: list[dict[str, Any]]


class DisputeOut(Schema):
    id: int
    council: str
    document: str
    state: str
    state_label: str
    member: str
    chief_officer: str
    enquiry_id: int | None
    declined_reason: str
    member_grounds: str
    decision: str
    created: dt.datetime
    updated: dt.datetime
    actions: list[str] = Field(description="The steps the caller may take now (N 17).")
    history: list[DisputeStepOut]


class DisputeOpenIn(Input):
    document: Annotated[str, fits(InformationDispute, "document")] = Field(min_length=1)
    reason: Annotated[str, Fits(max_length=TEXT_MAX, multiline=True)] = Field(min_length=1)
    member_id: Id | None = Field(None, description="Required unless enquiry_id names the enquiry.")
    enquiry_id: Id | None = None


class GroundsIn(Input):
    grounds: Annotated[str, Fits(max_length=TEXT_MAX, multiline=True)] = Field(min_length=1)


class DecisionIn(Input):
    entitled: bool
    decision: Annotated[str, Fits(max_length=TEXT_MAX, multiline=True)] = Field(min_length=1)


class ReasonIn(Input):
    reason: Annotated[str, Fits(max_length=TEXT_MAX, multiline=True)] = Field(min_length=1)


def dispute_out(actor: Actor, d: InformationDispute) -> dict[str, Any]:
    return {
        "id": d.pk,
        "council": d.council.slug,
        "document": d.document,
        "state": d.state,
        "state_label": d.get_state_display(),
        "member": str(d.member),
        "chief_officer": d.chief_officer.name,
        "enquiry_id": d.enquiry_id,
        "declined_reason": d.declined_reason,
        "member_grounds": d.member_grounds,
        "decision": d.decision,
        "created": d.created,
        "updated": d.updated,
        "actions": dispute_actions_for(actor, d),
        "history": d.history,
    }


class DisputePageOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[DisputeOut]


class DisputeFilters(Schema):
    page: Annotated[int, Field(ge=1, le=100_000)] = 1
    state: Annotated[
        InformationDispute.State | None, Field(description="Only disputes in this state.")
    ] = None


@router.get("/disputes", response=DisputePageOut)
def dispute_list(request: HttpRequest, filters: Query[DisputeFilters]) -> dict[str, Any]:
    """The disputes the caller may see, newest first, 50 a page (N 17); only those in `state` when given
    (an unknown state is a 422)."""
    actor = api_actor(request)
    disputes = disputes_visible_to(actor)
    if filters.state is not None:
        disputes = disputes.filter(state=filters.state)
    found = selectors.page_of(disputes, number=filters.page)
    return {
        "count": found.count,
        "page": found.number,
        "pages": found.pages,
        "page_size": found.size,
        "results": [dispute_out(actor, d) for d in found.items],
    }


@router.post("/disputes", response={201: DisputeOut, **ERRORS})
def dispute_open(request: HttpRequest, payload: DisputeOpenIn) -> Status[dict[str, Any]]:
    """A Chief Officer records declining a document, on its own or against an enquiry (N 17)."""
    actor = api_actor(request)
    if actor.council_id is None or not actor.is_chief_officer:
        raise Http404("Not found")
    enquiry = enquiry_for(actor, payload.enquiry_id) if payload.enquiry_id else None
    if enquiry is not None:
        member = enquiry.member
    elif payload.member_id is None:
        raise Http404("Not found")
    else:
        member = body_ref(
            Member.objects.filter(council_id=actor.council_id), payload.member_id, "member_id"
        )
    dispute = services.information_dispute_open(
        actor=actor,
        member=member,
        document=payload.document,
        reason=payload.reason,
        enquiry=enquiry,
    )
    return Status(201, dispute_out(actor, dispute_for(actor, dispute.pk)))


@router.get("/disputes/{dispute_id}", response={200: DisputeOut, 404: ErrorOut})
def dispute_detail(request: HttpRequest, dispute_id: int) -> dict[str, Any]:
    """One dispute with every step, its words and paragraph, and the steps the caller may take."""
    actor = api_actor(request)
    return dispute_out(actor, dispute_for(actor, dispute_id))


def _step(request: HttpRequest, dispute_id: int, call: Any) -> dict[str, Any]:
    actor = api_actor(request)
    call(actor, dispute_for(actor, dispute_id))
    return dispute_out(actor, dispute_for(actor, dispute_id))


@router.post("/disputes/{dispute_id}/dispute", response={200: DisputeOut, **ERRORS})
def dispute_dispute(request: HttpRequest, dispute_id: int, payload: GroundsIn) -> dict[str, Any]:
    """The Member disputes the refusal, with grounds: it goes to the Head of Paid Service (N 17)."""
    return _step(
        request,
        dispute_id,
        lambda a, d: services.information_dispute_dispute(
            actor=a, dispute=d, grounds=payload.grounds
        ),
    )


@router.post("/disputes/{dispute_id}/decide", response={200: DisputeOut, **ERRORS})
def dispute_decide(request: HttpRequest, dispute_id: int, payload: DecisionIn) -> dict[str, Any]:
    """The Head of Paid Service decides whether the Member is entitled to the document (N 17)."""
    return _step(
        request,
        dispute_id,
        lambda a, d: services.information_dispute_decide(
            actor=a, dispute=d, entitled=payload.entitled, decision=payload.decision
        ),
    )


@router.post("/disputes/{dispute_id}/refer", response={200: DisputeOut, **ERRORS})
def dispute_refer(request: HttpRequest, dispute_id: int, payload: ReasonIn) -> dict[str, Any]:
    """Still unresolved: the Member or the Head of Paid Service refers it to the Council (N 17)."""
    return _step(
        request,
        dispute_id,
        lambda a, d: services.information_dispute_refer_to_council(
            actor=a, dispute=d, reason=payload.reason
        ),
    )


@router.post("/disputes/{dispute_id}/council-decide", response={200: DisputeOut, **ERRORS})
def dispute_council_decide(
    request: HttpRequest, dispute_id: int, payload: DecisionIn
) -> dict[str, Any]:
    """Democratic services record the Council's decision (N 17)."""
    return _step(
        request,
        dispute_id,
        lambda a, d: services.information_dispute_council_decide(
            actor=a, dispute=d, entitled=payload.entitled, decision=payload.decision
        ),
    )
