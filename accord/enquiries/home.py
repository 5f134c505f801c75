"""What needs each person now, for their home page: overdue cases, those due this week, those waiting for
the Member, new answers shared with them, untaken cases in their service, the Monitoring Officer's queue and
the council's overdue cases (D 6.2, D 6.3, D 6.5, D 4.2).

Every list is built from the same scoped reads as the enquiry pages, so a home page never shows a case (or a
count of cases) the person may not see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from accord.core import clock
from accord.core.access import Actor, is_monitoring_officer
from accord.enquiries import selectors
from accord.enquiries.models import Enquiry
from accord.enquiries.shared import SharedAnswer, shared_answer_list_for

SHOWN = 5
WEEK = dt.timedelta(days=6)
SHARED_RECENT = dt.timedelta(days=14)


@dataclass(frozen=True)
class Task:
    """One heading of a home page: how many cases, the first few, and where to see them all."""

    key: str
    heading: str
    count: int
    enquiries: list[Enquiry] = field(default_factory=list)
    shared: list[SharedAnswer] = field(default_factory=list)
    url: str = ""


def _task(key: str, heading: str, qs: QuerySet[Enquiry], url: str) -> Task | None:
    count = qs.count()
    if not count:
        return None
    return Task(key, heading, count, list(qs[:SHOWN]), url=url)


def _due_soon(qs: QuerySet[Enquiry], today: dt.date) -> QuerySet[Enquiry]:
    """Open with the clock running, due from today to six days on (D 6.3)."""
    return qs.filter(
        state__in=selectors.RUNNING_STATES, due_date__gte=today, due_date__lte=today + WEEK
    ).order_by("due_date", "id")


def _case_tasks(
    prefix: str, qs: QuerySet[Enquiry], today: dt.date, url: str, headings: tuple[str, str, str]
) -> list[Task | None]:
    """Waiting for the Member, overdue, and due this week, of one scoped list (D 6.3)."""
    waiting, overdue, due = headings
    return [
        _task(f"{prefix}-waiting", waiting, qs.filter(state=Enquiry.State.WAITING_FOR_MEMBER), url),
        _task(f"{prefix}-overdue", overdue, qs.filter(selectors.overdue_q(today)), url),
        _task(f"{prefix}-due", due, _due_soon(qs, today), url),
    ]


def _member_tasks(actor: Actor, today: dt.date) -> list[Task | None]:
    assert actor.member is not None
    own = selectors.enquiry_list_for_member(actor.member)
    mine_url = reverse("enquiries:mine")
    shared = [
        s
        for s in shared_answer_list_for(actor.member)
        if s.shared_at >= clock.now() - SHARED_RECENT
    ]
    headings = (
        "Waiting for your reply",
        "Your enquiries past their due date",
        "Your enquiries due this week",
    )
    return [
        *_case_tasks("member", own, today, mine_url, headings),
        Task(
            "member-shared",
            "Answers shared with you in the last 14 days",
            len(shared),
            shared=shared[:SHOWN],
            url=reverse("enquiries:shared"),
        )
        if shared
        else None,
    ]


def _officer_tasks(actor: Actor, today: dt.date) -> list[Task | None]:
    officer = actor.officer
    assert officer is not None
    queue = selectors.enquiry_queue_for_officer(officer)
    queue_url = reverse("enquiries:queue")
    headings = (
        "Waiting for the Member's reply",
        "Overdue in your queue",
        "Due this week in your queue",
    )
    tasks = _case_tasks("officer", queue, today, queue_url, headings)
    if officer.service is not None:
        untaken = selectors.enquiry_queue_for_service(officer.service).filter(
            state=Enquiry.State.RECEIVED, assigned_to__isnull=True
        )
        tasks.append(
            _task(
                "service-unassigned",
                f"Not yet taken in the {officer.service.name} queue",
                untaken,
                reverse("enquiries:service-queue"),
            )
        )
    if is_monitoring_officer(actor):
        tasks.append(
            _task(
                "monitoring-officer",
                "Routed to you as Monitoring Officer",
                selectors.enquiry_queue_for_monitoring_officer(officer.council),
                reverse("enquiries:monitoring-officer-queue"),
            )
        )
    return tasks


def home_tasks_for(actor: Actor, council: Any) -> list[Task]:
    """The headings of work for the actor's home page, only those with cases, most urgent first."""
    if not actor.is_authenticated or council is None:
        return []
    today = clock.today()
    tasks: list[Task | None] = []
    if actor.member is not None:
        tasks += _member_tasks(actor, today)
    if actor.officer is not None:
        tasks += _officer_tasks(actor, today)
    if actor.is_democratic_services:
        all_url = reverse("enquiries:all", kwargs={"slug": council.slug})
        tasks.append(
            _task(
                "council-overdue",
                "Overdue across the council",
                selectors.enquiry_list_for_council(council).filter(selectors.overdue_q(today)),
                f"{all_url}?overdue=yes",
            )
        )
    return [t for t in tasks if t is not None]
