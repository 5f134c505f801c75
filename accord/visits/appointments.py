"""Writes for appointments with officers (D 4.7): a Member books a time, the officer confirms it or proposes
another, and both get an iCalendar invitation; a change or a cancellation updates the same calendar entry
(same UID, SEQUENCE raised in the same locked transaction).

Every service runs in one transaction, reads the appointment `SELECT ... FOR UPDATE` and re-checks the action
against the locked state (`actions_of("appointments")`), and writes an event with the text of the change.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import Http404

from accord.cases.actions import actions_of
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Officer
from accord.notifications.ical import CalendarEvent, Person, ical_invitation
from accord.protocol import Citation
from accord.visits import rules
from accord.visits.access import appointment_for
from accord.visits.chain import appointment_event_add
from accord.visits.models import Appointment
from accord.visits.notify import absolute, notice
from accord.visits.services import council_profile

State = Appointment.State
LONGEST = dt.timedelta(hours=8)
FURTHEST_AHEAD = dt.timedelta(days=366)


def appointment_citations(appointment: Appointment) -> list[Citation]:
    """D 4.7 (and D 4.8) for a district council, N 16 for Norfolk."""
    return rules.citations_of(council_profile(appointment.council), rules.APPOINTMENT)


def _times_check(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    """A time from now to a year ahead, ending after it starts and within eight hours."""
    now = clock.now()
    if starts_at <= now:
        raise AccordError("The meeting must start later than now.", field="starts_at")
    if starts_at > now + FURTHEST_AHEAD:
        raise AccordError("The meeting must start within a year from now.", field="starts_at")
    if ends_at <= starts_at:
        raise AccordError("The meeting must end after it starts.", field="ends_at")
    if ends_at - starts_at > LONGEST:
        raise AccordError("A meeting lasts at most 8 hours.", field="ends_at")


def _place_check(mode: str, location: str, meeting_link: str) -> None:
    if mode == Appointment.Mode.ONLINE and not meeting_link:
        raise AccordError("Give the meeting link for an online meeting.", field="meeting_link")
    if mode == Appointment.Mode.IN_PERSON and not location:
        raise AccordError("Give the place for a meeting in person.", field="location")


def appointment_when(appointment: Appointment) -> str:
    start = appointment.starts_at.astimezone(clock.now().tzinfo)
    end = appointment.ends_at.astimezone(clock.now().tzinfo)
    return f"{start:%A} {start.day} {start:%B %Y}, {start:%H:%M} to {end:%H:%M}"


def calendar_event(appointment: Appointment) -> CalendarEvent:
    """The appointment as one calendar entry (its UID and current SEQUENCE); cancelled ones marked so."""
    where = (
        appointment.meeting_link
        if appointment.mode == Appointment.Mode.ONLINE
        else appointment.location
    )
    member, officer = appointment.member, appointment.officer
    return CalendarEvent(
        uid=appointment.uid,
        sequence=appointment.sequence,
        start=appointment.starts_at,
        end=appointment.ends_at,
        summary=f"{appointment.subject} ({member.name} and {officer.name})",
        location=where,
        description=f"{appointment.get_mode_display()} meeting booked in Accord.",
        url=absolute("visits:appointment", appointment.pk),
        cancelled=appointment.state == State.CANCELLED,
        organizer=Person(member.name, member.email) if member.email else None,
        attendees=tuple(Person(p.name, p.email) for p in (member, officer) if p.email),
    )


def _tell_both(appointment: Appointment, *, what: str, note: str, invite: bool) -> None:
    """E-mail the Member and the officer; with `invite`, the calendar invitation (or its update or
    cancellation) goes with it."""
    calendar = ical_invitation(calendar_event(appointment)) if invite else ""
    for person in (appointment.member, appointment.officer):
        notice(
            council=appointment.council,
            email=person.email,
            name=person.name,
            template="appointment_changed",
            key=f"appointment-{appointment.pk}-{appointment.sequence}-{appointment.state}-"
            f"{type(person).__name__.lower()}",
            subject_type="appointment",
            subject_id=appointment.pk,
            calendar=calendar,
            what=what,
            note=note,
            subject=appointment.subject,
            when=appointment_when(appointment),
            mode=appointment.get_mode_display(),
            where=appointment.meeting_link or appointment.location,
            state=appointment.get_state_display(),
            case_url=absolute("visits:appointment", appointment.pk),
        )


def appointment_book(
    *,
    actor: Actor,
    officer: Officer,
    subject: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    mode: str,
    location: str,
    meeting_link: str,
    note: str,
) -> Appointment:
    """A Member asks an officer of their council for a meeting at a time (D 4.7), in person or online
    (a meeting link). Raises `AccordError` naming the field for a time in the past, more than a year ahead,
    ending before it starts or longer than 8 hours, and for an online meeting without a link."""
    member = actor.member
    if member is None or officer.council_id != member.council_id or not officer.is_active:
        raise Http404("Page not found")
    _times_check(starts_at, ends_at)
    _place_check(mode, location, meeting_link)
    now = clock.now()
    with transaction.atomic():
        appointment = Appointment.objects.create(
            council_id=member.council_id,
            member=member,
            officer=officer,
            subject=subject,
            starts_at=starts_at,
            ends_at=ends_at,
            mode=mode,
            location=location,
            meeting_link=meeting_link,
            state=State.REQUESTED,
            uid=f"appointment-{uuid.uuid4()}@{member.council.slug}.accord",
            created_at=now,
            updated_at=now,
        )
        appointment_event_add(
            appointment,
            at=now,
            actor=actor.user,
            kind="booked",
            description=f"{member.name} asked {officer.name} to meet: "
            f"{appointment_when(appointment)}, {appointment.get_mode_display().lower()}.",
            citations=appointment_citations(appointment),
            text=note,
        )
        notice(
            council=appointment.council,
            email=officer.email,
            name=officer.name,
            template="appointment_booked",
            key=f"appointment-{appointment.pk}-booked",
            subject_type="appointment",
            subject_id=appointment.pk,
            member_name=member.name,
            subject=subject,
            when=appointment_when(appointment),
            mode=appointment.get_mode_display(),
            note=note,
            case_url=absolute("visits:appointment", appointment.pk),
        )
    return appointment


def _locked(actor: Actor, appointment: Appointment, action: str) -> Appointment:
    locked = appointment_for(actor, appointment.pk, lock=True)
    if action not in actions_of("appointments").offered_names(actor, locked):
        raise AccordError(
            f"This appointment is {locked.get_state_display().lower()}: that cannot be done now.",
            citations=appointment_citations(locked),
        )
    return locked


def _save(appointment: Appointment, *fields: str) -> None:
    appointment.updated_at = clock.now()
    appointment.save(update_fields=[*fields, "updated_at"])


def _raise_sequence(appointment: Appointment) -> None:
    Appointment.objects.filter(pk=appointment.pk).update(sequence=F("sequence") + 1)
    appointment.refresh_from_db(fields=["sequence"])


def appointment_confirm(*, actor: Actor, appointment: Appointment, note: str) -> Appointment:
    """The officer confirms the Member's time (D 4.7): both get the calendar invitation."""
    return _agree(actor, appointment, "appointment-confirm", note, "confirmed the time")


def appointment_accept(*, actor: Actor, appointment: Appointment, note: str) -> Appointment:
    """The Member accepts the time the officer proposed (D 4.7): both get the calendar invitation."""
    return _agree(actor, appointment, "appointment-accept", note, "accepted the proposed time")


def _agree(actor: Actor, appointment: Appointment, action: str, note: str, did: str) -> Appointment:
    with transaction.atomic():
        appointment = _locked(actor, appointment, action)
        appointment.state = State.CONFIRMED
        appointment.was_confirmed = True
        _save(appointment, "state", "was_confirmed")
        name = _name(actor)
        appointment_event_add(
            appointment,
            at=clock.now(),
            actor=actor.user,
            kind="confirmed",
            description=f"{name} {did}: {appointment_when(appointment)}.",
            citations=appointment_citations(appointment),
            text=note,
        )
        _tell_both(appointment, what=f"{name} {did}.", note=note, invite=True)
    return appointment


def _name(actor: Actor) -> str:
    person: Any = actor.officer or actor.member
    return str(person.name) if person is not None else "Accord"


def appointment_counter(
    *,
    actor: Actor,
    appointment: Appointment,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    note: str,
) -> Appointment:
    """The officer proposes another time (D 4.7: a mutually agreeable day and time); the Member accepts it
    or cancels. Raises `AccordError` naming the field for a time that does not fit (`_times_check`)."""
    _times_check(starts_at, ends_at)
    with transaction.atomic():
        appointment = _locked(actor, appointment, "appointment-counter")
        before = appointment_when(appointment)
        appointment.starts_at, appointment.ends_at = starts_at, ends_at
        appointment.state = State.COUNTERED
        _save(appointment, "starts_at", "ends_at", "state")
        _raise_sequence(appointment)
        appointment_event_add(
            appointment,
            at=clock.now(),
            actor=actor.user,
            kind="countered",
            description=f"{_name(actor)} proposed another time: {appointment_when(appointment)} "
            f"(instead of {before}).",
            citations=appointment_citations(appointment),
            text=note,
            before=before,
        )
        _tell_both(
            appointment, what=f"{_name(actor)} proposed another time.", note=note, invite=False
        )
    return appointment


def appointment_change(
    *,
    actor: Actor,
    appointment: Appointment,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    mode: str,
    location: str,
    meeting_link: str,
    note: str,
) -> Appointment:
    """The Member or the officer moves a confirmed meeting, or changes where it is: the calendar entry is
    updated for both (same UID, SEQUENCE up), and the other may change it again or cancel it."""
    _times_check(starts_at, ends_at)
    _place_check(mode, location, meeting_link)
    with transaction.atomic():
        appointment = _locked(actor, appointment, "appointment-change")
        before = f"{appointment_when(appointment)}, {appointment.get_mode_display().lower()}"
        appointment.starts_at, appointment.ends_at = starts_at, ends_at
        appointment.mode, appointment.location, appointment.meeting_link = (
            mode,
            location,
            meeting_link,
        )
        _save(appointment, "starts_at", "ends_at", "mode", "location", "meeting_link")
        _raise_sequence(appointment)
        after = f"{appointment_when(appointment)}, {appointment.get_mode_display().lower()}"
        appointment_event_add(
            appointment,
            at=clock.now(),
            actor=actor.user,
            kind="changed",
            description=f"{_name(actor)} changed the meeting to {after} (it was {before}).",
            citations=appointment_citations(appointment),
            text=note,
            before=before,
            after=after,
        )
        _tell_both(appointment, what=f"{_name(actor)} changed the meeting.", note=note, invite=True)
    return appointment


def appointment_cancel(*, actor: Actor, appointment: Appointment, reason: str) -> Appointment:
    """The Member or the officer cancels the appointment; a confirmed one is removed from both calendars
    (the same UID, cancelled, SEQUENCE up)."""
    with transaction.atomic():
        appointment = _locked(actor, appointment, "appointment-cancel")
        appointment.state = State.CANCELLED
        _save(appointment, "state")
        _raise_sequence(appointment)
        appointment_event_add(
            appointment,
            at=clock.now(),
            actor=actor.user,
            kind="cancelled",
            description=f"{_name(actor)} cancelled the appointment.",
            citations=appointment_citations(appointment),
            text=reason,
        )
        _tell_both(
            appointment,
            what=f"{_name(actor)} cancelled the appointment.",
            note=reason,
            invite=appointment.was_confirmed,
        )
    return appointment


def appointment_calendar_events(user: Any) -> list[CalendarEvent]:
    """The person's confirmed appointments (and cancelled ones that had been confirmed, marked so) for their
    private calendar feed."""
    parties = []
    if getattr(user, "member_id", None):
        parties.append(Appointment.objects.filter(member_id=user.member_id))
    if getattr(user, "officer_id", None):
        parties.append(Appointment.objects.filter(officer_id=user.officer_id))
    events = []
    for qs in parties:
        for appointment in qs.filter(was_confirmed=True).select_related(
            "member", "officer", "council"
        ):
            events.append(calendar_event(appointment))
    return events
