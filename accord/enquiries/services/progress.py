"""While an enquiry is live: holding replies, questions to the Member, chasers, reopening, escalation (D 6.3, D 4.3)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.enquiries import rules
from accord.enquiries.access import enquiry_for
from accord.enquiries.models import Enquiry, HoldingReply
from accord.enquiries.notify import notify_person
from accord.enquiries.services._common import (
    STEP_TITLES,
    calendar_of,
    chain_person,
    computed_due,
    enquiry_lock,
    event_add,
    holding_reply_date_check,
    profile_for,
    require_action,
    working_days_between,
)

State = Enquiry.State


@transaction.atomic
def enquiry_holding_reply_send(
    *, actor: Actor, enquiry: Enquiry, reason: str, new_due_date: dt.date
) -> HoldingReply:
    """D 6.3: the reason, and a new timescale proposed to the Member, who accepts or declines it in Accord
    (`enquiry_holding_reply_decide`); until then the due date stands. `new_due_date` is after the due date
    and at most the profile's `longest_extension_working_days` working days after it (or after today, once
    the due date has passed). After the due date the holding reply is recorded late. Errors: AccordError
    naming `reason` or `new_due_date`."""
    enquiry = enquiry_lock(actor, enquiry, "holding-reply", "send a holding reply on")
    today = clock.today()
    if not reason.strip():
        raise AccordError(
            "Say why the substantive response cannot be given in time.", field="reason"
        )
    profile = profile_for(enquiry.council)
    holding_reply_date_check(enquiry, new_due_date, profile=profile, today=today)
    officer = actor.officer or enquiry.assigned_to
    if officer is None:
        raise AccordError("Only an officer sends a holding reply.")
    timing = rules.holding_reply_timing(profile, due_date=enquiry.due_date, today=today)
    late = timing.action == "late"
    waiting = enquiry.holding_replies.filter(decision=HoldingReply.Decision.PROPOSED)
    if waiting.filter(reason=reason.strip(), new_due_date=new_due_date).exists():
        # The same holding reply again (a second click, a retried request): the Member already has it.
        raise AccordError(
            f"This holding reply was already sent on enquiry {enquiry.reference}: the Member has the "
            f"new timescale of {new_due_date:%d %B %Y} and has not answered it yet.",
            citations=list(timing.citations),
        )
    waiting.update(decision=HoldingReply.Decision.SUPERSEDED)
    reply = HoldingReply.objects.create(
        enquiry=enquiry,
        sent_at=clock.now(),
        sent_by=officer,
        reason=reason.strip(),
        new_due_date=new_due_date,
        is_late=late,
    )
    enquiry.state = State.HOLDING_REPLY_SENT
    enquiry.save(update_fields=["state", "updated"])
    event_add(
        enquiry,
        actor=actor,
        kind="holding-reply-late" if late else "holding-reply",
        description=(
            f"{'Late h' if late else 'H'}olding reply: {reason.strip()} New timescale "
            f"{new_due_date:%d %B %Y} proposed to the Member; it is due {enquiry.due_date:%d %B %Y}. "
            f"{timing.message}"
        ),
        citations=timing.citations,
        new_due_date=new_due_date.isoformat(),
        late=late,
        text=reply.reason,
    )
    notify_person(
        enquiry=enquiry,
        person=enquiry.member,
        event="holding_reply",
        key=str(reply.pk),
        reason=reply.reason,
        new_due=f"{new_due_date:%A %d %B %Y}",
        late=late,
    )
    return reply


@transaction.atomic
def enquiry_wait_for_member(*, actor: Actor, enquiry: Enquiry, question: str) -> Enquiry:
    """The officer needs the Member's answer first; where the profile allows it the clock stops (D 6.3)."""
    enquiry = enquiry_lock(actor, enquiry, "wait-for-member", "ask the Member about")
    if not question.strip():
        raise AccordError("Write the question for the Member.", field="question")
    profile = profile_for(enquiry.council)
    paused = rules.pause_allowed(profile)
    enquiry.state = State.WAITING_FOR_MEMBER
    enquiry.paused_since = clock.now() if paused else None
    enquiry.save(update_fields=["state", "paused_since", "updated"])
    clock_note = " The clock is paused." if paused else " The clock keeps running."
    event = event_add(
        enquiry,
        actor=actor,
        kind="waiting-for-member",
        description=f"Question for the Member: {question.strip()}{clock_note}",
        citations=rules.citations_of(profile, rules.PAUSE),
        paused=paused,
        text=question.strip(),
    )
    notify_person(
        enquiry=enquiry,
        person=enquiry.member,
        event="waiting",
        key=str(event.pk),
        question=question.strip(),
        paused=paused,
    )
    return enquiry


@transaction.atomic
def enquiry_member_reply(*, actor: Actor, enquiry: Enquiry, reply: str) -> Enquiry:
    """The Member answers; the due date moves by the working days the enquiry waited."""
    enquiry = enquiry_lock(actor, enquiry, "member-reply", "reply to")
    if not reply.strip():
        raise AccordError("Write your reply.", field="reply")
    calendar = calendar_of(enquiry.council)
    moved = 0
    old_due = enquiry.due_date
    if enquiry.paused_since is not None:
        moved = working_days_between(
            calendar, enquiry.paused_since.astimezone(clock.LONDON).date(), clock.today()
        )
        enquiry.paused_working_days += moved
        if enquiry.agreed_due_date is None:
            enquiry.due_date = computed_due(enquiry, calendar)
    enquiry.paused_since = None
    enquiry.state = State.HOLDING_REPLY_SENT if enquiry.holding_replies.exists() else State.ASSIGNED
    enquiry.save()
    what = (
        f" The clock was paused for {moved} working day(s): due {enquiry.due_date:%d %B %Y} (was {old_due:%d %B %Y})."
        if moved
        else ""
    )
    event = event_add(
        enquiry,
        actor=actor,
        kind="member-replied",
        description=f"The Member replied: {reply.strip()}{what}",
        citations=rules.citations_of(profile_for(enquiry.council), rules.PAUSE),
        paused_working_days=moved,
        text=reply.strip(),
    )
    notify_person(
        enquiry=enquiry,
        person=enquiry.assigned_to,
        event="member_replied",
        key=str(event.pk),
        reply=reply.strip(),
    )
    if enquiry.due_date != old_due:
        notify_person(
            enquiry=enquiry,
            person=enquiry.member,
            event="due_date_moved",
            key=f"paused-{event.pk}",
            old_due=f"{old_due:%A %d %B %Y}",
            why=f"The clock stopped for {moved} working day(s) while the officer waited for your reply",
        )
    return enquiry


@transaction.atomic
def enquiry_chase(*, actor: Actor, enquiry: Enquiry, note: str = "") -> Enquiry:
    """D 6.3 asks Members not to chase a live enquiry: a chaser is allowed, recorded and counted."""
    enquiry = enquiry_lock(actor, enquiry, "chase", "chase")
    Enquiry.objects.filter(pk=enquiry.pk).update(
        chaser_count=F("chaser_count") + 1, updated=clock.now()
    )
    enquiry.refresh_from_db(fields=["chaser_count", "updated"])
    cites = rules.citations_of(profile_for(enquiry.council), rules.CHASERS)
    event = event_add(
        enquiry,
        actor=actor,
        kind="chased",
        description=f"The Member chased the enquiry (chaser {enquiry.chaser_count}). {note.strip()}".strip(),
        citations=cites,
        chaser_count=enquiry.chaser_count,
        text=note.strip(),
    )
    notify_person(
        enquiry=enquiry,
        person=enquiry.assigned_to or enquiry.service.head,
        event="chased",
        key=str(event.pk),
        chaser_count=enquiry.chaser_count,
        note=note.strip(),
    )
    return enquiry


def _restart_clock(enquiry: Enquiry) -> None:
    calendar = calendar_of(enquiry.council)
    enquiry.clock_started_at = clock.now()
    enquiry.paused_working_days = 0
    enquiry.paused_since = None
    enquiry.agreed_due_date = None
    enquiry.answered_at = None
    enquiry.answered_on_time = None
    enquiry.working_days_to_answer = None
    enquiry.closed_at = None
    enquiry.escalation_level = 0
    due = calendar.due(enquiry.clock_started_at, enquiry.working_days)
    enquiry.day_zero, enquiry.due_date = due.day_zero, due.due


@transaction.atomic
def enquiry_reopen(*, actor: Actor, enquiry: Enquiry, reason: str) -> Enquiry:
    """A follow-up within the council's period after the answer reopens the enquiry with a new clock."""
    enquiry = enquiry_for(actor, enquiry.pk, lock=True)
    if enquiry.state in (State.ANSWERED, State.CLOSED) and (
        enquiry.reopen_until is None or clock.today() > enquiry.reopen_until
    ):
        until = (
            f" (it could be reopened until {enquiry.reopen_until:%d %B %Y})"
            if enquiry.reopen_until
            else ""
        )
        raise AccordError(
            f"Enquiry {enquiry.reference} can no longer be reopened{until}: raise a new enquiry."
        )
    require_action(actor, enquiry, "reopen", "reopen")
    if not reason.strip():
        raise AccordError("Say what the follow-up is.", field="reason")
    _restart_clock(enquiry)
    enquiry.state = State.ASSIGNED if enquiry.assigned_to_id else State.RECEIVED
    enquiry.save()
    event = event_add(
        enquiry,
        actor=actor,
        kind="reopened",
        description=f"Reopened for a follow-up: {reason.strip()} New due date {enquiry.due_date:%d %B %Y}.",
        citations=rules.citations_of(
            profile_for(enquiry.council), rules.RESPONSE_DEADLINE, rules.RESPONSE_SETTING
        ),
        text=reason.strip(),
    )
    # The Member is told too (D 6.1): the case has a new clock and due date.
    for person, template in (
        (enquiry.assigned_to or enquiry.service.head, ""),
        (enquiry.member, "enquiry_reopened_member"),
    ):
        notify_person(
            enquiry=enquiry,
            person=person,
            event="reopened",
            template=template,
            key=str(event.pk),
            reason=reason.strip(),
        )
    return enquiry


@transaction.atomic
def enquiry_escalate(*, actor: Actor, enquiry: Enquiry, reason: str) -> Enquiry:
    """D 4.3: a Member not satisfied takes the matter to the Service Manager / Head of Service, then Chief Officer."""
    enquiry = enquiry_lock(actor, enquiry, "escalate", "escalate")
    if not reason.strip():
        raise AccordError("Say why you are not satisfied with the response.", field="reason")
    chain, _, cites = rules.escalation_chain(profile_for(enquiry.council), rules.ESCALATION)
    target = None
    step = ""
    level = enquiry.member_escalation_level
    while level < len(chain) and target is None:
        step = chain[level]
        target = chain_person(enquiry, step)
        level += 1
    if target is None:
        raise AccordError(
            f"Enquiry {enquiry.reference} has already been taken to the most senior officer named in the protocol.",
            citations=cites,
        )
    enquiry.member_escalation_level = level
    _restart_clock(enquiry)
    enquiry.assigned_to = target
    enquiry.state = State.ASSIGNED
    enquiry.save()
    title = STEP_TITLES.get(step, step)
    event = event_add(
        enquiry,
        actor=actor,
        kind="escalated-by-member",
        description=f"The Member is not satisfied and took the matter to {target.name}, {title}: {reason.strip()}",
        citations=cites,
        step=step,
        officer=target.name,
        text=reason.strip(),
    )
    # The Member is told too (D 6.1): the case has a new clock and due date.
    for person, template in ((target, ""), (enquiry.member, "enquiry_escalated_member")):
        notify_person(
            enquiry=enquiry,
            person=person,
            event="escalated",
            template=template,
            key=str(event.pk),
            step=title,
            reason=reason.strip(),
        )
    return enquiry
