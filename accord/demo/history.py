"""A year of Members' enquiries for the demo councils, so the queues, case pages and KPI report have a past.

Deterministic (one seed), fast (`bulk_create`, events included) and idempotent: a council that already has its
history is left alone. About 88% are answered within the deadline (D 6.3); some have holding replies, chasers
and escalations, and a few are open or overdue today.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.db import transaction

from accord.accounts.models import User
from accord.core import clock
from accord.councils.calendars import calendar_for
from accord.councils.models import Council, Member, Officer, Service
from accord.demo.officer_work import demo_officer_work_load
from accord.enquiries.chain import events_chain
from accord.enquiries.models import (
    Category,
    Enquiry,
    EnquiryEvent,
    HoldingReply,
    answered_month_of,
)
from accord.enquiries.notify import (
    enquiry_notice,
    member_acknowledged,
    member_answered,
    member_assigned,
)
from accord.enquiries.selectors import council_service_level
from accord.notifications.models import OutboxMessage
from accord.protocol.calendar import WorkingCalendar

SEED = 2026
HISTORY_MARK = "-H"  # references ENQ-<year>-H<n>: never collide with the live counter
PER_COUNCIL = 1800
ON_TIME_SHARE = 0.88

# Plausible subjects by a keyword of the service's name; the first match wins.
SUBJECTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "waste",
        "Bins and recycling",
        (
            "Missed bin collection on {street}",
            "Fly-tipping behind {street}",
            "Garden waste subscription for a resident of {street}",
            "Overflowing litter bins near {street} shops",
        ),
    ),
    (
        "environment",
        "Street scene",
        (
            "Fly-tipping behind {street}",
            "Graffiti on the underpass at {street}",
            "Dog fouling on {street} footpath",
            "Overgrown verge on {street}",
        ),
    ),
    (
        "planning",
        "Planning",
        (
            "Enforcement: unauthorised extension on {street}",
            "Progress of a planning application on {street}",
            "Tree preservation order on {street}",
            "Hoarding at the building site on {street}",
        ),
    ),
    (
        "housing",
        "Housing",
        (
            "Damp and mould in a council flat on {street}",
            "Housing register band for a family on {street}",
            "Repairs backlog at {street} flats",
            "Temporary accommodation for a resident of {street}",
        ),
    ),
    (
        "highway",
        "Roads and pavements",
        (
            "Pothole on {street}",
            "Broken street light on {street}",
            "Blocked drain on {street}",
            "Request for a dropped kerb on {street}",
        ),
    ),
    (
        "transport",
        "Roads and pavements",
        (
            "Pothole on {street}",
            "Bus shelter damaged on {street}",
            "Speeding concerns on {street}",
            "Parking restrictions on {street}",
        ),
    ),
    (
        "revenue",
        "Council tax and benefits",
        (
            "Council tax reduction for a resident of {street}",
            "Business rates relief for a shop on {street}",
            "Housing benefit delay for a tenant on {street}",
        ),
    ),
    (
        "finance",
        "Council tax and benefits",
        ("Council tax banding query from {street}", "Payment plan for arrears, {street}"),
    ),
    (
        "leisure",
        "Parks and leisure",
        (
            "Play area equipment broken at {street} park",
            "Grass cutting at {street} recreation ground",
            "Opening hours of the leisure centre",
        ),
    ),
    (
        "children",
        "Schools and children",
        (
            "School transport for a pupil on {street}",
            "School admission appeal for a family on {street}",
            "Special educational needs assessment delay",
        ),
    ),
    (
        "adult",
        "Adult social care",
        (
            "Care assessment waiting time for a resident of {street}",
            "Blue badge renewal for a resident of {street}",
            "Home care visits missed on {street}",
        ),
    ),
    (
        "fire",
        "Fire safety",
        (
            "Fire safety check for an elderly resident on {street}",
            "Hydrant marker missing on {street}",
        ),
    ),
    (
        "health",
        "Public health",
        (
            "Noise nuisance from a property on {street}",
            "Food hygiene concern at a takeaway on {street}",
            "Rats reported on {street}",
        ),
    ),
    (
        "legal",
        "Licensing",
        ("Licensing hours for a pub on {street}", "Taxi rank problems on {street}"),
    ),
)
GENERIC = (
    "General",
    ("Question from a resident of {street}", "Follow-up on a letter to a resident of {street}"),
)
STREETS = (
    "Abbey Road",
    "Mill Lane",
    "Station Road",
    "Church Street",
    "Victoria Road",
    "The Green",
    "High Street",
    "Orchard Close",
    "Bridge Street",
    "Meadow Way",
    "Kings Road",
    "Park Avenue",
)


@dataclass
class _Plan:
    enquiry: Enquiry
    events: list[tuple[dt.datetime, str, str, User | None]]
    holding: tuple[dt.datetime, Officer, dt.date] | None = None


def _subjects(service: Service) -> tuple[str, Sequence[str]]:
    name = service.name.lower()
    for key, category, subjects in SUBJECTS:
        if key in name:
            return category, subjects
    return GENERIC


def _categories(council: Council) -> list[tuple[Category, Sequence[str]]]:
    found = []
    for service in Service.objects.filter(council=council, kind=Service.Kind.SERVICE):
        label, subjects = _subjects(service)
        category, _ = Category.objects.get_or_create(
            council=council, name=f"{label} ({service.name})", defaults={"service": service}
        )
        found.append((category, subjects))
    return found


def _working_days(council: Council) -> tuple[int, list[dict[str, str]]]:
    level = council_service_level(council)
    return level.working_days, [c.to_dict() for c in level.citations]


def _after(calendar: WorkingCalendar, day: dt.date, n: int) -> dt.date:
    value: dt.date = calendar.due_many(np.array([day], dtype="datetime64[D]"), n)[0].astype(dt.date)
    return value


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(
        day, dt.time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=clock.LONDON
    )


def enquiry_history_load(council: Council, *, seed: int = SEED, count: int = PER_COUNCIL) -> int:
    """A year of enquiries for one council; does nothing if its history is already there. Returns how many."""
    if Enquiry.objects.filter(council=council, reference__contains=HISTORY_MARK).exists():
        return 0
    rng = random.Random(f"{seed}-{council.slug}")
    categories = _categories(council)
    members = list(Member.objects.filter(council=council).prefetch_related("areas"))
    raiser = User.objects.filter(council=council, is_democratic_services=True).first()
    if not categories or not members or raiser is None:
        return 0
    member_users = {
        u.member_id: u for u in User.objects.filter(council=council, member__isnull=False)
    }
    officers: dict[int, list[Officer]] = {}
    for staff in Officer.objects.filter(council=council, service__isnull=False):
        officers.setdefault(staff.service_id or 0, []).append(staff)
    officer_users = {
        u.officer_id: u for u in User.objects.filter(council=council, officer__isnull=False)
    }
    calendar = calendar_for(council)
    days, citations = _working_days(council)
    now = clock.now()
    today = now.date()
    start = today - dt.timedelta(
        days=365
    )  # received up to yesterday: every step below is in the past
    plans: list[_Plan] = []
    for n in range(count):
        received_on = start + dt.timedelta(days=int(365 * (n + rng.random()) / count))
        received = _at(received_on, rng)
        due = calendar.due(received, days)
        category, subjects = rng.choice(categories)
        member = rng.choice(members)
        areas = list(member.areas.all())
        choices: list[Officer | None] = [*officers.get(category.service_id, [])] or [None]
        officer = rng.choice(choices)
        user = member_users.get(member.pk) or raiser
        e = Enquiry(
            council=council,
            reference=f"ENQ-{received_on.year}{HISTORY_MARK}{n + 1:05d}",
            member=member,
            raised_by=user,
            subject=rng.choice(subjects).format(street=rng.choice(STREETS)),
            details="A resident has asked me to look into this. Please can you let me know what can be done.",
            area=rng.choice(areas) if areas else None,
            category=category,
            service=category.service,
            capacity=Enquiry.Capacity.WARD_CASEWORK
            if rng.random() < 0.8
            else Enquiry.Capacity.COUNCIL_BUSINESS,
            profile_key=council.profile,
            profile_version="history",
            received_at=received,
            clock_started_at=received,
            working_days=days,
            day_zero=due.day_zero,
            due_date=due.due,
            state=Enquiry.State.RECEIVED,
        )
        plan = _Plan(
            e,
            [
                (
                    received,
                    "received",
                    f"Enquiry received. Due by the end of {due.due:%A %d %B %Y}.",
                    user,
                )
            ],
        )
        if officer is not None:
            e.assigned_to = officer
            e.state = Enquiry.State.ASSIGNED
            plan.events.append(
                (
                    received + dt.timedelta(hours=2),
                    "assigned",
                    f"Assigned to {officer.name}.",
                    officer_users.get(officer.pk),
                )
            )
        on_time = rng.random() < ON_TIME_SHARE
        took = rng.randint(0, days) if on_time else days + rng.randint(1, 8)
        sent = _at(_after(calendar, due.day_zero, max(0, days - 1)), rng)
        sent = max(sent, received + dt.timedelta(hours=3))
        if rng.random() < 0.07 and officer is not None and sent < now:
            # a holding reply agreed before the deadline (only one already sent by now)
            new_due = _after(calendar, due.due, rng.randint(3, 10))
            plan.holding = (sent, officer, new_due)
            plan.events.append(
                (
                    sent,
                    "holding-reply",
                    f"Holding reply sent: new date {new_due:%d %B %Y}, accepted by the Member.",
                    officer_users.get(officer.pk),
                )
            )
            e.agreed_due_date = new_due
            e.due_date = new_due
            e.state = Enquiry.State.HOLDING_REPLY_SENT
            took = days + rng.randint(1, 6) if on_time else days + 12
        answered_on = _after(calendar, due.day_zero, took)
        # answered after receipt and after any holding reply; only answered by now counts
        answered = max(
            _at(answered_on, rng),
            received + dt.timedelta(hours=4),
            *([plan.holding[0] + dt.timedelta(hours=1)] if plan.holding else []),
        )
        is_answered = answered < now and officer is not None
        live_until = answered if is_answered else now
        if not on_time or rng.random() < 0.05:
            for k in range(rng.randint(1, 3)):
                when = _at(_after(calendar, due.day_zero, min(took, days + k)), rng)
                if received < when < live_until:  # a Member chases a live enquiry only
                    e.chaser_count += 1
                    plan.events.append((when, "chased", "The Member chased the enquiry.", user))
        if is_answered and officer is not None:
            e.state = Enquiry.State.ANSWERED
            e.answered_at = answered
            e.answered_month = answered_month_of(answered)
            e.answer = "Thank you for raising this. The service has looked into it and action has been taken."
            e.answered_on_time = answered_on <= e.due_date
            e.working_days_to_answer = took
            e.reopen_until = _after(calendar, answered_on, 10)
            timing = "on time" if e.answered_on_time else f"late (due {e.due_date:%d %B %Y})"
            plan.events.append(
                (
                    answered,
                    "answered",
                    f"Substantive response sent, {timing}.",
                    officer_users.get(officer.pk),
                )
            )
            escalated = answered + dt.timedelta(days=1)
            if not e.answered_on_time and rng.random() < 0.2 and escalated < now:
                e.escalation_level = 1
                plan.events.append(
                    (
                        escalated,
                        "escalated",
                        "The Member escalated the enquiry to the Head of Service.",
                        user,
                    )
                )
            if e.reopen_until < today:
                e.state = Enquiry.State.CLOSED
                e.closed_at = max(_at(e.reopen_until, rng), escalated)
                plan.events.append((e.closed_at, "closed", "Enquiry closed.", None))
        plans.append(plan)
    _save(plans, citations)
    return len(plans)


@transaction.atomic
def _save(plans: list[_Plan], citations: list[dict[str, str]]) -> None:
    Enquiry.objects.bulk_create([p.enquiry for p in plans], batch_size=1000)
    events = [
        EnquiryEvent(
            enquiry=p.enquiry,
            at=at,
            kind=kind,
            description=text,
            actor=actor,
            citations=citations if kind in ("received", "answered") else [],
        )
        for p in plans
        for at, kind, text, actor in p.events
    ]
    events_chain(events)
    EnquiryEvent.objects.bulk_create(events, batch_size=2000)
    HoldingReply.objects.bulk_create(
        [
            HoldingReply(
                enquiry=p.enquiry,
                sent_at=sent,
                sent_by=officer,
                reason="Waiting for a contractor's report.",
                new_due_date=new_due,
                decision=HoldingReply.Decision.ACCEPTED,
                decided_at=sent,
                decision_note="That is fine, thank you.",
            )
            for p in plans
            if p.holding is not None
            for sent, officer, new_due in [p.holding]
        ],
        batch_size=1000,
    )
    OutboxMessage.objects.bulk_create(_member_messages(plans), batch_size=1000)


def _member_messages(plans: list[_Plan]) -> list[OutboxMessage]:
    """The e-mails each Member was sent along the way (D 6.1), as the outbox records them: already sent."""
    messages = []
    for plan in plans:
        e = plan.enquiry
        for at, kind, _text, _actor in plan.events:
            notice = None
            if kind == "received":
                notice = member_acknowledged(e)
            elif kind == "assigned" and e.assigned_to is not None:
                notice = member_assigned(e, e.assigned_to)
            elif kind == "holding-reply" and plan.holding is not None:
                notice = enquiry_notice(
                    enquiry=e,
                    person=e.member,
                    event="holding_reply",
                    key="1",
                    reason="Waiting for a contractor's report.",
                    new_due=f"{plan.holding[2]:%A %d %B %Y}",
                    late=False,
                )
            elif kind == "answered":
                notice = member_answered(e, at)
            if notice is not None:
                notice.created_at = notice.next_attempt_at = at
                notice.sent_at = at + dt.timedelta(minutes=1)
                notice.status, notice.attempts, notice.sender = OutboxMessage.Status.SENT, 1, "smtp"
                messages.append(notice)
    return messages


SERVICE_FAILURE_CATEGORY = "Missed bin collection"


def service_failure_category_load(council: Council) -> Category | None:
    """A service-failure category (D 6.6: never for the out-of-hours service), for the waste service or
    else the first service, so the rule can be seen in the demo. Idempotent."""
    services = Service.objects.filter(council=council, kind=Service.Kind.SERVICE).order_by("name")
    service = services.filter(name__icontains="waste").first() or services.first()
    if service is None:
        return None
    category, _ = Category.objects.get_or_create(
        council=council,
        name=SERVICE_FAILURE_CATEGORY,
        defaults={"service": service, "is_service_failure": True},
    )
    return category


def demo_history_load(*, slugs: Sequence[str], seed: int = SEED) -> dict[str, int]:
    """The history of each demo council (by slug) that has none yet; returns how many were created."""
    loaded = {}
    for council in Council.objects.filter(slug__in=slugs):
        service_failure_category_load(council)
        loaded[council.slug] = enquiry_history_load(council, seed=seed)
        if loaded[council.slug]:
            demo_officer_work_load(council)
    return loaded
