"""Local matters in the v1 API (D 5.2-5.4, N 20-24): record, list, read with the areas, receipts, responses
and history, the place-to-area lookup and the informed-in-time report.

Every handler authorises through `accord.matters.access` (another council's matter is a 404) and writes
only through `accord.matters.services`; a rule's refusal is a 400 with its paragraphs; a bad input (an
unknown area, a postcode the council lacks, a point outside it) is a 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID, Slug, body_ref, input_error
from accord.api.schemas import ErrorOut
from accord.cases.history import event_actor_name
from accord.core.access import Actor, council_for
from accord.core.errors import AccordError
from accord.councils.models import Area, Council, Officer, Service
from accord.councils.places import Place, areas_for_place
from accord.matters import rules, selectors, services
from accord.matters.access import matter_for, records_matters
from accord.matters.actions import MATTER_ACTIONS
from accord.matters.api_inputs import MatterIn, MatterPlaceFields
from accord.matters.forms import place_from
from accord.matters.models import Matter
from accord.protocol import load_profile

router = Router(tags=["matters"])
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut, 422: ErrorOut}
MatterId = Annotated[int, Path(ge=1, le=MAX_ID)]


class MatterAreaOut(Schema):
    id: int
    name: str
    how: str = Field(description="chosen, postcode, point, grid point or drawn area")


class MatterReceiptOut(Schema):
    """One Member informed of one round of the matter (D 5.3, N 20)."""

    member_id: int
    member: str
    round: int
    reason: str
    informed_at: dt.datetime
    channel: str
    citations: list[dict[str, Any]]
    consulted: bool
    invited: bool
    email_status: str = Field(description="Queued, Sent, Failed, or In Accord only")
    opened_at: dt.datetime | None
    late: bool = Field(
        description="The Member's first receipt came too late to contribute (D 5.2, N 20)"
    )


class MatterResponseOut(Schema):
    member_id: int
    member: str
    text: str
    at: dt.datetime


class MatterEventOut(Schema):
    at: dt.datetime
    actor: str | None
    kind: str
    description: str
    data: dict[str, Any]
    citations: list[dict[str, Any]]


class MatterOut(Schema):
    id: int
    reference: str
    council: str
    title: str
    summary: str
    kind: str
    kind_label: str
    state: str
    service: str
    responsible_officer: str
    whole_council: bool
    starts_on: dt.date
    recorded_at: dt.datetime
    reply_by: dt.date | None
    meeting_start: dt.datetime | None
    meeting_end: dt.datetime | None
    location: str
    areas: list[MatterAreaOut]


class MatterDetailOut(MatterOut):
    citations: list[dict[str, Any]]
    not_informed: list[str]
    receipts: list[MatterReceiptOut]
    responses: list[MatterResponseOut]
    history: list[MatterEventOut]
    actions: list[str]


class MatterPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[MatterOut]


class MatterListFilters(Schema):
    kind: Annotated[str, Field(max_length=60)] = ""
    page: Annotated[int, Field(ge=1, le=MAX_ID)] = 1


class MatterPlaceAreasOut(Schema):
    how: str
    areas: list[MatterAreaOut]


class MatterPlaceIn(MatterPlaceFields):
    pass


@contextmanager
def _fields() -> Iterator[None]:
    """An AccordError about one input becomes a 422 naming that field, with its paragraphs."""
    try:
        yield
    except AccordError as error:
        if error.field:
            raise input_error("body", error.field, error.message, error.citations) from None
        raise


def matter_out(m: Matter) -> dict[str, Any]:
    return {
        "id": m.pk,
        "reference": m.reference,
        "council": m.council.slug,
        "title": m.title,
        "summary": m.summary,
        "kind": m.kind,
        "kind_label": m.kind_label,
        "state": m.state,
        "service": m.service.name,
        "responsible_officer": m.responsible_officer.name,
        "whole_council": m.whole_council,
        "starts_on": m.starts_on,
        "recorded_at": m.recorded_at,
        "reply_by": m.reply_by,
        "meeting_start": m.meeting_start,
        "meeting_end": m.meeting_end,
        "location": m.location,
        "areas": [
            {"id": a.area_id, "name": a.area.name, "how": a.how}
            for a in m.matter_areas.select_related("area")
        ],
    }


def matter_detail_out(actor: Actor, m: Matter) -> dict[str, Any]:
    profile = load_profile(m.council.profile)
    informed = selectors.matter_informed_list(m)
    everyone = actor.officer is not None or actor.is_democratic_services
    receipts = [
        {
            "member_id": i.member.pk,
            "member": str(i.member),
            "round": r.round,
            "reason": r.reason,
            "informed_at": r.informed_at,
            "channel": r.channel,
            "citations": r.citations,
            "consulted": r.consulted,
            "invited": r.invited,
            "email_status": status,
            "opened_at": r.opened_at,
            "late": i.late,
        }
        for i in informed
        if everyone or i.member == actor.member
        for r, status in i.rows
    ]
    return {
        **matter_out(m),
        "citations": [
            c.to_dict()
            for c in rules.citations_of(
                profile, *rules.kind_rules(m.kind), rules.ACCOUNTABLE, rules.IN_TIME
            )
        ],
        "not_informed": [str(i.member) for i in informed if not i.informed] if everyone else [],
        "receipts": receipts,
        "responses": [
            {"member_id": r.member_id, "member": str(r.member), "text": r.text, "at": r.at}
            for r in m.responses.select_related("member")
        ],
        "history": [
            {
                "at": e.at,
                "actor": event_actor_name(e.actor),
                "kind": e.kind,
                "description": e.description,
                "data": e.data,
                "citations": e.citations,
            }
            for e in m.events.select_related("actor").order_by("at", "id")
        ],
        "actions": MATTER_ACTIONS.offered_names(actor, m),
    }


def _council(actor: Actor) -> Council:
    if actor.council_id is None:
        raise Http404("Not found")
    return Council.objects.get(pk=actor.council_id)


@router.post("/matters", response={201: MatterDetailOut, **ERRORS})
def matter_create(request: HttpRequest, payload: MatterIn) -> Status[dict[str, Any]]:
    """Record a local matter; every Member of its areas is informed at once (D 5.2-5.4, N 20-24).
    Only the council's officers and democratic services (anyone else: 404)."""
    actor = api_actor(request)
    if not records_matters(actor):
        raise Http404("Not found")
    council = _council(actor)
    service = body_ref(Service.objects.filter(council=council), payload.service_id, "service_id")
    officer = body_ref(
        Officer.objects.filter(council=council, is_active=True),
        payload.responsible_officer_id,
        "responsible_officer_id",
    )
    areas = [
        body_ref(Area.objects.filter(council=council), pk, "area_ids") for pk in payload.area_ids
    ]
    place = _place(payload)
    with _fields():
        matter = services.matter_record(
            actor=actor,
            council=council,
            title=payload.title,
            summary=payload.summary,
            kind=payload.kind,
            service=service,
            responsible_officer=officer,
            starts_on=payload.starts_on,
            areas=areas,
            place=place,
            whole_council=payload.whole_council,
            meeting_start=payload.meeting_start,
            meeting_end=payload.meeting_end,
            location=payload.location,
        )
    return Status(201, matter_detail_out(actor, matter))


def _place(payload: MatterPlaceFields) -> Place | None:
    try:
        return place_from(payload.dict())
    except forms.ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise input_error("body", field, messages[0]) from None


@router.get("/matters", response=MatterPageOut)
def matter_list(request: HttpRequest, filters: Query[MatterListFilters]) -> dict[str, Any]:
    """The matters the caller may see, newest first (a Member: those of their areas, D 5.3, N 20)."""
    actor = api_actor(request)
    qs = selectors.matter_list_for_member(actor, kind=filters.kind).select_related("council")
    page = Paginator(qs, 25).get_page(filters.page)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": [matter_out(m) for m in page.object_list],
    }


@router.post("/matters/place-areas", response={200: MatterPlaceAreasOut, **ERRORS})
def matter_place_areas(request: HttpRequest, payload: MatterPlaceIn) -> dict[str, Any]:
    """The caller's council's wards or divisions a place lies in or touches (D 5.3, N 21): a 422 naming
    the field for a postcode the council lacks or a place outside every area."""
    actor = api_actor(request)
    council = _council(actor)
    place = _place(payload)
    if place is None:
        raise input_error("body", "postcode", "give a postcode, a point or a drawn area")
    with _fields():
        found = areas_for_place(council, place)
    return {
        "how": found.how,
        "areas": [{"id": a.pk, "name": a.name, "how": found.how} for a in found.areas],
    }


@router.get("/matters/{matter_id}", response={200: MatterDetailOut, 404: ErrorOut})
def matter_detail(request: HttpRequest, matter_id: MatterId) -> dict[str, Any]:
    """One matter with who was informed, when, how and under which paragraph (a Member: their own
    receipts); reading it as a Member marks their receipts opened."""
    actor = api_actor(request)
    matter = matter_for(actor, matter_id)
    services.receipts_open(actor=actor, matter=matter)
    return matter_detail_out(actor, matter)


@router.get("/councils/{slug}/matters/report", response={200: dict[str, Any], 404: ErrorOut})
def matter_report(request: HttpRequest, slug: Slug) -> dict[str, Any]:
    """The informed-in-time report by service and month (D 5.2, N 20), counting what the caller may see."""
    actor = api_actor(request)
    council = council_for(actor, slug)
    report = selectors.informed_in_time_report(actor, council)
    return {
        "working_days": report.working_days,
        "citations": [c.to_dict() for c in report.citations],
        "rows": [
            {
                "month": f"{r.month:%Y-%m}",
                "service": r.service,
                "matters": r.matters,
                "matters_late": r.matters_late,
                "members": r.members,
                "in_time": r.in_time,
                "late": r.late,
                "not_informed": r.not_informed,
            }
            for r in report.rows
        ],
    }
