"""Informing the local Members of a matter (D 5.3-5.4, N 20-24): receipts, e-mails and invitations.

Called by the services inside their transaction, under the matter's row lock: each Member informed gets one
`Receipt` for the round and one e-mail in the outbox (sent by the worker after commit). A public meeting's
e-mail carries an iCalendar invitation (same UID for the meeting's life, SEQUENCE rising with each change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from accord.core.clock import LONDON
from accord.councils.models import Member
from accord.matters.models import Matter, Receipt
from accord.notifications.ical import CalendarEvent, Method, Person, ical_invitation
from accord.notifications.models import OutboxMessage
from accord.notifications.queue import notification_queue_many
from accord.notifications.services import notification_new
from accord.protocol import Citation


def local_members(matter: Matter) -> QuerySet[Member]:
    """The active Members of the areas the matter affects, or every active Member of a whole-council
    matter (D 5.3, N 21), in name order."""
    members = Member.objects.filter(council_id=matter.council_id, is_active=True)
    if not matter.whole_council:
        members = members.filter(areas__matter_areas__matter=matter)
    return members.distinct().order_by("name", "pk")


def matter_url(matter: Matter) -> str:
    return f"{settings.ACCORD_BASE_URL}{reverse('matters:detail', args=[matter.pk])}"


def meeting_event(matter: Matter, attendees: Iterable[Member] = ()) -> CalendarEvent | None:
    """The public meeting as an iCalendar event (D 5.4, N 23), or None for a matter that is not one."""
    if matter.meeting_start is None or matter.meeting_end is None:
        return None
    officer = matter.responsible_officer
    return CalendarEvent(
        uid=matter.ical_uid,
        sequence=matter.ical_sequence,
        start=matter.meeting_start,
        end=matter.meeting_end,
        summary=matter.title,
        location=matter.location,
        description=matter.summary,
        url=matter_url(matter),
        cancelled=matter.state == Matter.State.CANCELLED,
        organizer=Person(officer.name, officer.email) if officer.email else None,
        attendees=tuple(Person(str(m), m.email) for m in attendees if m.email),
    )


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.astimezone(LONDON)
        return f"{value:%A} {value.day} {value:%B %Y at %H:%M}"
    return f"{value:%A} {value.day} {value:%B %Y}"


def inform(
    *,
    matter: Matter,
    members: Sequence[Member],
    reason: str,
    citations: Sequence[Citation],
    at: dt.datetime,
    consulted: bool = False,
    method: Method | None = None,
    note: str = "",
) -> list[Receipt]:
    """Record a receipt for each Member for the matter's current round and queue their e-mail.

    A Member already informed in this round for this reason is left out (a repeat is a no-op). For a public
    meeting, `method` (REQUEST or CANCEL) attaches the invitation. Returns the receipts written."""
    already = set(
        Receipt.objects.filter(matter=matter, round=matter.round, reason=reason).values_list(
            "member_id", flat=True
        )
    )
    todo = [m for m in members if m.pk not in already]
    if not todo:
        return []
    cited = [c.to_dict() for c in citations]
    calendar = ""
    if method is not None:
        event = meeting_event(matter, todo)
        calendar = ical_invitation(event, method=method) if event else ""
    context: dict[str, Any] = {
        "matter_url": matter_url(matter),
        "council_name": matter.council.name,
        "reference": matter.reference,
        "title": matter.title,
        "summary": matter.summary,
        "kind": matter.kind_label,
        "service_name": matter.service.name,
        "officer_name": matter.responsible_officer.name,
        "starts_on": _when(matter.starts_on),
        "reason": Receipt.Reason(reason).label,
        "citations": ", ".join(c.label for c in citations),
        "reply_by": _when(matter.reply_by) if consulted else "",
        "meeting": _when(matter.meeting_start) if matter.meeting_start else "",
        "location": matter.location,
        "cancelled": matter.state == Matter.State.CANCELLED,
        "note": note,
    }
    receipts, messages = [], []
    for member in todo:
        key = f"matter:{matter.pk}:{matter.round}:{reason}:member:{member.pk}"
        receipts.append(
            Receipt(
                matter=matter,
                member=member,
                round=matter.round,
                reason=reason,
                informed_at=at,
                channel=Receipt.Channel.EMAIL if member.email else Receipt.Channel.ACCORD,
                citations=cited,
                consulted=consulted,
                invited=method is not None,
                message_key=key if member.email else "",
            )
        )
        if member.email:
            messages.append(
                notification_new(
                    council=matter.council,
                    recipient=member.email,
                    recipient_name=str(member),
                    template="matter_informed",
                    context=context,
                    idempotency_key=key,
                    subject_type="matter",
                    subject_id=str(matter.pk),
                    event_type=f"matter.{reason}",
                    calendar=calendar,
                )
            )
    Receipt.objects.bulk_create(receipts)
    notification_queue_many(messages)
    return receipts


def message_status(receipts: Iterable[Receipt]) -> dict[str, str]:
    """The outbox status of each receipt's e-mail, by idempotency key (queued, sent, retrying, failed)."""
    keys = [r.message_key for r in receipts if r.message_key]
    rows = OutboxMessage.objects.filter(idempotency_key__in=keys).values_list(
        "idempotency_key", "status"
    )
    return dict(rows)
