"""D 6.3: a holding reply's new timescale is agreed with the Member in Accord, bounded, and never makes a
late answer on time; the KPI counts what really happened."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.core.errors import AccordError
from accord.councils.calendars import calendar_for
from accord.enquiries.models import Enquiry, HoldingReply
from accord.enquiries.reports import enquiry_kpi_report
from accord.enquiries.services import (
    enquiry_answer,
    enquiry_claim,
    enquiry_holding_reply_decide,
    enquiry_holding_reply_send,
)
from accord.notifications.models import OutboxMessage

from .conftest import Scene, at

pytestmark = pytest.mark.django_db


def claimed(scene: Scene, when: dt.datetime) -> Enquiry:
    with clock.frozen(when):
        enquiry = scene.submit()
        return enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)


def propose(scene: Scene, enquiry: Enquiry, when: dt.datetime, new_due: dt.date) -> HoldingReply:
    with clock.frozen(when):
        return enquiry_holding_reply_send(
            actor=scene.actor("officer"),
            enquiry=enquiry,
            reason="Waiting for the contractor's report.",
            new_due_date=new_due,
        )


def decide(
    scene: Scene, enquiry: Enquiry, when: dt.datetime, *, accept: bool, who: str = "member"
) -> None:
    with clock.frozen(when):
        enquiry_holding_reply_decide(actor=scene.actor(who), enquiry=enquiry, accept=accept)


def answer(scene: Scene, enquiry: Enquiry, when: dt.datetime) -> Enquiry:
    with clock.frozen(when):
        return enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="Repaired.")


@pytest.mark.cites("D 6.3")
def test_a_late_holding_reply_never_makes_an_answer_on_time(scene: Scene) -> None:
    """Due 30 December 2025; the holding reply came after it; the answers are late, in the KPI too."""
    first = claimed(scene, at(2025, 12, 19))
    second = claimed(scene, at(2025, 12, 19, 11))
    assert first.due_date == second.due_date == dt.date(2025, 12, 30)
    for enquiry in (first, second):
        reply = propose(scene, enquiry, at(2026, 1, 2), dt.date(2026, 1, 16))
        assert reply.is_late
        decide(scene, enquiry, at(2026, 1, 5), accept=True)
        enquiry.refresh_from_db()
        assert enquiry.due_date == dt.date(2025, 12, 30)  # accepted, but a late reply moves nothing
    # One answered by the timescale the Member accepted, one 238 working days after the due date.
    first = answer(scene, first, at(2026, 1, 15))
    late_day = calendar_for(scene.council).due(at(2025, 12, 30), 238).due
    second = answer(scene, second, at(late_day.year, late_day.month, late_day.day))
    assert first.answered_on_time is False
    assert second.answered_on_time is False
    assert second.working_days_to_answer is not None and second.working_days_to_answer > 238
    assert "late (due 30 December 2025)" in second.events.get(kind="answered").description
    with clock.frozen(at(late_day.year, late_day.month, late_day.day, 12)):
        report = enquiry_kpi_report(
            councils=[scene.council], start=dt.date(2026, 1, 1), end=late_day
        )
    assert (report.total.answered, report.total.on_time) == (2, 0)
    event = first.events.get(kind="holding-reply-accepted")
    assert "stays due 30 December 2025" in event.description
    assert event.citations[0]["label"] == "D 6.3"


@pytest.mark.cites("D 6.3")
@pytest.mark.parametrize(
    ("new_due", "expected"),
    [
        (dt.date(9999, 12, 31), "at most 20 working days after 09 March 2026"),
        (dt.date(2026, 4, 9), "Wednesday 08 April 2026 at the latest"),
        (dt.date(2026, 3, 9), "after the current due date"),
        (
            dt.date(2026, 4, 3),
            r"Friday 03 April 2026 is not .*next working day is Tuesday 07 April 2026",
        ),
        (
            dt.date(2026, 3, 21),
            r"Saturday 21 March 2026 is not .*next working day is Monday 23 March",
        ),
    ],
)
def test_the_new_timescale_is_bounded_by_the_profile(
    scene: Scene, new_due: dt.date, expected: str
) -> None:
    enquiry = claimed(scene, at(2026, 3, 2))  # due Monday 9 March
    with pytest.raises(AccordError, match=expected) as refused:
        propose(scene, enquiry, at(2026, 3, 5), new_due)
    assert refused.value.field == "new_due_date"
    assert refused.value.citations[0].label == "D 6.3"
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 9)
    assert not enquiry.holding_replies.exists()
    # 20 working days after 9 March, over Good Friday and Easter Monday, is the latest allowed.
    assert propose(scene, enquiry, at(2026, 3, 5), dt.date(2026, 4, 8)).new_due_date == dt.date(
        2026, 4, 8
    )


@pytest.mark.cites("D 6.3")
def test_until_the_member_accepts_the_original_due_date_stands(scene: Scene) -> None:
    enquiry = claimed(scene, at(2026, 3, 2))
    propose(scene, enquiry, at(2026, 3, 5), dt.date(2026, 3, 20))
    with clock.frozen(at(2026, 3, 5, 12)), pytest.raises(AccordError) as refused:
        enquiry_holding_reply_decide(actor=scene.actor("officer"), enquiry=enquiry, accept=True)
    # Not the officer's step: the refusal names who may take it, not the case's state.
    assert refused.value.message.startswith("Only the Member, or democratic services for them, may")
    assert "now" not in refused.value.message and "holding reply sent" not in refused.value.message
    assert [c.label for c in refused.value.citations] == ["D 6.3"]
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 9)
    decide(scene, enquiry, at(2026, 3, 6), accept=False)
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 9)
    assert enquiry.agreed_due_date is None
    assert enquiry.holding_replies.get().decision == HoldingReply.Decision.DECLINED
    assert "declined" in enquiry.events.get(kind="holding-reply-declined").description
    # Nothing waits for an answer now.
    with clock.frozen(at(2026, 3, 6, 12)), pytest.raises(AccordError):
        enquiry_holding_reply_decide(actor=scene.actor("member"), enquiry=enquiry, accept=True)
    assert answer(scene, enquiry, at(2026, 3, 12)).answered_on_time is False


@pytest.mark.cites("D 6.3", "D 6.1")
def test_democratic_services_accept_for_the_member_and_the_member_is_told(scene: Scene) -> None:
    enquiry = claimed(scene, at(2026, 3, 2))
    propose(scene, enquiry, at(2026, 3, 5), dt.date(2026, 3, 20))
    holding = OutboxMessage.objects.get(template="enquiry_holding_reply")
    assert holding.recipient == scene.member.email
    assert "accept or decline" in " ".join(holding.body.split())
    # A second proposal replaces the first, which can no longer be accepted.
    propose(scene, enquiry, at(2026, 3, 5, 12), dt.date(2026, 3, 18))
    decide(scene, enquiry, at(2026, 3, 6), accept=True, who="dem")
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 18)
    decisions = list(enquiry.holding_replies.values_list("decision", flat=True))
    assert decisions == ["superseded", "accepted"]
    moved = OutboxMessage.objects.get(template="enquiry_due_date_moved")
    assert moved.recipient == scene.member.email
    assert answer(scene, enquiry, at(2026, 3, 17)).answered_on_time is True


def _client(scene: Scene, who: str) -> Client:
    client = Client()
    client.force_login(scene.users[who])
    return client


@pytest.mark.cites("D 6.3")
def test_the_member_accepts_in_the_api_with_the_citation(scene: Scene) -> None:
    enquiry = claimed(scene, at(2026, 3, 2))
    propose(scene, enquiry, at(2026, 3, 5), dt.date(2026, 3, 20))
    url = f"/api/v1/enquiries/{enquiry.pk}/holding-reply/accept"
    with clock.frozen(at(2026, 3, 5, 15)):
        other: Any = _client(scene, "neighbour").post(url, {}, content_type="application/json")
        officer: Any = _client(scene, "officer").post(url, {}, content_type="application/json")
        detail = _client(scene, "member").get(f"/api/v1/enquiries/{enquiry.pk}").json()
        assert {"holding-reply-accept", "holding-reply-decline"} <= set(detail["actions"])
        done: Any = _client(scene, "member").post(
            url, {"note": "Fine by me."}, content_type="application/json"
        )
    assert other.status_code == 404
    assert officer.status_code == 400
    assert officer.json()["detail"].startswith("Only the Member, or democratic services for them")
    assert officer.json()["citations"][0]["label"] == "D 6.3"
    assert done.status_code == 200, done.content
    body = done.json()
    assert body["due_date"] == "2026-03-20"
    assert body["holding_replies"][0]["decision"] == "accepted"
    assert body["holding_replies"][0]["decision_note"] == "Fine by me."
    accepted = [e for e in body["history"] if e["kind"] == "holding-reply-accepted"]
    assert accepted[0]["citations"][0]["label"] == "D 6.3"


@pytest.mark.cites("D 6.3")
def test_the_member_declines_on_the_case_page(scene: Scene) -> None:
    enquiry = claimed(scene, at(2026, 3, 2))
    propose(scene, enquiry, at(2026, 3, 5), dt.date(2026, 3, 20))
    member = _client(scene, "member")
    with clock.frozen(at(2026, 3, 5, 15)):
        page = member.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
        assert "Accept the new timescale" in page
        assert "Decline the new timescale" in page
        response = member.post(
            reverse("enquiries:action", args=[enquiry.pk, "holding-reply-decline"]),
            {"holding-reply-decline-text": "Too long to wait."},
        )
        assert response.status_code == 302
        page = member.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    assert "Declined by the Member" in page
    assert "Too long to wait." in page
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 9)


def _legacy(scene: Scene, received: dt.datetime, *, sent: dt.datetime, agreed: dt.date) -> Enquiry:
    """A case as the old holding reply left it: the timescale taken as agreed on the officer's word."""
    enquiry = claimed(scene, received)
    HoldingReply.objects.create(
        enquiry=enquiry,
        sent_at=sent,
        sent_by=scene.officer,
        reason="Contractor.",
        new_due_date=agreed,
        is_late=sent.date() > enquiry.due_date,
        decision=HoldingReply.Decision.ACCEPTED,
    )
    Enquiry.objects.filter(pk=enquiry.pk).update(due_date=agreed, agreed_due_date=agreed)
    enquiry.refresh_from_db()
    return enquiry


@pytest.mark.cites("D 6.3")
def test_due_dates_a_holding_reply_could_not_move_are_restored_and_answers_recounted(
    scene: Scene,
) -> None:
    late = _legacy(scene, at(2025, 12, 19), sent=at(2026, 1, 2), agreed=dt.date(2026, 3, 31))
    far = _legacy(scene, at(2026, 3, 2), sent=at(2026, 3, 5), agreed=dt.date(2099, 12, 31))
    fair = _legacy(scene, at(2026, 3, 2, 11), sent=at(2026, 3, 5), agreed=dt.date(2026, 3, 20))
    late = answer(scene, late, at(2026, 3, 2))
    assert late.answered_on_time is True  # as it was counted before
    out = io.StringIO()
    with clock.frozen(at(2026, 3, 6)):
        call_command("enquiries_restore_due_dates", stdout=out)
        assert "2 enquiry due date(s) restored" in out.getvalue()
        call_command("enquiries_restore_due_dates", stdout=out)
    for enquiry in (late, far, fair):
        enquiry.refresh_from_db()
    assert (late.due_date, late.agreed_due_date, late.answered_on_time) == (
        dt.date(2025, 12, 30),
        None,
        False,
    )
    assert far.due_date == dt.date(2026, 3, 9)
    assert fair.due_date == fair.agreed_due_date == dt.date(2026, 3, 20)
    event = late.events.get(kind="due-date-restored")
    assert "came after the due date" in event.description
    assert "counts late" in event.description
    assert event.citations[0]["label"] == "D 6.3"
    assert "more than 20 working days" in far.events.get(kind="due-date-restored").description
    assert "0 enquiry due date(s) restored" in out.getvalue()
    with clock.frozen(at(2026, 3, 6)):
        report = enquiry_kpi_report(
            councils=[scene.council], start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 6)
        )
    assert (report.total.answered, report.total.on_time) == (1, 0)


@pytest.mark.cites("D 6.3")
def test_the_same_holding_reply_sent_twice_is_refused_and_the_member_told_once(
    scene: Scene,
) -> None:
    """A second click (or a retried request) does not send the Member the same proposal again; a different
    timescale replaces the one still waiting."""
    enquiry = claimed(scene, at(2026, 3, 2))
    first = propose(scene, enquiry, at(2026, 3, 3), dt.date(2026, 3, 20))
    sent = OutboxMessage.objects.count()
    with pytest.raises(AccordError, match="already sent"):
        propose(scene, enquiry, at(2026, 3, 3, 11), dt.date(2026, 3, 20))
    assert OutboxMessage.objects.count() == sent
    assert HoldingReply.objects.filter(enquiry=enquiry).count() == 1
    second = propose(scene, enquiry, at(2026, 3, 3, 12), dt.date(2026, 3, 23))
    first.refresh_from_db()
    assert first.decision == HoldingReply.Decision.SUPERSEDED
    assert second.decision == HoldingReply.Decision.PROPOSED
