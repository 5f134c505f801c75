"""D 9 in the v1 API: the Members' ICT User Agreement in force and its acceptance, and support requests
for Council business only."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from ninja import Path, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID, Input, fits
from accord.api.schemas import ErrorOut
from accord.correspondence.models import IctAcceptance, SupportRequest
from accord.correspondence.services import support

router = Router(tags=["correspondence"])
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}


class AgreementOut(Schema):
    version: str | None
    text: str
    published_at: dt.datetime | None
    accepted_at: dt.datetime | None = None


def _agreement(request: HttpRequest) -> dict[str, Any]:
    actor = api_actor(request)
    current = support.ict_agreement_current(actor.council_id)
    if current is None:
        return {"version": None, "text": "", "published_at": None}
    accepted = IctAcceptance.objects.filter(agreement=current, user=actor.user).first()
    return {
        "version": current.version,
        "text": current.text,
        "published_at": current.published_at,
        "accepted_at": accepted.accepted_at if accepted else None,
    }


@router.get("/ict-agreement", response=AgreementOut)
def ict_agreement(request: HttpRequest) -> dict[str, Any]:
    """The version in force at the caller's council (all nulls when it has uploaded none) and when the
    caller accepted it."""
    return _agreement(request)


@router.post("/ict-agreement/accept", response={200: AgreementOut, **ERRORS})
def ict_agreement_accept(request: HttpRequest) -> dict[str, Any]:
    """A Member accepts the version in force (D 9); a 404 where the council has none."""
    actor = api_actor(request)
    current = support.ict_agreement_current(actor.council_id)
    if current is None:
        raise Http404("No agreement")
    support.ict_agreement_accept(actor=actor, agreement=current)
    return _agreement(request)


class SupportIn(Input):
    kind: SupportRequest.Kind
    details: Annotated[str, fits(SupportRequest, "details")]
    council_business: bool = False


class DecideIn(Input):
    decision: Literal["provide", "decline"]
    note: Annotated[str, fits(SupportRequest, "details")] = ""


class SupportOut(Schema):
    id: int
    reference: str
    member: str
    kind: str
    details: str
    state: str
    requested_at: dt.datetime


def _out(r: SupportRequest) -> dict[str, Any]:
    return {
        "id": r.pk,
        "reference": r.reference,
        "member": str(r.member),
        "kind": r.kind,
        "details": r.details,
        "state": r.state,
        "requested_at": r.requested_at,
    }


@router.get("/support-requests", response=list[SupportOut])
def support_list(request: HttpRequest) -> list[dict[str, Any]]:
    """A Member's own requests; every request of the council for democratic services."""
    actor = api_actor(request)
    qs = SupportRequest.objects.filter(council_id=actor.council_id or 0).select_related("member")
    if not actor.is_democratic_services:
        qs = qs.filter(member=actor.member) if actor.member is not None else qs.none()
    return [_out(r) for r in qs[:200]]


@router.post("/support-requests", response={201: SupportOut, **ERRORS})
def support_create(request: HttpRequest, payload: SupportIn) -> Status[dict[str, Any]]:
    """A Member asks for support; refused citing D 9 unless `council_business` is confirmed."""
    actor = api_actor(request)
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    made = support.support_request_make(actor=actor, council=council, **payload.dict())
    return Status(201, _out(made))


@router.post("/support-requests/{support_id}/decide", response={200: SupportOut, **ERRORS})
def support_decide(
    request: HttpRequest, support_id: Annotated[int, Path(ge=1, le=MAX_ID)], payload: DecideIn
) -> dict[str, Any]:
    """Democratic services provide or decline a request; another council's is a 404."""
    actor = api_actor(request)
    found = SupportRequest.objects.filter(council_id=actor.council_id or 0, pk=support_id).first()
    if found is None or not (actor.is_democratic_services or found.member == actor.member):
        raise Http404("Not found")
    decided = support.support_request_decide(
        actor=actor, support=found, provide=payload.decision == "provide", note=payload.note
    )
    return _out(decided)
