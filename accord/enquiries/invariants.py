"""What every real Member's enquiry obeys, whichever service, import or demo wrote it.

Four are database constraints (`CONSTRAINTS`, used by `Enquiry.Meta`): the database refuses a breach. The
others need the clock or the history and are named checks. All of them are registered with
`accord.core.invariants`, so `accord check-invariants` runs them over any council's data.

This module names the models through the app registry, never by import, because `models.py` imports
`CONSTRAINTS` from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.db.models import CheckConstraint, Count, F, Q

from accord.core import clock
from accord.core.invariants import Breach, Invariant, constraint_invariant, invariant_register
from accord.protocol.calendar import FIRST_DATE, LAST_DATE

ANSWERED_AFTER_RECEIVED = CheckConstraint(
    condition=Q(answered_at__isnull=True) | Q(answered_at__gte=F("received_at")),
    name="enquiry_answered_after_received",
)
CLOSED_AFTER_ANSWERED = CheckConstraint(
    condition=Q(closed_at__isnull=True)
    | Q(answered_at__isnull=False, closed_at__gte=F("answered_at")),
    name="enquiry_closed_after_answered",
)
ANSWERED_HAS_ANSWER = CheckConstraint(
    condition=~Q(state__in=("answered", "closed")) | Q(answered_at__isnull=False),
    name="enquiry_answered_has_answer",
)
DUE_DATE_IN_CALENDAR = CheckConstraint(
    condition=Q(day_zero__gte=FIRST_DATE, day_zero__lte=F("due_date"), due_date__lte=LAST_DATE),
    name="enquiry_due_date_in_calendar",
)
CONSTRAINTS = [
    ANSWERED_AFTER_RECEIVED,
    CLOSED_AFTER_ANSWERED,
    ANSWERED_HAS_ANSWER,
    DUE_DATE_IN_CALENDAR,
]

ENQUIRY = "enquiries.Enquiry"


def _when(value: Any) -> str:
    return "never" if value is None else f"{value.astimezone(clock.LONDON):%Y-%m-%d %H:%M}"


constraint_invariant(
    "enquiry.answered-after-received",
    model=ENQUIRY,
    constraint=ANSWERED_AFTER_RECEIVED,
    description="A substantive response is sent after the enquiry was received (D 6.3).",
    detail=lambda e: (
        f"answered {_when(e.answered_at)}, before it was received {_when(e.received_at)}"
    ),
)
constraint_invariant(
    "enquiry.closed-after-answered",
    model=ENQUIRY,
    constraint=CLOSED_AFTER_ANSWERED,
    description="An enquiry is closed only once answered, and after the answer.",
    detail=lambda e: f"closed {_when(e.closed_at)}, answered {_when(e.answered_at)}",
)
constraint_invariant(
    "enquiry.answered-has-answer",
    model=ENQUIRY,
    constraint=ANSWERED_HAS_ANSWER,
    description="An answered or closed enquiry records when it was answered.",
    detail=lambda e: f"state {e.state!r} but no time of answer",
)
constraint_invariant(
    "enquiry.due-date-in-calendar",
    model=ENQUIRY,
    constraint=DUE_DATE_IN_CALENDAR,
    description=(
        "The due date falls on or after day zero, within the working-day calendar's range "
        f"({FIRST_DATE:%Y} to {LAST_DATE:%Y})."
    ),
    detail=lambda e: f"day zero {e.day_zero}, due {e.due_date}",
)


def _enquiries(council: str | None) -> Any:
    rows = apps.get_model(ENQUIRY).objects.select_related("council").order_by("pk")
    return rows if council is None else rows.filter(council__slug=council)


def _events(council: str | None) -> Any:
    rows = apps.get_model("enquiries.EnquiryEvent").objects.select_related("enquiry__council")
    rows = rows.order_by("enquiry_id", "at", "pk")
    return rows if council is None else rows.filter(enquiry__council__slug=council)


def _nothing_in_the_future(council: str | None) -> Iterator[Breach]:
    now = clock.now()
    name = "enquiry.nothing-in-the-future"
    for field in ("received_at", "answered_at", "closed_at"):
        for e in _enquiries(council).filter(**{f"{field}__gt": now}):
            label = field.removesuffix("_at")
            yield Breach(name, e.council.slug, e.reference, f"{label} {_when(getattr(e, field))}")
    for event in _events(council).filter(at__gt=now):
        e = event.enquiry
        yield Breach(
            name, e.council.slug, e.reference, f"{event.kind!r} event dated {_when(event.at)}"
        )


def _history_after_receipt(council: str | None) -> Iterator[Breach]:
    for event in _events(council).filter(at__lt=F("enquiry__received_at")):
        e = event.enquiry
        yield Breach(
            "enquiry.history-after-receipt",
            e.council.slug,
            e.reference,
            f"{event.kind!r} event dated {_when(event.at)}, before receipt {_when(e.received_at)}",
        )


def _one_answer_per_round(council: str | None) -> Iterator[Breach]:
    rows = _enquiries(council).annotate(
        answers=Count("events", filter=Q(events__kind="answered")),
        reopenings=Count("events", filter=Q(events__kind="reopened")),
    )
    for e in rows.filter(answers__gt=F("reopenings") + 1):
        yield Breach(
            "enquiry.one-answer-per-round",
            e.council.slug,
            e.reference,
            f"{e.answers} substantive responses, {e.reopenings} reopening(s)",
        )


invariant_register(
    Invariant(
        "enquiry.nothing-in-the-future",
        "No enquiry is received, answered or closed, and no event happens, after now.",
        _nothing_in_the_future,
    )
)
invariant_register(
    Invariant(
        "enquiry.history-after-receipt",
        "Every event of an enquiry's history happens at or after its receipt.",
        _history_after_receipt,
    )
)
invariant_register(
    Invariant(
        "enquiry.one-answer-per-round",
        "One substantive response per round: a second answer needs a reopening between (D 6.3).",
        _one_answer_per_round,
    )
)
