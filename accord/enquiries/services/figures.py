"""Putting right due dates that a holding reply moved when D 6.3 does not let it (recorded before the Member
answered a new timescale in Accord), so that each case's figures, and the KPI, are true."""

from __future__ import annotations

import datetime as dt

from django.db.models import F

from accord.core import clock
from accord.enquiries import rules
from accord.enquiries.models import Enquiry, HoldingReply
from accord.enquiries.services._common import calendar_of, computed_due, event_add, profile_for
from accord.enquiries.services.deadlines import each_case


def _why_it_could_not_move(enquiry: Enquiry, reply: HoldingReply, original: dt.date) -> str:
    """Why the holding reply could not move the due date to its timescale, or "" when it could."""
    if reply.is_late:
        return "the holding reply came after the due date"
    longest, _ = rules.holding_reply_longest(profile_for(enquiry.council))
    noon = dt.datetime.combine(original, dt.time(12), tzinfo=clock.LONDON)
    if reply.new_due_date > calendar_of(enquiry.council).due(noon, longest).due:
        return f"its timescale was more than {longest} working days after the due date"
    return ""


def enquiry_due_dates_restore() -> int:
    """D 6.3: each case whose due date is a holding reply's timescale that could not move it (a holding reply
    after the due date, or a timescale beyond the profile's longest extension) gets back the due date the
    calendar gives it; an answer is recounted on time or late against it. One `due-date-restored` event
    each, citing D 6.3. Safe to run again (a restored case has no agreed date). A case that cannot be
    handled is logged and the others go on. Returns how many cases were put right."""
    moved = Enquiry.objects.filter(
        agreed_due_date__isnull=False, agreed_due_date=F("due_date")
    ).values_list("pk", flat=True)

    def restore(pk: int) -> int:
        enquiry = (
            Enquiry.objects.select_for_update(of=("self",)).select_related("council").get(pk=pk)
        )
        agreed = enquiry.agreed_due_date
        if agreed is None or agreed != enquiry.due_date:
            return 0
        started = enquiry.clock_started_at or enquiry.received_at
        reply = (
            enquiry.holding_replies.filter(
                sent_at__gte=started,
                decision=HoldingReply.Decision.ACCEPTED,
                new_due_date=agreed,
            )
            .order_by("-sent_at")
            .first()
        )
        if reply is None:
            return 0
        original = computed_due(enquiry, calendar_of(enquiry.council))
        why = _why_it_could_not_move(enquiry, reply, original)
        if not why:
            return 0
        enquiry.due_date, enquiry.agreed_due_date = original, None
        recount = ""
        if enquiry.answered_at is not None:
            enquiry.answered_on_time = (
                enquiry.answered_at.astimezone(clock.LONDON).date() <= original
            )
            recount = f" The answer counts {'on time' if enquiry.answered_on_time else 'late'}."
        enquiry.save(update_fields=["due_date", "agreed_due_date", "answered_on_time", "updated"])
        event_add(
            enquiry,
            actor=None,
            kind="due-date-restored",
            description=(
                f"Due {original:%d %B %Y} again (not {agreed:%d %B %Y}): {why}, so it could not move "
                f"the due date.{recount}"
            ),
            citations=rules.citations_of(
                profile_for(enquiry.council),
                rules.HOLDING_REPLY,
                rules.RESPONSE_DEADLINE,
                rules.RESPONSE_SETTING,
            ),
            old_due=agreed.isoformat(),
            due=original.isoformat(),
        )
        return 1

    return each_case("enquiries.due_dates_restore", list(moved), restore)
