"""Meeting invitations to the committee's Members, with the meeting as an iCalendar part (ADR 0022): sent
when the agenda is published, when a published meeting moves, and when it is cancelled; the same UID each
time with the meeting's SEQUENCE, queued in the caller's transaction (sent only if it commits)."""

from __future__ import annotations

import dataclasses

from accord.councils.models import Committee, Member, Office
from accord.notifications.ical import Method, Person, ical_invitation
from accord.notifications.queue import notification_queue_many
from accord.notifications.services import notification_new
from accord.protocol.calendar import LONDON

from .calendar import agenda_url, meeting_event
from .models import Meeting


def meeting_members(meeting: Meeting) -> list[Member]:
    """The committee's Members (for Cabinet, the Leader and Cabinet Members too) with an e-mail address."""
    members = set(meeting.committee.members.filter(is_active=True).exclude(email=""))
    if meeting.committee.kind == Committee.Kind.CABINET:
        cabinet = (Office.Kind.LEADER, Office.Kind.CABINET_MEMBER)
        members |= set(
            Member.objects.filter(
                council=meeting.council, offices__kind__in=cabinet, is_active=True
            )
            .exclude(email="")
            .distinct()
        )
    return sorted(members, key=lambda m: m.pk)


def meeting_invitations_queue(meeting: Meeting) -> int:
    """Queue an invitation (or, for a cancelled meeting, a cancellation) to each Member; returns how many."""
    event = meeting_event(meeting)
    method = Method.CANCEL if meeting.state == Meeting.State.CANCELLED else Method.REQUEST
    starts = meeting.starts_at.astimezone(LONDON)
    messages = []
    for member in meeting_members(meeting):
        invitation = ical_invitation(
            dataclasses.replace(event, attendees=(Person(member.name, member.email),)),
            method=method,
        )
        messages.append(
            notification_new(
                council=meeting.council,
                recipient=member.email,
                recipient_name=f"Cllr {member.name}",
                template="meeting_invitation",
                context={
                    "committee": meeting.committee.name,
                    "starts_at": f"{starts:%A %d %B %Y, %H:%M}",
                    "place": meeting.place,
                    "agenda_url": agenda_url(meeting),
                    "cancelled": method is Method.CANCEL,
                    "sequence": meeting.sequence,
                    "council_name": meeting.council.name,
                },
                idempotency_key=f"meeting-{meeting.uid}-{meeting.sequence}-{member.pk}",
                subject_type="meeting",
                subject_id=str(meeting.pk),
                calendar=invitation,
            )
        )
    notification_queue_many(messages)
    return len(messages)
