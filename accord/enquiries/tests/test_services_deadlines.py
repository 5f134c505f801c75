"""D 6.3 and D 4.3 over time: holding replies, chasers, pauses, reopening, closure days, reminders, escalation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404

from accord.core import clock
from accord.core.errors import AccordError
from accord.councils.models import ClosureDay
from accord.enquiries import jobs
from accord.enquiries.access import enquiry_actions_for
from accord.enquiries.models import BurdenReview, Enquiry
from accord.enquiries.services import (
    council_closure_days_apply,
    enquiries_overdue_escalate,
    enquiries_reminders_send,
    enquiry_answer,
    enquiry_burden_agree,
    enquiry_burden_raise,
    enquiry_burden_review,
    enquiry_chase,
    enquiry_claim,
    enquiry_escalate,
    enquiry_holding_reply_decide,
    enquiry_holding_reply_send,
    enquiry_member_reply,
    enquiry_reopen,
    enquiry_wait_for_member,
)
from accord.notifications.models import OutboxMessage
from accord.notifications.schedule import periodic_jobs

from .conftest import Scene, at

pytestmark = pytest.mark.django_db


def claimed(scene: Scene, when: dt.datetime | None = None) -> Enquiry:
    with clock.frozen(when or at(2026, 3, 2)):
        enquiry = scene.submit()
        return enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)


def sent_to(template: str) -> list[str]:
    return list(
        OutboxMessage.objects.filter(template=template)
        .order_by("id")
        .values_list("recipient", flat=True)
    )


@pytest.mark.cites("D 6.3")
def test_holding_reply_before_the_due_date_moves_it_once_the_member_accepts(scene: Scene) -> None:
    enquiry = claimed(scene)
    with clock.frozen(at(2026, 3, 6)):
        reply = enquiry_holding_reply_send(
            actor=scene.actor("officer"),
            enquiry=enquiry,
            reason="Waiting for the contractor.",
            new_due_date=dt.date(2026, 3, 20),
        )
    enquiry.refresh_from_db()
    assert not reply.is_late
    assert enquiry.state == Enquiry.State.HOLDING_REPLY_SENT
    assert enquiry.due_date == dt.date(2026, 3, 9)  # proposed: the date stands until accepted
    assert enquiry.events.get(kind="holding-reply").citations[0]["label"] == "D 6.3"
    assert sent_to("enquiry_holding_reply") == [scene.member.email]
    with clock.frozen(at(2026, 3, 6, 14)):
        enquiry_holding_reply_decide(actor=scene.actor("member"), enquiry=enquiry, accept=True)
    enquiry.refresh_from_db()
    assert enquiry.due_date == enquiry.agreed_due_date == dt.date(2026, 3, 20)
    assert sent_to("enquiry_holding_reply_decided") == [scene.officer.email]


@pytest.mark.cites("D 6.3")
def test_holding_reply_after_the_due_date_is_recorded_late(scene: Scene) -> None:
    enquiry = claimed(scene)
    with clock.frozen(at(2026, 3, 10)):
        reply = enquiry_holding_reply_send(
            actor=scene.actor("officer"),
            enquiry=enquiry,
            reason="Contractor delay.",
            new_due_date=dt.date(2026, 3, 20),
        )
    enquiry.refresh_from_db()
    assert reply.is_late
    assert enquiry.due_date == dt.date(2026, 3, 9)
    assert enquiry.events.filter(kind="holding-reply-late").exists()
    with pytest.raises(AccordError, match="after the current due date"):
        enquiry_holding_reply_send(
            actor=scene.actor("officer"),
            enquiry=enquiry,
            reason="x",
            new_due_date=dt.date(2026, 3, 9),
        )


@pytest.mark.cites("D 6.3")
def test_chasers_are_recorded_and_counted(scene: Scene) -> None:
    enquiry = claimed(scene)
    enquiry_chase(actor=scene.actor("member"), enquiry=enquiry)
    enquiry = enquiry_chase(actor=scene.actor("member"), enquiry=enquiry, note="Any news?")
    assert enquiry.chaser_count == 2
    assert enquiry.events.filter(kind="chased").count() == 2
    assert sent_to("enquiry_chased") == [scene.officer.email] * 2
    with pytest.raises(Http404):  # another Member's case is not found, even to a service
        enquiry_chase(actor=scene.actor("other_member"), enquiry=enquiry)


@pytest.mark.cites("D 6.3")
def test_waiting_for_the_member_pauses_the_clock(scene: Scene) -> None:
    enquiry = claimed(scene)
    with clock.frozen(at(2026, 3, 2, 15)):
        enquiry_wait_for_member(
            actor=scene.actor("officer"), enquiry=enquiry, question="Which bench?"
        )
    with clock.frozen(at(2026, 3, 5)):
        enquiry = enquiry_member_reply(
            actor=scene.actor("member"), enquiry=enquiry, reply="The one by the pond."
        )
    assert enquiry.state == Enquiry.State.ASSIGNED
    assert enquiry.paused_working_days == 3
    assert enquiry.due_date == dt.date(2026, 3, 12)
    assert sent_to("enquiry_waiting") == [scene.member.email]
    assert sent_to("enquiry_member_replied") == [scene.officer.email]


@pytest.mark.cites("D 6.3")
def test_reopen_within_the_period_restarts_the_clock_but_not_after(scene: Scene) -> None:
    enquiry = claimed(scene)
    with clock.frozen(at(2026, 3, 3)):
        enquiry = enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="Fixed.")
    assert enquiry.reopen_until == dt.date(2026, 3, 17)
    with clock.frozen(at(2026, 3, 10)):
        enquiry = enquiry_reopen(
            actor=scene.actor("member"), enquiry=enquiry, reason="It broke again."
        )
        assert enquiry.state == Enquiry.State.ASSIGNED
        assert enquiry.due_date == dt.date(2026, 3, 17)
        enquiry = enquiry_answer(
            actor=scene.actor("officer"), enquiry=enquiry, answer="Fixed again."
        )
    with (
        clock.frozen(at(2026, 4, 30)),
        pytest.raises(AccordError, match="can no longer be reopened"),
    ):
        enquiry_reopen(actor=scene.actor("member"), enquiry=enquiry, reason="Again")


@pytest.mark.cites("D 6.3")
def test_closure_days_move_open_cases_with_an_event_and_leave_answered_ones(scene: Scene) -> None:
    open_case = claimed(scene)
    done = claimed(scene)
    with clock.frozen(at(2026, 3, 3)):
        enquiry_answer(actor=scene.actor("officer"), enquiry=done, answer="Done.")
    ClosureDay.objects.create(council=scene.council, date=dt.date(2026, 3, 4), reason="Office move")
    with clock.frozen(at(2026, 3, 3)):
        moved = council_closure_days_apply(actor=scene.actor("dem"), council=scene.council)
    assert moved == 1
    open_case.refresh_from_db()
    done.refresh_from_db()
    assert open_case.due_date == dt.date(2026, 3, 10)
    assert done.due_date == dt.date(2026, 3, 9)
    assert "was 09 March 2026" in open_case.events.get(kind="due-date-moved").description
    with pytest.raises(AccordError):
        council_closure_days_apply(actor=scene.actor("member"), council=scene.council)


@pytest.mark.cites("D 6.2", "D 6.3")
def test_reminder_is_sent_once_before_the_due_date(scene: Scene) -> None:
    claimed(scene)
    assert enquiries_reminders_send(now=at(2026, 3, 4)) == 0
    assert enquiries_reminders_send(now=at(2026, 3, 6)) == 1
    assert enquiries_reminders_send(now=at(2026, 3, 6, 16)) == 0
    assert enquiries_reminders_send(now=at(2026, 3, 9)) == 0
    assert sent_to("enquiry_reminder") == [scene.officer.email]


@pytest.mark.cites("D 6.2", "D 6.3")
def test_overdue_enquiries_climb_the_chain_one_step_at_a_time(scene: Scene) -> None:
    enquiry = claimed(scene)
    assert enquiries_overdue_escalate(now=at(2026, 3, 9, 17)) == 0
    assert enquiries_overdue_escalate(now=at(2026, 3, 10)) == 1
    assert enquiries_overdue_escalate(now=at(2026, 3, 10, 12)) == 0
    assert enquiries_overdue_escalate(now=at(2026, 3, 12)) == 1
    assert enquiries_overdue_escalate(now=at(2026, 3, 16)) == 1
    assert enquiries_overdue_escalate(now=at(2026, 3, 30)) == 0
    steps = list(
        enquiry.events.filter(kind="escalated-overdue").values_list("data__step", flat=True)
    )
    assert steps == ["line-manager", "head-of-service", "chief-officer"]
    # Hana is the officer's line manager and the Head of Service: told once for this due date.
    assert sent_to("enquiry_overdue") == [scene.head.email, scene.chief.email]


def _team_leader(scene: Scene) -> None:
    """The officer reports to a team leader (Cleo), who reports to the Head of Service."""
    scene.officer.line_manager = scene.colleague
    scene.officer.save()


@pytest.mark.cites("D 6.2", "D 6.3")
def test_escalation_waits_for_a_lost_working_day_and_steps_by_the_profiles_working_days(
    scene: Scene,
) -> None:
    _team_leader(scene)
    enquiry = claimed(scene, at(2026, 2, 27))  # a Friday: due Friday 6 March
    assert enquiry.due_date == dt.date(2026, 3, 6)
    assert enquiries_overdue_escalate(now=at(2026, 3, 7, 9)) == 0  # Saturday: no working day lost
    assert enquiries_overdue_escalate(now=at(2026, 3, 8, 9)) == 0  # Sunday
    assert enquiries_overdue_escalate(now=at(2026, 3, 9, 9)) == 1  # Monday: the line manager
    assert enquiries_overdue_escalate(now=at(2026, 3, 10, 9)) == 0  # one working day later: not yet
    assert enquiries_overdue_escalate(now=at(2026, 3, 11, 9)) == 1  # two (the profile's): Head
    assert enquiries_overdue_escalate(now=at(2026, 3, 12, 9)) == 0
    assert enquiries_overdue_escalate(now=at(2026, 3, 13, 9)) == 1  # two more: the Chief Officer
    assert sent_to("enquiry_overdue") == [
        scene.colleague.email,
        scene.head.email,
        scene.chief.email,
    ]
    levels = list(
        enquiry.events.filter(kind="escalated-overdue").values_list("data__level", flat=True)
    )
    assert levels == [1, 2, 3]


@pytest.mark.cites("D 6.2", "D 6.3")
def test_escalation_over_a_bank_holiday_counts_working_days(scene: Scene) -> None:
    _team_leader(scene)
    enquiry = claimed(scene, at(2026, 3, 26))  # due Thursday 2 April 2026, before Easter
    assert enquiry.due_date == dt.date(2026, 4, 2)
    assert enquiries_overdue_escalate(now=at(2026, 4, 3, 9)) == 0  # Good Friday
    assert enquiries_overdue_escalate(now=at(2026, 4, 6, 9)) == 0  # Easter Monday
    assert enquiries_overdue_escalate(now=at(2026, 4, 7, 9)) == 1
    assert enquiries_overdue_escalate(now=at(2026, 4, 8, 9)) == 0
    assert enquiries_overdue_escalate(now=at(2026, 4, 9, 9)) == 1


@pytest.mark.cites("D 6.2", "D 6.3")
def test_one_person_in_two_steps_at_once_gets_one_message(scene: Scene) -> None:
    enquiry = claimed(scene)  # due Monday 9 March; Hana is line manager and Head of Service
    # The job was down until Thursday: two steps are due at once.
    assert enquiries_overdue_escalate(now=at(2026, 3, 12, 9)) == 2
    assert sent_to("enquiry_overdue") == [scene.head.email]
    body = OutboxMessage.objects.get(template="enquiry_overdue").body
    assert "the line manager and the Head of Service" in " ".join(body.split())
    assert enquiry.events.filter(kind="escalated-overdue").count() == 2


@pytest.mark.cites("D 4.3")
def test_a_member_not_satisfied_escalates_to_head_of_service_then_chief_officer(
    scene: Scene,
) -> None:
    enquiry = claimed(scene)
    enquiry = enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="No.")
    with pytest.raises(AccordError):
        enquiry_escalate(actor=scene.actor("officer"), enquiry=enquiry, reason="x")
    enquiry = enquiry_escalate(
        actor=scene.actor("member"), enquiry=enquiry, reason="Not good enough."
    )
    assert enquiry.assigned_to == scene.head
    assert enquiry.state == Enquiry.State.ASSIGNED
    enquiry = enquiry_answer(actor=scene.actor("head"), enquiry=enquiry, answer="Still no.")
    enquiry = enquiry_escalate(actor=scene.actor("member"), enquiry=enquiry, reason="Still not.")
    assert enquiry.assigned_to == scene.chief
    assert sent_to("enquiry_escalated") == [scene.head.email, scene.chief.email]
    assert (
        enquiry.events.filter(kind="escalated-by-member").first().citations[0]["label"] == "D 4.3"
    )  # type: ignore[union-attr]


@pytest.mark.cites("D 6.4")
def test_a_disproportionate_burden_is_reviewed_and_the_approach_agreed(scene: Scene) -> None:
    enquiry = claimed(scene)
    review = enquiry_burden_raise(
        actor=scene.actor("officer"), enquiry=enquiry, reason="Ten years of records."
    )
    assert review.reviewer == scene.head
    assert sent_to("enquiry_burden_raised") == [scene.head.email]
    with pytest.raises(AccordError, match="Only Hana Head"):
        enquiry_burden_review(actor=scene.actor("officer"), review=review, note="x")
    assert "burden-review" in enquiry_actions_for(scene.actor("head"), enquiry)
    assert "burden-agree" not in enquiry_actions_for(scene.actor("head"), enquiry)
    assert "burden-review" not in enquiry_actions_for(scene.actor("officer"), enquiry)
    enquiry_burden_review(actor=scene.actor("head"), review=review, note="Agree it is heavy.")
    assert "burden-agree" in enquiry_actions_for(scene.actor("head"), enquiry)
    assert "burden-review" not in enquiry_actions_for(scene.actor("head"), enquiry)
    review = enquiry_burden_agree(
        actor=scene.actor("head"), review=review, approach="Last two years only."
    )
    assert review.state == BurdenReview.State.AGREED
    assert sent_to("enquiry_burden_agreed") == [scene.member.email]
    kinds = list(enquiry.events.filter(kind__startswith="burden").values_list("kind", flat=True))
    assert kinds == ["burden-raised", "burden-reviewed", "burden-agreed"]


def test_the_deadline_jobs_are_registered() -> None:
    names = {job.name for job in periodic_jobs()}
    assert {jobs.REMINDERS, jobs.OVERDUE} <= names
