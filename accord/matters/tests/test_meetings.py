"""A public meeting invites every Member of the affected areas with an iCalendar invitation; a change sends
an update, a cancellation a cancellation, with the same UID and a rising SEQUENCE (D 5.4, N 23)."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from accord.core import clock
from accord.matters import services
from accord.matters.models import Matter
from accord.notifications.feeds import feed_for_token, feed_token_issue
from accord.notifications.models import OutboxMessage

from .factories import Scene, at, make_scene


def meeting(scene: Scene) -> Matter:
    start = clock.now().replace(microsecond=0) + dt.timedelta(days=20)
    return scene.record(
        kind="public-meeting",
        title="Public meeting: the bypass",
        areas=[scene.north, scene.south],
        starts_on=None,
        meeting_start=start,
        meeting_end=start + dt.timedelta(hours=2),
        location="Village Hall",
    )


def invite(recipient: str, index: int = -1) -> icalendar.Calendar:
    mails = list(OutboxMessage.objects.filter(recipient=recipient).order_by("id"))
    return icalendar.Calendar.from_ical(mails[index].calendar)


@pytest.mark.cites("D 5.4", "N 23")
@pytest.mark.parametrize("profile", ["district", "norfolk"])
def test_every_member_of_the_affected_areas_is_invited(profile: str, db: None) -> None:
    district = make_scene(profile)
    matter = meeting(district)
    assert set(matter.receipts.filter(invited=True).values_list("member__name", flat=True)) == {
        "Ann Able",
        "Bob Brown",
        "Cat Cole",
    }
    cal = invite(district.ann.email)
    event = cal.walk("VEVENT")[0]
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == f"matter-meeting-{matter.pk}@{district.council.slug}.accord"
    assert int(event["SEQUENCE"]) == 0 and str(event["LOCATION"]) == "Village Hall"
    assert matter.starts_on == matter.meeting_start.astimezone(clock.LONDON).date()  # type: ignore[union-attr]


@pytest.mark.cites("N 23")
def test_a_change_sends_an_update_and_a_cancellation_a_cancel(norfolk: Scene) -> None:
    matter = meeting(norfolk)
    new_start = at(2027, 2, 1, 18)
    services.matter_meeting_change(
        actor=norfolk.actor("officer"),
        matter=matter,
        meeting_start=new_start,
        meeting_end=new_start + dt.timedelta(hours=1),
        location="Town Hall",
    )
    update = invite(norfolk.cat.email).walk("VEVENT")[0]
    assert int(update["SEQUENCE"]) == 1 and str(update["LOCATION"]) == "Town Hall"
    services.matter_meeting_cancel(actor=norfolk.actor("officer"), matter=matter, reason="Flooding")
    cancel = invite(norfolk.cat.email)
    event = cancel.walk("VEVENT")[0]
    assert str(cancel["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 2
    assert str(event["UID"]) == f"matter-meeting-{matter.pk}@{norfolk.council.slug}.accord"
    history = list(matter.events.values_list("kind", flat=True))
    assert history[-2:] == ["meeting-cancelled", "informed"]
    changed = matter.events.get(kind="meeting-changed")
    assert changed.data["before"]["location"] == "Village Hall"
    assert [c["label"] for c in changed.citations][:1] == ["N 23"]


@pytest.mark.cites("D 5.4")
def test_the_members_private_feed_lists_the_meetings_they_are_invited_to(district: Scene) -> None:
    matter = meeting(district)
    token = feed_token_issue(user=district.users["ann"])
    feed = icalendar.Calendar.from_ical(feed_for_token(token) or "")
    uids = [str(e["UID"]) for e in feed.walk("VEVENT")]
    assert uids == [matter.ical_uid]
    dan = feed_for_token(feed_token_issue(user=district.users["dan"])) or ""
    assert matter.ical_uid not in dan  # East is not affected


def test_a_meeting_needs_its_times(district: Scene) -> None:
    from accord.core.errors import AccordError

    with pytest.raises(AccordError) as refused:
        district.record(kind="public-meeting", starts_on=None)
    assert refused.value.field == "meeting_start"
    assert not Matter.objects.exists()
