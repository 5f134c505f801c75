"""The demo councils show each flow on first start: concerns routed by each protocol, an informal meeting,
questions and a superseded ruling (D 11, N 3, D 1.3, D 1.4, D 12)."""

from __future__ import annotations

import pytest

from accord.concerns.models import Concern, InformalMeeting
from accord.demo.services import demo_load
from accord.notifications.models import OutboxMessage
from accord.rulings.models import Question, Ruling

pytestmark = pytest.mark.django_db


@pytest.mark.cites("D 11.3", "N 3", "D 12")
def test_the_demo_councils_show_concerns_meetings_questions_and_rulings() -> None:
    demo_load()
    district = Concern.objects.filter(council__slug="ashcombe")
    assert {c.kind for c in district} == {Concern.Kind.ABOUT_OFFICER, Concern.Kind.DIFFICULTY}
    meeting = InformalMeeting.objects.get(concern__council__slug="ashcombe")
    assert {i.invited_as for i in meeting.invitees.all()} >= {
        "the Member",
        "the officer",
        "the Member's Group Leader",
        "the Chief Executive",
    }
    county = Concern.objects.exclude(council__slug="ashcombe")
    assert {c.route_citations[0]["label"] for c in county} == {"N 3"}
    for concern in Concern.objects.all():
        assert concern.handler != concern.about_officer
    assert Question.objects.filter(council__slug="ashcombe").count() == 2
    rulings = Ruling.objects.filter(council__slug="ashcombe", paragraph="6.3")
    assert rulings.count() == 2 and rulings.filter(supersedes__isnull=False).count() == 1
    assert not OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).exists()
