"""The Member's answer to a holding reply's new timescale (D 6.3: the timescale is agreed with the Member)."""

from __future__ import annotations

from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.enquiries import rules
from accord.enquiries.models import Enquiry, HoldingReply
from accord.enquiries.notify import notify_person
from accord.enquiries.services._common import enquiry_lock, event_add, profile_for

Decision = HoldingReply.Decision
NOTE_LENGTH = HoldingReply._meta.get_field("decision_note").max_length or 300


def holding_reply_pending(enquiry: Enquiry) -> HoldingReply | None:
    """The holding reply whose timescale waits for the Member's answer, if any (at most one)."""
    return enquiry.holding_replies.filter(decision=Decision.PROPOSED).order_by("-sent_at").first()


@transaction.atomic
def enquiry_holding_reply_decide(
    *, actor: Actor, enquiry: Enquiry, accept: bool, note: str = ""
) -> HoldingReply:
    """D 6.3: the Member (or democratic services for them) accepts or declines the proposed timescale.

    Accepted, a holding reply sent before the due date moves the due date to the new timescale (kept as
    `agreed_due_date`); a late one is recorded as accepted but the enquiry stays due on its date, so an
    answer after it counts late. Declined, the due date stands. The officer is told either way, and the
    Member of a moved due date (D 6.1). Errors: AccordError when no timescale waits for an answer.
    """
    # The case is locked and read afresh: of two answers at once, the second sees the first's outcome.
    enquiry = enquiry_lock(
        actor,
        enquiry,
        "holding-reply-accept" if accept else "holding-reply-decline",
        "answer the holding reply on",
    )
    if len(note.strip()) > NOTE_LENGTH:
        raise AccordError(f"Keep the note to {NOTE_LENGTH} characters.", field="note")
    reply = holding_reply_pending(enquiry)
    if reply is None:
        raise AccordError(f"No new timescale on enquiry {enquiry.reference} waits for an answer.")
    profile = profile_for(enquiry.council)
    cites = rules.citations_of(
        profile, rules.HOLDING_REPLY, rules.RESPONSE_DEADLINE, rules.RESPONSE_SETTING
    )
    reply.decision = Decision.ACCEPTED if accept else Decision.DECLINED
    reply.decided_at = clock.now()
    reply.decided_by = actor.user
    reply.decision_note = note.strip()
    reply.save(update_fields=["decision", "decided_at", "decided_by", "decision_note"])
    old_due = enquiry.due_date
    moves = accept and not reply.is_late and reply.new_due_date > old_due
    if moves:
        enquiry.agreed_due_date = enquiry.due_date = reply.new_due_date
        enquiry.save(update_fields=["agreed_due_date", "due_date", "updated"])
    new = f"{reply.new_due_date:%d %B %Y}"
    if moves:
        outcome = f"The Member agreed the new timescale: due {new} (was {old_due:%d %B %Y})."
    elif accept:
        outcome = (
            f"The Member accepted {new}, but the holding reply came after the due date: the enquiry "
            f"stays due {old_due:%d %B %Y} and an answer after it counts late."
        )
    else:
        outcome = f"The Member declined the new timescale {new}: the enquiry stays due {old_due:%d %B %Y}."
    said = f" They said: {reply.decision_note}" if reply.decision_note else ""
    event_add(
        enquiry,
        actor=actor,
        kind="holding-reply-accepted" if accept else "holding-reply-declined",
        description=f"{outcome}{said}",
        citations=cites,
        new_due_date=reply.new_due_date.isoformat(),
        due=enquiry.due_date.isoformat(),
        accepted=accept,
    )
    notify_person(
        enquiry=enquiry,
        person=enquiry.assigned_to or enquiry.service.head,
        event="holding_reply_decided",
        key=str(reply.pk),
        outcome=outcome,
        note=reply.decision_note,
    )
    if moves:
        notify_person(
            enquiry=enquiry,
            person=enquiry.member,
            event="due_date_moved",
            key=f"holding-{reply.pk}",
            old_due=f"{old_due:%A %d %B %Y}",
            why="The new timescale of the holding reply was accepted",
        )
    return reply
