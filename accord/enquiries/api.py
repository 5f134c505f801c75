"""Members' enquiries in the v1 API: raise, list, read with history, move through the case, and the KPI.

Every handler authorises through `accord.enquiries.access` (another council's case is a 404) and writes only
through `accord.enquiries.services`; a refusal is a 400 with the paragraphs behind it (D 6.3 and others).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import (
    MAX_ID,
    Day,
    Fits,
    Id,
    Input,
    Moment,
    Slug,
    body_ref,
    fits,
    input_error,
    period_check,
)
from accord.api.schemas import ErrorOut
from accord.cases.history import event_actor_name
from accord.core.access import Actor, council_for
from accord.councils.models import Area, Member
from accord.enquiries import rules, selectors, services
from accord.enquiries.access import enquiries_visible_to, enquiry_actions_for, enquiry_for
from accord.enquiries.models import Category, Enquiry, HoldingReply
from accord.enquiries.postcodes import POSTCODE_INPUT_MAX_LENGTH, enquiry_area_resolve
from accord.enquiries.reports import enquiry_kpi_report
from accord.enquiries.search import MAX_QUERY_LENGTH
from accord.protocol import load_profile

router = Router(tags=["enquiries"])
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}


class Ref(Schema):
    id: int
    name: str


class RouteOut(Schema):
    """The route a case took instead of a deadline, and the paragraphs behind it."""

    route_to: str
    message: str
    citations: list[dict[str, Any]]


class EnquiryOut(Schema):
    id: int
    reference: str
    council: str
    subject: str
    state: str
    state_label: str
    member: Ref
    service: Ref
    category: Ref
    area: Ref | None
    assigned_to: Ref | None
    urgency: str
    capacity: str
    channel: str
    received_at: dt.datetime
    working_days: int
    day_zero: dt.date
    due_date: dt.date | None = Field(
        description="The date the substantive response is due; null for a case that took a route "
        "instead (diverted, D 6.7; the Monitoring Officer, D 4.2)"
    )
    route: RouteOut | None = None
    overdue: bool
    answered_at: dt.datetime | None
    answered_on_time: bool | None
    working_days_to_answer: int | None
    chaser_count: int
    escalation_level: int


class EventOut(Schema):
    at: dt.datetime
    actor: str | None
    kind: str
    description: str
    text: str = Field("", description="The words of the change (answer, question, reply, note)")
    citations: list[dict[str, Any]]


class AnswerOut(Schema):
    """One round's substantive response (D 6.3), kept when the case is reopened and answered again."""

    at: dt.datetime
    actor: str | None
    text: str
    on_time: bool | None


class HoldingReplyOut(Schema):
    sent_at: dt.datetime
    sent_by: str
    reason: str
    new_due_date: dt.date
    is_late: bool
    decision: str = Field(description="proposed, accepted, declined or superseded (D 6.3)")
    decision_label: str
    decided_at: dt.datetime | None
    decision_note: str
    agreed_with_member: bool


class MemberMessageOut(Schema):
    subject: str
    recipient_name: str
    queued_at: dt.datetime
    status: str = Field(description="queued, sent, retrying or failed")
    status_label: str


class MemberMessagesOut(Schema):
    """D 6.1: every e-mail to the Member about the enquiry (never its body), and the paragraphs behind it."""

    citations: list[dict[str, Any]]
    messages: list[MemberMessageOut]


class EnquiryDetailOut(EnquiryOut):
    details: str
    answer: str
    answers: list[AnswerOut]
    actions: list[str]
    holding_replies: list[HoldingReplyOut]
    history: list[EventOut]
    member_messages: MemberMessagesOut


class EnquiryPageOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[EnquiryOut]


# Every input follows the API input rules (`accord.api.inputs`, docs/enquiries.md "API input rules").
Lines = Annotated[str, Fits(multiline=True)]
EnquiryId = Annotated[int, Path(ge=1, le=MAX_ID)]


class EnquiryIn(Input):
    subject: Annotated[str, fits(Enquiry, "subject")]
    details: Annotated[str, fits(Enquiry, "details")]
    category_id: Id
    capacity: Enquiry.Capacity
    member_id: Id | None = None
    area_id: Id | None = None
    postcode: Annotated[str, Fits(max_length=POSTCODE_INPUT_MAX_LENGTH)] = ""
    urgency: Enquiry.Urgency = Enquiry.Urgency.NORMAL
    urgency_justification: Annotated[str, fits(Enquiry, "urgency_justification")] = ""
    constituent_name: Annotated[str, fits(Enquiry, "constituent_name")] = ""
    constituent_contact: Annotated[str, fits(Enquiry, "constituent_contact")] = ""
    constituent_is_employee: bool = False
    is_complaint: bool = False
    channel: Enquiry.Channel = Field(
        Enquiry.Channel.ACCORD,
        description="How the Member made the enquiry; democratic services log phone, letter and email.",
    )
    received_at: Moment | None = Field(
        None,
        description="When a phone, letter or email enquiry was received, with its offset; the deadline "
        "counts from it (D 6.3). Not in the future, nor before the council's backdating limit.",
    )


class ListFilters(Schema):
    service: Id | None = None
    area: Id | None = None
    group: Id | None = None
    state: Enquiry.State | None = None
    overdue: bool = False
    received_from: Day | None = None
    received_to: Day | None = None
    q: Annotated[
        str,
        Fits(max_length=MAX_QUERY_LENGTH),
        Field(description="Search by reference, subject or words in the enquiry or its answer."),
    ] = ""
    page: Annotated[int, Field(ge=1, le=MAX_ID)] = 1
    page_size: Annotated[int, Field(ge=1, le=selectors.MAX_PAGE_SIZE)] = selectors.PAGE_SIZE


def _ref(obj: Any) -> dict[str, Any] | None:
    return None if obj is None else {"id": obj.pk, "name": getattr(obj, "name", str(obj))}


def enquiry_out(e: Enquiry) -> dict[str, Any]:
    route = selectors.enquiry_route(e)
    return {
        "id": e.pk,
        "reference": e.reference,
        "council": e.council.slug,
        "subject": e.subject,
        "state": e.state,
        "state_label": e.get_state_display(),
        "member": _ref(e.member),
        "service": _ref(e.service),
        "category": _ref(e.category),
        "area": _ref(e.area),
        "assigned_to": _ref(e.assigned_to),
        "urgency": e.urgency,
        "capacity": e.capacity,
        "channel": e.channel,
        "received_at": e.received_at,
        "working_days": e.working_days,
        "day_zero": e.day_zero,
        "due_date": None if route else e.due_date,
        "route": route.to_dict() if route else None,
        "overdue": selectors.enquiry_is_overdue(e),
        "answered_at": e.answered_at,
        "answered_on_time": e.answered_on_time,
        "working_days_to_answer": e.working_days_to_answer,
        "chaser_count": e.chaser_count,
        "escalation_level": e.escalation_level,
    }


def _detail(actor: Actor, pk: int) -> dict[str, Any]:
    e = enquiry_for(actor, pk)
    return _detail_of(actor, e, e.holding_replies.select_related("sent_by"))


def _detail_of(actor: Actor, e: Enquiry, holding_replies: Iterable[HoldingReply]) -> dict[str, Any]:
    return {
        **enquiry_out(e),
        "details": e.details,
        "answer": e.answer,
        "answers": [
            {
                "at": ev.at,
                "actor": event_actor_name(ev.actor),
                "text": ev.data["text"],
                "on_time": ev.data.get("on_time"),
            }
            for ev in selectors.enquiry_answer_list(e)
        ],
        "actions": enquiry_actions_for(actor, e),
        "holding_replies": [
            {
                "sent_at": h.sent_at,
                "sent_by": h.sent_by.name,
                "reason": h.reason,
                "new_due_date": h.new_due_date,
                "is_late": h.is_late,
                "decision": h.decision,
                "decision_label": h.get_decision_display(),
                "decided_at": h.decided_at,
                "decision_note": h.decision_note,
                "agreed_with_member": h.agreed_with_member,
            }
            for h in holding_replies
        ],
        "member_messages": {
            "citations": [
                c.to_dict()
                for c in rules.member_informed(load_profile(e.council.profile)).citations
            ],
            "messages": [
                {
                    "subject": m.subject,
                    "recipient_name": m.recipient_name,
                    "queued_at": m.queued_at,
                    "status": m.status,
                    "status_label": m.status_words,
                }
                for m in selectors.enquiry_member_message_list(e)
            ],
        },
        "history": [
            {
                "at": ev.at,
                "actor": event_actor_name(ev.actor),
                "kind": ev.kind,
                "description": ev.description,
                "text": ev.data.get("text", ""),
                "citations": ev.citations,
            }
            for ev in selectors.enquiry_event_list(e)
        ],
    }


@router.post("/enquiries", response={201: EnquiryDetailOut, **ERRORS})
def enquiry_create(request: HttpRequest, payload: EnquiryIn) -> Status[dict[str, Any]]:
    """Raise an enquiry (D 6.3). Democratic services give `member_id` to raise one on a Member's behalf;
    a Member raises as themselves, and a `member_id` other than their own is a 422 naming it."""
    actor = api_actor(request)
    if actor.council_id is None or (actor.member is None and not actor.is_democratic_services):
        raise Http404("Not found")
    if actor.member is not None:
        if payload.member_id not in (None, actor.member.pk):
            raise input_error(
                "body", "member_id", "a Member raises enquiries as themselves; leave it out"
            )
        member = actor.member
    else:
        member = body_ref(
            Member.objects.filter(council_id=actor.council_id), payload.member_id, "member_id"
        )
    category = body_ref(
        Category.objects.select_related("service__head").filter(council_id=actor.council_id),
        payload.category_id,
        "category_id",
    )
    area = (
        body_ref(Area.objects.filter(council_id=actor.council_id), payload.area_id, "area_id")
        if payload.area_id
        else None
    )
    if payload.postcode:
        area = enquiry_area_resolve(council=member.council, area=area, postcode=payload.postcode)
    enquiry = services.enquiry_submit(
        actor=actor,
        member=member,
        subject=payload.subject,
        details=payload.details,
        category=category,
        area=area,
        urgency=payload.urgency,
        urgency_justification=payload.urgency_justification,
        capacity=payload.capacity,
        constituent_name=payload.constituent_name,
        constituent_contact=payload.constituent_contact,
        constituent_is_employee=payload.constituent_is_employee,
        is_complaint=payload.is_complaint,
        channel=payload.channel,
        received_at=payload.received_at,
    )
    # The case was written by this request and the caller raised it, so it is answered from the row in
    # hand (a new case has no holding replies) rather than fetched and authorised again.
    return Status(201, _detail_of(actor, enquiry, holding_replies=()))


@router.get("/enquiries", response=EnquiryPageOut)
def enquiry_list(request: HttpRequest, filters: Query[ListFilters]) -> dict[str, Any]:
    """The enquiries the caller may see, filtered, by due date (overdue first), 50 a page."""
    actor = api_actor(request)
    period_check(
        filters.received_from,
        filters.received_to,
        start_field="received_from",
        end_field="received_to",
    )
    qs = enquiries_visible_to(actor).select_related(*selectors.LIST_RELATED, "council")
    qs = selectors.enquiry_filter(
        qs.order_by("due_date", "id"),
        selectors.EnquiryFilters(
            service=filters.service,
            area=filters.area,
            group=filters.group,
            state=filters.state,
            overdue=filters.overdue,
            received_from=filters.received_from,
            received_to=filters.received_to,
            q=filters.q,
        ),
    )
    page = selectors.page_of(qs, number=filters.page, size=filters.page_size)
    return {
        "count": page.count,
        "page": page.number,
        "pages": page.pages,
        "page_size": page.size,
        "results": [enquiry_out(e) for e in page.items],
    }


@router.get("/enquiries/{enquiry_id}", response={200: EnquiryDetailOut, 404: ErrorOut})
def enquiry_detail(request: HttpRequest, enquiry_id: EnquiryId) -> dict[str, Any]:
    """One enquiry with its holding replies, its history and the actions the caller may take."""
    return _detail(api_actor(request), enquiry_id)


class KpiIn(Schema):
    start: Day | None = None
    end: Day | None = None


@router.get("/councils/{slug}/enquiries/report", response={200: dict[str, Any], 404: ErrorOut})
def enquiry_report(request: HttpRequest, slug: Slug, filters: Query[KpiIn]) -> dict[str, Any]:
    """The KPI: share answered within the deadline by service and month, median, overdue, chasers."""
    council = council_for(api_actor(request), slug)
    period_check(filters.start, filters.end, start_field="start", end_field="end")
    return enquiry_kpi_report(councils=[council], start=filters.start, end=filters.end).to_dict()
