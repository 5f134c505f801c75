"""Periodic deadline work (D 6.2, D 6.3): reminders before the due date, escalation once overdue, and moving
the due dates of open enquiries when a council's closure days change.

Every job is safe to run twice at once: rows are locked and each notification has an idempotency key that
includes the due date, so a reminder or escalation step is sent once per due date. A case a job cannot
handle is logged and left, and the job carries on with the rest (`each_case`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import ClosureDay, Council, Officer
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
logger = logging.getLogger(__name__)
T = TypeVar("T")


def each_case(job: str, items: Iterable[T], work: Callable[[T], int]) -> int:
    """Run `work` on each case in its own transaction and add up what it returns; a case that fails is
    logged (with the job's name and the case) and rolled back, and the job carries on with the rest."""
    done = 0
    for item in items:
        try:
            with transaction.atomic():
                done += work(item)
        except Exception:
            pk = getattr(item, "pk", item)
            logger.exception("%s: enquiry %s could not be handled; the others go on", job, pk)
    return done


def overdue_step_target(chain_length: int, every: int, overdue_days: int) -> int:
    """How many steps of the overdue chain are due (D 6.2, D 6.3): none until a whole working day after
    the due date has passed without an answer (`overdue_days` counts working days after the due date up
    to today, so a weekend adds none), the first on that day, then one more every `every` working days."""
    if overdue_days < 1:
        return 0
    return min(chain_length, 1 + (overdue_days - 1) // max(every, 1))


def _calendars() -> dict[int, WorkingCalendar]:
    return {}


def enquiries_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind the assigned officer the council's number of working days before the due date, once."""
    now = now or clock.now()
    today = now.astimezone(clock.LONDON).date()
    calendars: dict[int, WorkingCalendar] = _calendars()
    candidates = Enquiry.objects.filter(
        state__in=RUNNING, assigned_to__isnull=False, due_date__gte=today
    ).select_related("council", "assigned_to", "service", "member")

    def remind(enquiry: Enquiry) -> int:
        calendar = calendars.setdefault(enquiry.council_id, calendar_of(enquiry.council))
        days = settings_for(enquiry.council).reminder_working_days
        if today < working_days_before(calendar, enquiry.due_date, days):
            return 0
        # Two runs at once: the second waits here, then sees the first one's reminder.
        Enquiry.objects.select_for_update(of=("self",)).filter(pk=enquiry.pk).first()
        key = enquiry.due_date.isoformat()
        if enquiry.events.filter(kind="reminder", data__due=key).exists():
            return 0
        event_add(
            enquiry,
            actor=None,
            kind="reminder",
            description=f"{enquiry.assigned_to.name if enquiry.assigned_to else 'The officer'} reminded: due {enquiry.due_date:%d %B %Y}.",
            citations=rules.citations_of(profile_for(enquiry.council), rules.REMINDERS),
            due=key,
        )
        notify_person(enquiry=enquiry, person=enquiry.assigned_to, event="reminder", key=key)
        return 1

    return each_case("enquiries.reminders_send", candidates, remind)


def enquiries_overdue_escalate(*, now: dt.datetime | None = None) -> int:
    """Past its due date, an enquiry climbs the profile's chain (D 6.2, D 6.3): the first step once a whole
    working day is lost, then one step every `step_working_days` working days, counted by the council's
    calendar. Each step is an event; each person is e-mailed once per due date, naming every role they are
    escalated to (a line manager who is also the Head of Service gets one message). Returns the steps taken.
    """
    now = now or clock.now()
    today = now.astimezone(clock.LONDON).date()
    calendars: dict[int, WorkingCalendar] = _calendars()
    ids = list(
        Enquiry.objects.filter(state__in=RUNNING, due_date__lt=today).values_list("pk", flat=True)
    )

    def escalate(pk: int) -> int:
        enquiry = (
            Enquiry.objects.select_for_update(of=("self",))
            .select_related("council", "service", "assigned_to", "member")
            .filter(pk=pk, state__in=RUNNING, due_date__lt=today)
            .first()
        )
        if enquiry is None:
            return 0
        calendar = calendars.setdefault(enquiry.council_id, calendar_of(enquiry.council))
        chain, every, cites = rules.escalation_chain(profile_for(enquiry.council), rules.REMINDERS)
        overdue_days = working_days_between(calendar, enquiry.due_date, today)
        target = overdue_step_target(len(chain), every, overdue_days)
        due = enquiry.due_date.isoformat()
        told = set(
            enquiry.events.filter(kind="escalated-overdue", data__due=due).values_list(
                "data__officer_id", flat=True
            )
        )
        roles: dict[int, list[str]] = {}
        people: dict[int, Officer] = {}
        steps = 0
        while enquiry.escalation_level < target:
            step = chain[enquiry.escalation_level]
            enquiry.escalation_level += 1
            person = chain_person(enquiry, step)
            title = STEP_TITLES.get(step, step)
            who = f"{person.name}, {title}" if person else f"{title} (none recorded)"
            if person is not None and person.pk in told:
                who += " (already told of this overdue enquiry)"
            event_add(
                enquiry,
                actor=None,
                kind="escalated-overdue",
                description=f"Overdue since {enquiry.due_date:%d %B %Y}: escalated to {who}.",
                citations=cites,
                step=step,
                level=enquiry.escalation_level,
                due=due,
                officer_id=person.pk if person else None,
            )
            if person is not None and person.pk not in told:
                people[person.pk] = person
                roles.setdefault(person.pk, []).append(title)
            steps += 1
        for pk_, person in people.items():
            notify_person(
                enquiry=enquiry,
                person=person,
                event="overdue",
                key=due,
                step=" and ".join(roles[pk_]),
            )
        enquiry.save(update_fields=["escalation_level", "updated"])
        return steps

    return each_case("enquiries.overdue_escalate", ids, escalate)


CLOSURE_DAYS_CHANGED = "The council's closure days changed"
CALENDAR_CHANGED = "The council's working-day calendar changed (bank holidays or closure days)"


@transaction.atomic
def council_closure_days_apply(
    *, actor: Actor | None, council: Council, why: str = CLOSURE_DAYS_CHANGED
) -> int:
    """After the council's calendar changes (closure days added or removed, new bank holidays), re-date its
    open enquiries by the one calendar rule (D 6.3), with a `due-date-moved` event each and an e-mail to the
    officer and the Member (D 6.1). A date the Member accepted in a holding reply stays as agreed; answered,
    closed, diverted and Monitoring Officer cases never move. Records the calendar's fingerprint, so the
    periodic check knows the open cases follow it. `actor` None is the periodic check itself.
    Returns how many cases moved; AccordError when the actor may not change the council's calendar.
    """
    if actor is not None and (
        not (actor.is_democratic_services or actor.is_platform_admin or actor.is_chief_officer)
        or (not actor.is_platform_admin and actor.council_id != council.pk)
    ):
        raise AccordError("Only democratic services apply a change of closure days.")
    # The change may have been made after `council` was read: take the calendar of the latest settings.
    council.refresh_from_db(fields=["settings_version"])
    calendar = calendar_of(council)
    today = clock.today()
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
        if new_due >= today:
            enquiry.escalation_level = (
                0  # no longer overdue: the chain starts again from the new date
            )
        enquiry.save(update_fields=["day_zero", "due_date", "escalation_level", "updated"])
        event_add(
            enquiry,
            actor=actor,
            kind="due-date-moved",
            description=f"{why}: due {new_due:%d %B %Y} (was {old_due:%d %B %Y}).",
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
                why=why,
            )
        moved += 1
    Council.objects.filter(pk=council.pk).update(calendar_fingerprint=calendar.fingerprint())
    return moved


def councils_calendar_check() -> int:
    """The periodic check (D 6.3): a council whose calendar no longer matches the fingerprint its open cases
    were dated by (new bank holidays after an upgrade of the holidays data, or a closure day changed outside
    the services) has its open cases re-dated. A council that fails is logged and the others go on.
    Returns how many cases moved."""
    moved = 0
    for council in Council.objects.all():
        calendar = calendar_of(council)
        if council.calendar_fingerprint == calendar.fingerprint():
            continue
        try:
            moved += council_closure_days_apply(actor=None, council=council, why=CALENDAR_CHANGED)
        except Exception:
            logger.exception(
                "councils.calendar_check: council %s could not be re-dated", council.pk
            )
    return moved


@transaction.atomic
def council_closure_day_add(
    *, actor: Actor, council: Council, date: dt.date, reason: str = ""
) -> int:
    """Add a closure day to the council's calendar and re-date its open enquiries at once (D 6.3).
    Returns how many cases moved; AccordError naming `date` if it is already a closure day."""
    if ClosureDay.objects.filter(council=council, date=date).exists():
        raise AccordError(f"{date:%d %B %Y} is already a closure day.", field="date")
    ClosureDay.objects.create(
        council=council, date=date, reason=reason.strip() or "Council closure day"
    )
    return council_closure_days_apply(actor=actor, council=council)


@transaction.atomic
def council_closure_day_remove(*, actor: Actor, council: Council, date: dt.date) -> int:
    """Remove a closure day and re-date the council's open enquiries at once (D 6.3).
    Returns how many cases moved; AccordError naming `date` if it is not a closure day."""
    deleted, _ = ClosureDay.objects.filter(council=council, date=date).delete()
    if not deleted:
        raise AccordError(f"{date:%d %B %Y} is not a closure day.", field="date")
    return council_closure_days_apply(actor=actor, council=council)
