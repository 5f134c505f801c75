"""Periodic deadline work (D 6.2, D 6.3): reminders before the due date, escalation once overdue, and moving
the due dates of open enquiries when a council's closure days change.

Every job is safe to run twice at once: rows are locked and each notification has an idempotency key that
includes the due date, so a reminder or escalation step is sent once per due date.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Council
from accord.enquiries import rules
from accord.enquiries.models import Enquiry
from accord.enquiries.notify import notify_person
from accord.enquiries.services._common import (
    STEP_TITLES,
    calendar_of,
    chain_person,
    computed_due,
    event_add,
    profile_for,
    settings_for,
    working_days_before,
    working_days_between,
)
from accord.protocol import WorkingCalendar

RUNNING = (Enquiry.State.RECEIVED, Enquiry.State.ASSIGNED, Enquiry.State.HOLDING_REPLY_SENT)


def _calendars() -> dict[int, WorkingCalendar]:
    return {}


def enquiries_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind the assigned officer the council's number of working days before the due date, once."""
    now = now or clock.now()
    today = now.astimezone(clock.LONDON).date()
    calendars: dict[int, WorkingCalendar] = _calendars()
    sent = 0
    candidates = Enquiry.objects.filter(
        state__in=RUNNING, assigned_to__isnull=False, due_date__gte=today
    ).select_related("council", "assigned_to", "service", "member")
    for enquiry in candidates:
        calendar = calendars.setdefault(enquiry.council_id, calendar_of(enquiry.council))
        days = settings_for(enquiry.council).reminder_working_days
        if today < working_days_before(calendar, enquiry.due_date, days):
            continue
        with transaction.atomic():
            # Two runs at once: the second waits here, then sees the first one's reminder.
            Enquiry.objects.select_for_update(of=("self",)).filter(pk=enquiry.pk).first()
            key = enquiry.due_date.isoformat()
            if enquiry.events.filter(kind="reminder", data__due=key).exists():
                continue
            event_add(
                enquiry,
                actor=None,
                kind="reminder",
                description=f"{enquiry.assigned_to.name if enquiry.assigned_to else 'The officer'} reminded: due {enquiry.due_date:%d %B %Y}.",
                citations=rules.citations_of(profile_for(enquiry.council), rules.REMINDERS),
                due=key,
            )
            notify_person(enquiry=enquiry, person=enquiry.assigned_to, event="reminder", key=key)
            sent += 1
    return sent


def enquiries_overdue_escalate(*, now: dt.datetime | None = None) -> int:
    """Past its due date, an enquiry climbs the profile's chain one step every few working days."""
    now = now or clock.now()
    today = now.astimezone(clock.LONDON).date()
    calendars: dict[int, WorkingCalendar] = _calendars()
    steps = 0
    ids = list(
        Enquiry.objects.filter(state__in=RUNNING, due_date__lt=today).values_list("pk", flat=True)
    )
    for pk in ids:
        with transaction.atomic():
            enquiry = (
                Enquiry.objects.select_for_update(of=("self",))
                .select_related("council", "service", "assigned_to", "member")
                .filter(pk=pk, state__in=RUNNING, due_date__lt=today)
                .first()
            )
            if enquiry is None:
                continue
            calendar = calendars.setdefault(enquiry.council_id, calendar_of(enquiry.council))
            chain, every, cites = rules.escalation_chain(
                profile_for(enquiry.council), rules.REMINDERS
            )
            overdue_days = working_days_between(calendar, enquiry.due_date, today)
            target = min(len(chain), 1 + overdue_days // max(every, 1))
            while enquiry.escalation_level < target:
                step = chain[enquiry.escalation_level]
                enquiry.escalation_level += 1
                person = chain_person(enquiry, step)
                title = STEP_TITLES.get(step, step)
                who = f"{person.name}, {title}" if person else f"{title} (none recorded)"
                event_add(
                    enquiry,
                    actor=None,
                    kind="escalated-overdue",
                    description=f"Overdue since {enquiry.due_date:%d %B %Y}: escalated to {who}.",
                    citations=cites,
                    step=step,
                    level=enquiry.escalation_level,
                )
                notify_person(
                    enquiry=enquiry,
                    person=person,
                    event="overdue",
                    key=f"{enquiry.due_date.isoformat()}-{enquiry.escalation_level}",
                    step=title,
                )
                steps += 1
            enquiry.save(update_fields=["escalation_level", "updated"])
    return steps


@transaction.atomic
def council_closure_days_apply(*, actor: Actor, council: Council) -> int:
    """After the council's closure days change, move the due dates of its open enquiries, with an event each.

    A date agreed with the Member in a holding reply stays as agreed; closed and answered cases never move.
    """
    if not (actor.is_democratic_services or actor.is_platform_admin or actor.is_chief_officer) or (
        not actor.is_platform_admin and actor.council_id != council.pk
    ):
        raise AccordError("Only democratic services apply a change of closure days.")
    # The change may have been made after `council` was read: take the calendar of the latest settings.
    council.refresh_from_db(fields=["settings_version"])
    calendar = calendar_of(council)
    moved = 0
    open_cases = Enquiry.objects.select_for_update(of=("self",)).filter(
        council=council, state__in=Enquiry.OPEN_STATES, agreed_due_date__isnull=True
    )
    for enquiry in open_cases.select_related("council", "service", "assigned_to", "member"):
        new_due = computed_due(enquiry, calendar)
        if new_due == enquiry.due_date:
            continue
        old_due = enquiry.due_date
        started = enquiry.clock_started_at or enquiry.received_at
        enquiry.day_zero = calendar.due(started, 0).day_zero
        enquiry.due_date = new_due
        enquiry.save(update_fields=["day_zero", "due_date", "updated"])
        event_add(
            enquiry,
            actor=actor,
            kind="due-date-moved",
            description=f"The council's closure days changed: due {new_due:%d %B %Y} (was {old_due:%d %B %Y}).",
            citations=rules.citations_of(
                profile_for(council), rules.RESPONSE_DEADLINE, rules.RESPONSE_SETTING
            ),
            old_due=old_due.isoformat(),
            due=new_due.isoformat(),
        )
        for person in (enquiry.assigned_to, enquiry.member):
            notify_person(
                enquiry=enquiry,
                person=person,
                event="due_date_moved",
                key=new_due.isoformat(),
                old_due=f"{old_due:%A %d %B %Y}",
            )
        moved += 1
    return moved
