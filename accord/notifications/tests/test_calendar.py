"""Meetings as iCalendar: invitations sent through a real SMTP server, updates and cancellations that a
calendar program matches to the one entry, and each person's private feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import icalendar
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accord.accounts.models import User
from accord.core import clock
from accord.councils.tests.factories import UserFactory
from accord.notifications import feeds
from accord.notifications.ical import CalendarEvent, Method, Person, ical_invitation
from accord.notifications.models import CalendarFeedToken
from accord.notifications.queue import notification_queue

from .conftest import SmtpServer

START = dt.datetime(2026, 3, 4, 18, 30, tzinfo=clock.LONDON)


def _event(**changes: object) -> CalendarEvent:
    fields: dict[str, object] = {
        "uid": "matter-meeting-7@testshire.accord",
        "sequence": 0,
        "start": START,
        "end": START + dt.timedelta(hours=2),
        "summary": "Public meeting: Abbey Road car park",
        "location": "Abbey Road Community Centre",
        "organizer": Person("Democratic Services", "democratic.services@testshire.gov.uk"),
        "attendees": (Person("Alex Member", "alex@testshire.gov.uk"),),
    }
    fields.update(changes)
    return CalendarEvent(**fields)  # type: ignore[arg-type]


def _parsed(text: str) -> tuple[icalendar.Calendar, icalendar.cal.Component]:
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_an_update_and_a_cancellation_keep_the_uid_and_raise_the_sequence() -> None:
    _, first = _parsed(ical_invitation(_event()))
    moved_calendar, moved = _parsed(
        ical_invitation(_event(sequence=1, location="Town Hall, Committee Room 2"))
    )
    cancelled_calendar, cancelled = _parsed(ical_invitation(_event(sequence=2, cancelled=True)))

    assert {str(e["uid"]) for e in (first, moved, cancelled)} == {
        "matter-meeting-7@testshire.accord"
    }
    assert [int(e["sequence"]) for e in (first, moved, cancelled)] == [0, 1, 2]
    assert str(moved_calendar["method"]) == "REQUEST"
    assert str(moved["location"]) == "Town Hall, Committee Room 2"
    assert str(cancelled_calendar["method"]) == "CANCEL"
    assert str(cancelled["status"]) == "CANCELLED"
    # Times are written in UTC: 18:30 in London in March is 18:30 UTC.
    assert first.decoded("dtstart") == dt.datetime(2026, 3, 4, 18, 30, tzinfo=dt.UTC)


def test_a_naive_time_or_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        _event(start=dt.datetime(2026, 3, 4, 18, 30))  # noqa: DTZ001 (the naive time under test)
    with pytest.raises(ValueError, match="end before"):
        _event(end=START - dt.timedelta(minutes=1))


@pytest.mark.django_db(transaction=True)
def test_the_invitation_arrives_as_a_calendar_part_a_mail_program_understands(
    smtp_server: SmtpServer,
) -> None:
    with transaction.atomic():
        notification_queue(
            council=None,
            recipient="alex@testshire.gov.uk",
            recipient_name="Alex Member",
            template="test_message",
            context={"council_name": "Testshire District Council"},
            idempotency_key="matter-meeting:7:invite:v0",
            calendar=ical_invitation(_event(sequence=1), method=Method.REQUEST),
        )
    call_command("worker", "--once")

    assert len(smtp_server.messages) == 1
    mail = smtp_server.messages[0].message
    parts = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    assert parts[0].get_param("method") == "REQUEST"
    assert parts[0].get_filename() == "invite.ics"
    _, event = _parsed(parts[0].get_content())
    assert int(event["sequence"]) == 1
    assert str(event["summary"]) == "Public meeting: Abbey Road car park"


@pytest.fixture
def a_feed_source() -> Iterator[list[User]]:
    asked: list[User] = []

    def meetings(user: User) -> Iterable[CalendarEvent]:
        asked.append(user)
        return [_event(), _event(uid="other@testshire.accord", cancelled=True)]

    feeds.calendar_feed_register("test", meetings)
    yield asked
    feeds._SOURCES.pop("test", None)


@pytest.mark.django_db
def test_a_person_makes_a_private_link_and_a_new_one_stops_the_old(
    client: Client, a_feed_source: list[User]
) -> None:
    user = UserFactory()
    client.force_login(user)
    made = client.post(reverse("web:calendar-feed"), {"action": "new"})
    assert made.status_code == 200
    first_url = made.context["new_url"]
    assert first_url.endswith(".ics")

    feed = Client().get(first_url)
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    assert str(calendar["method"]) == "PUBLISH"
    assert {str(e["uid"]) for e in calendar.walk("VEVENT")} == {
        "matter-meeting-7@testshire.accord",
        "other@testshire.accord",
    }
    assert a_feed_source == [user]
    # Only a fingerprint of the token is kept.
    assert first_url.rsplit("/", 1)[1].removesuffix(".ics") not in {
        t.token_hash for t in CalendarFeedToken.objects.all()
    }

    second_url = client.post(reverse("web:calendar-feed"), {"action": "new"}).context["new_url"]
    assert Client().get(first_url).status_code == 404
    assert Client().get(second_url).status_code == 200

    client.post(reverse("web:calendar-feed"), {"action": "stop"})
    assert Client().get(second_url).status_code == 404
    assert CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_a_deactivated_persons_link_stops(client: Client, a_feed_source: list[User]) -> None:
    user = UserFactory()
    token = feeds.feed_token_issue(user=user)
    url = reverse("web:calendar-feed-ics", args=[token])
    assert Client().get(url).status_code == 200
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert Client().get(url).status_code == 404


@pytest.mark.django_db
def test_an_unknown_action_names_the_problem(client: Client) -> None:
    client.force_login(UserFactory())
    response = client.post(reverse("web:calendar-feed"), {"action": "delete-everything"})
    assert response.status_code == 400
    assert b"Choose whether to make a new link or stop the link" in response.content
