"""Shared helpers of the enquiry services: the council's profile and calendar, events, references, people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from accord.core import clock
from accord.core.access import MONITORING_OFFICER, Actor
from accord.core.errors import AccordError
from accord.councils.calendars import calendar_for
from accord.councils.kept import CouncilKept
from accord.councils.models import Council, Member, Officer, StatutoryRole
from accord.enquiries import rules
from accord.enquiries.access import acts_for_member, enquiry_actions_for, enquiry_for
from accord.enquiries.chain import events_chain
from accord.enquiries.models import Enquiry, EnquiryEvent, EnquirySettings, ReferenceCounter
from accord.enquiries.notify import enquiry_notice, notify_people
from accord.notifications.models import OutboxMessage
from accord.protocol import Citation, Profile, WorkingCalendar, load_profile

HEAD_OF_PAID_SERVICE = "head-of-paid-service"
STEP_TITLES = {
    "line-manager": "the line manager",
    "head-of-service": "the Head of Service / Service Manager",
    "chief-officer": "the Chief Officer",
}


def profile_for(council: Council) -> Profile:
    return load_profile(council.profile)


def _settings_read(council: Council) -> EnquirySettings:
    found = EnquirySettings.objects.filter(council=council).first()
    return found if found is not None else EnquirySettings(council=council)


_SETTINGS = CouncilKept(_settings_read)


def settings_for(council: Council) -> EnquirySettings:
    """The council's enquiry settings, defaults where it has none (kept in the process until they change;
    read only: they are changed in the admin)."""
    return _SETTINGS.get(council)


def calendar_of(council: Council) -> WorkingCalendar:
    return calendar_for(council)


def cite_dicts(citations: Iterable[Citation]) -> list[dict[str, str]]:
    return [c.to_dict() for c in citations]


def event_new(
    enquiry: Enquiry,
    *,
    actor: Actor | None,
    kind: str,
    description: str,
    citations: Iterable[Citation] = (),
    **data: Any,
) -> EnquiryEvent:
    """One line of the case's history, not yet written (several go in with one `bulk_create`)."""
    return EnquiryEvent(
        enquiry=enquiry,
        at=clock.now(),
        actor=actor.user if actor is not None else None,
        kind=kind,
        description=description,
        citations=cite_dicts(citations),
        data=data,
    )


def event_add(
    enquiry: Enquiry,
    *,
    actor: Actor | None,
    kind: str,
    description: str,
    citations: Iterable[Citation] = (),
    **data: Any,
) -> EnquiryEvent:
    """One line of the case's history: who, when, what, and the paragraphs behind it."""
    event = event_new(
        enquiry, actor=actor, kind=kind, description=description, citations=citations, **data
    )
    events_chain([event])
    event.save(force_insert=True)
    return event


@dataclass
class CaseChanges:
    """The history lines and e-mails of one change to a case, written together at its end: one insert for
    the events, one for the messages (in the caller's transaction, so they stand or fall with the change)."""

    events: list[EnquiryEvent] = field(default_factory=list)
    notices: list[OutboxMessage | None] = field(default_factory=list)

    def event(
        self,
        enquiry: Enquiry,
        *,
        actor: Actor | None,
        kind: str,
        description: str,
        citations: Iterable[Citation] = (),
        **data: Any,
    ) -> None:
        self.events.append(
            event_new(
                enquiry,
                actor=actor,
                kind=kind,
                description=description,
                citations=citations,
                **data,
            )
        )

    def notify(
        self,
        *,
        enquiry: Enquiry,
        person: Member | Officer | None,
        event: str,
        key: str,
        **extra: Any,
    ) -> None:
        self.notices.append(
            enquiry_notice(enquiry=enquiry, person=person, event=event, key=key, **extra)
        )

    def write(self) -> list[EnquiryEvent]:
        events_chain(self.events)
        events = EnquiryEvent.objects.bulk_create(self.events)
        notify_people(self.notices)
        self.events, self.notices = [], []
        return events


# Steps only the Member's side may take: the Member, or democratic services for them (D 6.3 for a holding
# reply's timescale). Refused to anyone else, the message says who may, not that the case is in a state.
MEMBER_SIDE_ACTIONS = {
    "chase": None,
    "member-reply": None,
    "escalate": None,
    "reopen": None,
    "holding-reply-accept": rules.HOLDING_REPLY,
    "holding-reply-decline": rules.HOLDING_REPLY,
}


def require_action(actor: Actor, enquiry: Enquiry, action: str, doing: str) -> None:
    """Raise `AccordError` unless `action` is open to `actor` on `enquiry` now.

    Two refusals: a step that is not the actor's to take names who may take it ("Only the Member, or
    democratic services for them, may ...", citing the paragraph where the profile has one); a step that is
    the actor's but not open in this state says so ("You cannot ... now (it is <state>)").
    """
    if action in enquiry_actions_for(actor, enquiry):
        return
    if action in MEMBER_SIDE_ACTIONS and not acts_for_member(actor, enquiry):
        rule = MEMBER_SIDE_ACTIONS[action]
        cites = rules.citations_of(profile_for(enquiry.council), rule) if rule else []
        raise AccordError(
            f"Only the Member, or democratic services for them, may {doing} enquiry "
            f"{enquiry.reference}.",
            citations=cites,
        )
    raise AccordError(
        f"You cannot {doing} enquiry {enquiry.reference} now "
        f"(it is {enquiry.get_state_display().lower()})."
    )


def enquiry_lock(actor: Actor, enquiry: Enquiry, action: str, doing: str) -> Enquiry:
    """The case re-read with its row locked until the caller's transaction ends, and `action` re-checked
    against that locked state (so of ten answers at once one is accepted, and no chaser follows the answer).

    Every transition starts here and then works on the returned row, never on the one it was given.
    Raises `AccordError` ("You cannot <doing> enquiry ... now") when the action is no longer open, and
    `Http404` when the actor can no longer see the case.
    """
    locked = enquiry_for(actor, enquiry.pk, lock=True)
    require_action(actor, locked, action, doing)
    return locked


def reference_next(council: Council) -> str:
    """ENQ-<year>-<number>, per council and year, unique under concurrency.

    One statement takes the number: the upsert locks the counter row until the caller's transaction ends, so
    two enquiries raised at the same moment get consecutive numbers (PostgreSQL and SQLite both have it).
    """
    year = clock.today().year
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (council_id, year, last) VALUES (%s, %s, 1) "
            f"ON CONFLICT (council_id, year) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [council.pk, year],
        )
        (number,) = cursor.fetchone()
    return f"ENQ-{year}-{number:06d}"


def working_days_between(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not after `start`)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return count


def working_days_before(calendar: WorkingCalendar, day: dt.date, n: int) -> dt.date:
    while n > 0:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            n -= 1
    return day


def holding_reply_date_check(
    enquiry: Enquiry, new_due_date: dt.date, *, profile: Profile, today: dt.date
) -> None:
    """D 6.3: a proposed timescale is after the due date, not in the past, no more than the profile's
    longest extension (working days after the due date, or after today once it has passed), and a working
    day by the council's calendar (refused naming the next working day).
    Raises AccordError naming `new_due_date`, with the citations."""
    longest, cites = rules.holding_reply_longest(profile)
    if new_due_date <= enquiry.due_date:
        raise AccordError(
            f"The new timescale must be after the current due date ({enquiry.due_date:%d %B %Y}).",
            field="new_due_date",
            citations=cites,
        )
    if new_due_date < today:
        raise AccordError(
            "The new timescale cannot be in the past.", field="new_due_date", citations=cites
        )
    start = max(enquiry.due_date, today)
    calendar = calendar_of(enquiry.council)
    latest = calendar.due(dt.datetime.combine(start, dt.time(12), tzinfo=clock.LONDON), longest)
    if new_due_date > latest.due:
        raise AccordError(
            f"The new timescale can be at most {longest} working days after {start:%d %B %Y}, "
            f"that is {latest.due:%A %d %B %Y} at the latest.",
            field="new_due_date",
            citations=cites,
        )
    closed = calendar.reason(new_due_date)
    if closed is not None:
        # The first working day on or after it: day zero of a count of none (D 6.3).
        after = calendar.due(dt.datetime.combine(new_due_date, dt.time(12), tzinfo=clock.LONDON), 0)
        raise AccordError(
            f"The new timescale must be a working day: {new_due_date:%A %d %B %Y} is not ({closed}). "
            f"The next working day is {after.due:%A %d %B %Y}.",
            field="new_due_date",
            citations=cites,
        )


def computed_due(enquiry: Enquiry, calendar: WorkingCalendar) -> dt.date:
    """The due date by the calendar rule (D 6.3): the case's working days plus any paused days."""
    started = enquiry.clock_started_at or enquiry.received_at
    return calendar.due(started, enquiry.working_days + enquiry.paused_working_days).due


def statutory_officer(council: Council, role: str) -> Officer | None:
    found = StatutoryRole.objects.filter(council=council, role=role).select_related("officer")
    first = found.first()
    return first.officer if first is not None else None


def monitoring_officer_for(council: Council) -> Officer | None:
    return statutory_officer(council, MONITORING_OFFICER)


def chief_officer_for(enquiry: Enquiry) -> Officer | None:
    """Up the line from the service head to a Chief Officer; else the directorate head; else any."""
    seen: set[int] = set()
    person = enquiry.service.head or enquiry.assigned_to
    while person is not None and person.pk not in seen:
        if person.grade == Officer.Grade.CHIEF_OFFICER:
            return person
        seen.add(person.pk)
        person = person.line_manager
    directorate = enquiry.service.directorate
    if directorate is not None and directorate.head is not None:
        return directorate.head
    return (
        Officer.objects.filter(
            council=enquiry.council, grade=Officer.Grade.CHIEF_OFFICER, is_active=True
        )
        .order_by("name")
        .first()
    )


def chain_person(enquiry: Enquiry, step: str) -> Officer | None:
    if step == "line-manager":
        return enquiry.assigned_to.line_manager if enquiry.assigned_to else None
    if step == "head-of-service":
        return enquiry.service.head
    if step == "chief-officer":
        return chief_officer_for(enquiry)
    return None
