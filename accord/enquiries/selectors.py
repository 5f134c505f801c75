"""Reads of Members' enquiries: lists, queues, filters, paging and the rows of the CSV export.

Queues are ordered by due date, so the overdue cases come first (D 6.3). Every list is scoped by the caller to
what the actor may see (a Member's own cases, an officer's service, or the council for democratic services);
the object itself is always fetched through `accord.enquiries.access.enquiry_for`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from accord.core import clock
from accord.councils.models import Council, Member, Officer, Service
from accord.enquiries import rules
from accord.enquiries.models import Enquiry, EnquiryEvent
from accord.enquiries.search import enquiry_search
from accord.enquiries.services._common import person_name, profile_for, settings_for
from accord.notifications.models import OutboxMessage
from accord.notifications.selectors import outbox_list_for_subject
from accord.protocol import Decision, load_profile

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

# The clock stops while the officer waits for the Member, so such a case is not counted as overdue.
RUNNING_STATES = (
    Enquiry.State.RECEIVED,
    Enquiry.State.ASSIGNED,
    Enquiry.State.HOLDING_REPLY_SENT,
)
LIST_RELATED = ("member", "service", "area", "assigned_to", "category")


def council_service_level(council: Council) -> rules.ServiceLevel:
    """The working days the council has to answer a new enquiry, and the paragraphs behind the number.

    D 6.3 fixes it in the district profile; where the protocol fixes none (N 16) it is the council's own
    setting, or the profile's default until the council sets one. Raises `ProfileError` if the council's
    profile does not load.
    """
    return rules.service_level(
        profile_for(council), council_setting=settings_for(council).response_working_days
    )


def overdue_q(today: dt.date | None = None) -> Q:
    """Open, the clock running, and past the end of the due date (D 6.3)."""
    return Q(state__in=RUNNING_STATES, due_date__lt=today or clock.today())


def enquiry_is_overdue(enquiry: Enquiry, today: dt.date | None = None) -> bool:
    return enquiry.state in RUNNING_STATES and enquiry.due_date < (today or clock.today())


def enquiry_route(enquiry: Enquiry) -> Decision | None:
    """The route a diverted (D 6.7) or Monitoring Officer (D 4.2, D 2.4) case took, with its citations, shown
    in place of a due date it no longer has; None for a case that runs to its due date."""
    return rules.route_taken(
        load_profile(enquiry.profile_key or enquiry.council.profile),
        state=enquiry.state,
        complaint_reference=enquiry.complaint_reference,
    )


def _list_qs() -> QuerySet[Enquiry]:
    return Enquiry.objects.select_related(*LIST_RELATED).order_by("due_date", "id")


def enquiry_list_for_member(member: Member) -> QuerySet[Enquiry]:
    """A Member's own enquiries, newest first."""
    return (
        Enquiry.objects.filter(member=member)
        .select_related(*LIST_RELATED)
        .order_by("-received_at", "-id")
    )


def enquiry_queue_for_officer(officer: Officer) -> QuerySet[Enquiry]:
    """The open cases assigned to an officer, by due date (overdue first)."""
    return _list_qs().filter(assigned_to=officer, state__in=Enquiry.OPEN_STATES)


def enquiry_queue_for_service(service: Service) -> QuerySet[Enquiry]:
    """A service's open cases, by due date (overdue first): the Head of Service owns them (D 6.2)."""
    return _list_qs().filter(service=service, state__in=Enquiry.OPEN_STATES)


def enquiry_queue_for_monitoring_officer(council: Council) -> QuerySet[Enquiry]:
    """The council's cases routed to the Monitoring Officer (D 4.2, D 2.4), oldest received first."""
    return (
        Enquiry.objects.select_related(*LIST_RELATED)
        .filter(council=council, state=Enquiry.State.MONITORING_OFFICER)
        .order_by("received_at", "id")
    )


@dataclass(frozen=True)
class EnquiryFilters:
    """The filters of the democratic services list, the API list and the CSV export."""

    service: int | None = None
    area: int | None = None
    group: int | None = None
    state: str | None = None
    overdue: bool = False
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    member: int | None = None
    q: str = ""  # search by reference, subject and text (`accord.enquiries.search`)

    def query_items(self) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        for key, value in self.__dict__.items():
            if value in (None, False, ""):
                continue
            items.append((key, "yes" if value is True else str(value)))
        return items


def enquiry_list_for_council(
    council: Council, *, filters: EnquiryFilters | None = None
) -> QuerySet[Enquiry]:
    """Every enquiry of a council, filtered, by due date (overdue first among open ones)."""
    qs = _list_qs().filter(council=council)
    return enquiry_filter(qs, filters or EnquiryFilters())


def enquiry_filter(qs: QuerySet[Enquiry], filters: EnquiryFilters) -> QuerySet[Enquiry]:
    """`qs` narrowed by the filters (never widened: the caller scopes it to what the actor may see)."""
    if filters.q:
        qs = enquiry_search(qs, filters.q)
    if filters.service:
        qs = qs.filter(service_id=filters.service)
    if filters.area:
        qs = qs.filter(area_id=filters.area)
    if filters.group:
        qs = qs.filter(member__group_id=filters.group)
    if filters.member:
        qs = qs.filter(member_id=filters.member)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.overdue:
        qs = qs.filter(overdue_q())
    if filters.received_from:
        start = dt.datetime.combine(filters.received_from, dt.time(0), tzinfo=clock.LONDON)
        qs = qs.filter(received_at__gte=start)
    if filters.received_to:
        end = dt.datetime.combine(
            filters.received_to + dt.timedelta(days=1), dt.time(0), tzinfo=clock.LONDON
        )
        qs = qs.filter(received_at__lt=end)
    return qs


@dataclass
class Page:
    """One page of a list: the items, the page number and the total, for GOV.UK pagination."""

    items: list[Any]
    number: int
    size: int
    count: int
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        self.pages = max(1, -(-self.count // self.size))

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def first_index(self) -> int:
        return 0 if not self.count else (self.number - 1) * self.size + 1

    @property
    def last_index(self) -> int:
        return min(self.count, self.number * self.size)


def page_of(qs: QuerySet[Any], *, number: int = 1, size: int = PAGE_SIZE) -> Page:
    """A page of `qs` (a number past the end gives the last page)."""
    size = max(1, min(size, MAX_PAGE_SIZE))
    count = qs.count()
    pages = max(1, -(-count // size))
    number = max(1, min(number, pages))
    offset = (number - 1) * size
    return Page(items=list(qs[offset : offset + size]), number=number, size=size, count=count)


def enquiry_event_list(enquiry: Enquiry) -> QuerySet[EnquiryEvent]:
    return enquiry.events.select_related("actor__member", "actor__officer").order_by("at", "id")


def event_actor_name(user: Any) -> str | None:
    """Who acted, as the history names them (`services._common.person_name`); None for Accord itself."""
    return person_name(user)


def enquiry_answer_list(enquiry: Enquiry) -> list[EnquiryEvent]:
    """Every substantive response the case has had, one per round, oldest first (D 6.3): a reopened case
    answered again keeps its first answer in the record. Each event's `data["text"]` is the answer."""
    return [e for e in enquiry_event_list(enquiry) if e.kind == "answered" and "text" in e.data]


# How the case page words an e-mail's delivery (the outbox retries a failed send by itself).
MESSAGE_STATUS_WORDS = {
    "queued": "Queued",
    "sent": "Sent",
    "retrying": "Failed — retrying",
    "failed": "Failed",
}


@dataclass(frozen=True)
class MemberMessage:
    """One e-mail to the enquiry's Member, as the case page shows it: never the body, which may carry a
    constituent's details."""

    subject: str
    recipient_name: str
    queued_at: dt.datetime
    status: str  # queued, sent, retrying or failed

    @property
    def status_words(self) -> str:
        return MESSAGE_STATUS_WORDS[self.status]


def _message_status(status: str, last_error: str) -> str:
    if status == OutboxMessage.Status.SENT:
        return "sent"
    if status == OutboxMessage.Status.FAILED:
        return "failed"
    return "retrying" if last_error else "queued"


def enquiry_member_message_list(enquiry: Enquiry) -> list[MemberMessage]:
    """D 6.1: every e-mail to the enquiry's Member about it, oldest first, with when it was queued and
    whether it went. Other people's e-mails about the case (officers, other wards' Members) are left out."""
    email = enquiry.member.email
    if not email:
        return []
    rows = (
        outbox_list_for_subject(subject_type="enquiry", subject_id=str(enquiry.pk))
        .filter(recipient__iexact=email)
        .order_by("created_at", "id")
        .values_list("subject", "recipient_name", "created_at", "status", "last_error")
    )
    return [
        MemberMessage(subject, name, queued_at, _message_status(status, last_error))
        for subject, name, queued_at, status, last_error in rows
    ]


# The CSV export. Constituent details are personal data (the Member is the data controller for casework):
# only democratic services, who keep the council's records, get them.
CSV_COLUMNS = [
    "reference",
    "received_at",
    "member",
    "group",
    "area",
    "service",
    "category",
    "subject",
    "capacity",
    "urgency",
    "state",
    "assigned_to",
    "working_days",
    "day_zero",
    "due_date",
    "route",
    "overdue",
    "answered_at",
    "answered_on_time",
    "working_days_to_answer",
    "chaser_count",
    "escalation_level",
]
PERSONAL_COLUMNS = ["constituent_name (personal data)", "constituent_contact (personal data)"]


def enquiry_csv_header(*, with_personal_data: bool) -> list[str]:
    return CSV_COLUMNS + (PERSONAL_COLUMNS if with_personal_data else [])


def _iso(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(clock.LONDON).isoformat(timespec="seconds")
    return value.isoformat()


def enquiry_csv_rows(qs: QuerySet[Enquiry], *, with_personal_data: bool) -> Iterator[list[str]]:
    """One row per enquiry, streamed in chunks so a large export never sits in memory."""
    today = clock.today()
    qs = qs.select_related(*LIST_RELATED, "member__group")
    for e in qs.iterator(chunk_size=2000):
        route = enquiry_route(e)
        row = [
            e.reference,
            _iso(e.received_at),
            e.member.name,
            e.member.group.name if e.member.group else "",
            e.area.name if e.area else "",
            e.service.name,
            e.category.name,
            e.subject,
            e.get_capacity_display(),
            e.get_urgency_display(),
            e.get_state_display(),
            e.assigned_to.name if e.assigned_to else "",
            str(e.working_days),
            _iso(e.day_zero),
            "" if route else _iso(e.due_date),
            route.message if route else "",
            "yes" if enquiry_is_overdue(e, today) else "no",
            _iso(e.answered_at),
            "" if e.answered_on_time is None else ("yes" if e.answered_on_time else "no"),
            "" if e.working_days_to_answer is None else str(e.working_days_to_answer),
            str(e.chaser_count),
            str(e.escalation_level),
        ]
        if with_personal_data:
            row += [e.constituent_name, e.constituent_contact]
        yield row
