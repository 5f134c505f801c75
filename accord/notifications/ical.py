"""Meetings as iCalendar (RFC 5545): invitations attached to e-mail, and each person's private feed.

An invitation is METHOD:REQUEST; a changed time or place sends the same UID with a higher SEQUENCE; a
cancellation is METHOD:CANCEL with STATUS:CANCELLED and the same UID (RFC 5546 §3.2.2, §3.2.5), so a
calendar program updates or removes the one entry. Built with the `icalendar` package (ADR 0022).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import icalendar

from accord.core import clock

PRODID = "-//Accord//Member Officer protocol//EN"


class Method(StrEnum):
    """RFC 5546 methods Accord sends: an invitation or its update, a cancellation, a published feed."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"
    PUBLISH = "PUBLISH"


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class CalendarEvent:
    """One meeting. `uid` is stable for the meeting's life (e.g. "matter-meeting-12@council-slug.accord");
    `sequence` counts its changes from 0; `start` and `end` are timezone-aware (stored as UTC);
    `cancelled` marks a cancelled meeting; `url` links to its page in Accord."""

    uid: str
    sequence: int
    start: dt.datetime
    end: dt.datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False
    organizer: Person | None = None
    attendees: tuple[Person, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("A calendar event's start and end must be timezone-aware")
        if self.end < self.start:
            raise ValueError("A calendar event cannot end before it starts")
        if self.sequence < 0:
            raise ValueError("SEQUENCE counts up from 0")


def _vevent(event: CalendarEvent, *, method: Method) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", clock.now().astimezone(dt.UTC))
    vevent.add("dtstart", event.start.astimezone(dt.UTC))
    vevent.add("dtend", event.end.astimezone(dt.UTC))
    vevent.add("summary", event.summary)
    if event.location:
        vevent.add("location", event.location)
    if event.description:
        vevent.add("description", event.description)
    if event.url:
        vevent.add("url", event.url)
    cancelled = event.cancelled or method is Method.CANCEL
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if event.organizer is not None:
        organizer = icalendar.vCalAddress(f"mailto:{event.organizer.email}")
        organizer.params["cn"] = icalendar.vText(event.organizer.name)
        vevent.add("organizer", organizer)
    for person in event.attendees:
        attendee = icalendar.vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = icalendar.vText(person.name)
        attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
        if method is Method.REQUEST:
            attendee.params["rsvp"] = icalendar.vText("FALSE")
        vevent.add("attendee", attendee)
    return vevent


def _calendar(method: Method, name: str = "") -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method.value)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def ical_invitation(event: CalendarEvent, *, method: Method = Method.REQUEST) -> str:
    """One meeting as an iCalendar object to attach to an e-mail: REQUEST (new or changed) or CANCEL.

    Returns the text with CRLF line endings, as RFC 5545 requires. A cancelled event is always sent as
    CANCEL."""
    if event.cancelled:
        method = Method.CANCEL
    if method is Method.PUBLISH:
        raise ValueError(
            "An invitation is a REQUEST or a CANCEL; a feed is published with ical_feed"
        )
    calendar = _calendar(method)
    calendar.add_component(_vevent(event, method=method))
    return calendar.to_ical().decode("utf-8")


def ical_feed(events: Iterable[CalendarEvent], *, name: str) -> str:
    """Many meetings as one published calendar (a subscription feed); cancelled ones stay, marked
    CANCELLED, so a subscribed calendar removes them."""
    calendar = _calendar(Method.PUBLISH, name)
    for event in events:
        calendar.add_component(_vevent(event, method=Method.PUBLISH))
    return calendar.to_ical().decode("utf-8")


def ical_method(text: str) -> Method | None:
    """The METHOD of an iCalendar text, or None (used to label the e-mail attachment's MIME type)."""
    for line in text.splitlines():
        if line.upper().startswith("METHOD:"):
            try:
                return Method(line.split(":", 1)[1].strip().upper())
            except ValueError:
                return None
    return None
