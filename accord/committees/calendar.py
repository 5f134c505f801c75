"""Meetings as iCalendar events (ADR 0022): the council's public feed of published meetings, and each
Member's meetings in their private feed (`accord.notifications.feeds`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from accord.accounts.models import User
from accord.councils.models import Committee, Office
from accord.notifications.ical import CalendarEvent

from .models import Meeting


def agenda_url(meeting: Meeting) -> str:
    """The published agenda's address under `ACCORD_BASE_URL`."""
    path = reverse("committees:agenda", args=(meeting.council.slug, meeting.pk))
    return f"{settings.ACCORD_BASE_URL}{path}"


def meeting_event(meeting: Meeting) -> CalendarEvent:
    """The meeting as an event: its UID and SEQUENCE kept on the row; a cancelled one stays, marked so."""
    return CalendarEvent(
        uid=f"meeting-{meeting.uid}@accord",
        sequence=meeting.sequence,
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=meeting.committee.name,
        location=meeting.place,
        description=f"Agenda published {meeting.publication_date:%d %B %Y}.",
        url=agenda_url(meeting),
        cancelled=meeting.state == Meeting.State.CANCELLED,
    )


def meetings_of_user(user: User) -> Iterable[CalendarEvent]:
    """The meetings of the committees a Member sits on (Cabinet: the Leader and Cabinet Members), once
    their agenda is published."""
    member = getattr(user, "member", None)
    if member is None:
        return []
    cabinet = member.offices.filter(
        kind__in=[Office.Kind.LEADER, Office.Kind.CABINET_MEMBER]
    ).exists()
    where = Q(committee__members=member)
    if cabinet:
        where |= Q(committee__kind=Committee.Kind.CABINET, council=member.council)
    meetings = (
        Meeting.objects.filter(where, published_at__isnull=False)
        .select_related("committee", "council")
        .distinct()
    )
    return [meeting_event(m) for m in meetings]
