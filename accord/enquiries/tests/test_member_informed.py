"""D 6.1: the Member is told at once, by e-mail, of every step that changes what they can expect from their
enquiry, and the case page shows each message sent to them and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.councils.models import ClosureDay
from accord.enquiries import rules, selectors
from accord.enquiries.models import Enquiry
from accord.enquiries.services import (
    council_closure_days_apply,
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
from accord.protocol import load_profile

from .conftest import Scene, at, make_scene

pytestmark = pytest.mark.django_db

Walk = Callable[[Scene], Enquiry]


def _claimed(scene: Scene) -> Enquiry:
    with clock.frozen(at(2026, 3, 2)):
        return enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)


def _answered(scene: Scene) -> Enquiry:
    enquiry = _claimed(scene)
    with clock.frozen(at(2026, 3, 3)):
        return enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="Repaired.")


def acknowledged(scene: Scene) -> Enquiry:
    with clock.frozen(at(2026, 3, 2)):
        return scene.submit()


def assigned(scene: Scene) -> Enquiry:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
    with clock.frozen(at(2026, 3, 2, 11)):
        enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    return enquiry


def holding_reply(scene: Scene) -> Enquiry:
    enquiry = _claimed(scene)
    with clock.frozen(at(2026, 3, 6)):
        enquiry_holding_reply_send(
            actor=scene.actor("officer"),
            enquiry=enquiry,
            reason="Waiting for the contractor.",
            new_due_date=dt.date(2026, 3, 20),
        )
    return enquiry


def due_date_moved_by_an_accepted_holding_reply(scene: Scene) -> Enquiry:
    enquiry = holding_reply(scene)
    with clock.frozen(at(2026, 3, 6, 15)):
        enquiry_holding_reply_decide(
            actor=scene.actor("dem"), enquiry=enquiry, accept=True, note="Agreed by phone."
        )
    return enquiry


def waiting(scene: Scene) -> Enquiry:
    enquiry = _claimed(scene)
    with clock.frozen(at(2026, 3, 3)):
        return enquiry_wait_for_member(
            actor=scene.actor("officer"), enquiry=enquiry, question="Which bench?"
        )


def answered(scene: Scene) -> Enquiry:
    return _answered(scene)


def diverted(scene: Scene) -> Enquiry:
    with clock.frozen(at(2026, 3, 2)):
        return scene.submit(is_complaint=True)


def monitoring_officer(scene: Scene) -> Enquiry:
    with clock.frozen(at(2026, 3, 2)):
        return scene.submit(constituent_is_employee=True)


def due_date_moved_by_closure_days(scene: Scene) -> Enquiry:
    enquiry = _claimed(scene)
    ClosureDay.objects.create(council=scene.council, date=dt.date(2026, 3, 4), reason="Office move")
    with clock.frozen(at(2026, 3, 3)):
        council_closure_days_apply(actor=scene.actor("dem"), council=scene.council)
    return enquiry


def due_date_moved_by_the_paused_clock(scene: Scene) -> Enquiry:
    enquiry = waiting(scene)
    with clock.frozen(at(2026, 3, 5)):
        return enquiry_member_reply(actor=scene.actor("member"), enquiry=enquiry, reply="The one.")


def escalated(scene: Scene) -> Enquiry:
    enquiry = _answered(scene)
    with clock.frozen(at(2026, 3, 4)):
        return enquiry_escalate(actor=scene.actor("member"), enquiry=enquiry, reason="Not enough.")


def reopened(scene: Scene) -> Enquiry:
    enquiry = _answered(scene)
    with clock.frozen(at(2026, 3, 4)):
        return enquiry_reopen(actor=scene.actor("dem"), enquiry=enquiry, reason="Broke again.")


def burden_agreed(scene: Scene) -> Enquiry:
    enquiry = _claimed(scene)
    with clock.frozen(at(2026, 3, 3)):
        review = enquiry_burden_raise(
            actor=scene.actor("officer"), enquiry=enquiry, reason="Ten years of records."
        )
        review = enquiry_burden_review(actor=scene.actor("head"), review=review, note="Heavy.")
    with clock.frozen(at(2026, 3, 4)):
        enquiry_burden_agree(actor=scene.actor("head"), review=review, approach="Two years.")
    return enquiry


# Each step of the profile's list, and the ways a case reaches it.
WALKS: dict[str, list[Walk]] = {
    "acknowledged": [acknowledged],
    "assigned": [assigned],
    "holding_reply": [holding_reply],
    "waiting": [waiting],
    "answered": [answered],
    "diverted": [diverted],
    "monitoring_officer": [monitoring_officer],
    "due_date_moved": [
        due_date_moved_by_closure_days,
        due_date_moved_by_the_paused_clock,
        due_date_moved_by_an_accepted_holding_reply,
    ],
    "escalated": [escalated],
    "reopened": [reopened],
    "burden_agreed": [burden_agreed],
}


def _district_steps() -> tuple[str, ...]:
    return rules.member_informed(load_profile("district")).steps


def _walks() -> Iterator[Any]:
    for step in _district_steps():
        walks: list[Walk | None] = [*WALKS.get(step, [])] or [None]
        for walk in walks:
            yield pytest.param(step, walk, id=f"{step}-{walk.__name__ if walk else 'no-walk'}")


@pytest.mark.cites("D 6.1")
def test_the_rule_names_the_steps_and_its_paragraph() -> None:
    informed = rules.member_informed(load_profile("district"))
    assert [c.label for c in informed.citations] == ["D 6.1"]
    assert set(informed.steps) == set(WALKS), "every step the Member is told of is in the profile"
    norfolk = rules.member_informed(load_profile("norfolk"))
    assert norfolk.steps == () and norfolk.citations == ()


@pytest.mark.cites("D 6.1")
@pytest.mark.parametrize(("step", "walk"), list(_walks()))
def test_the_member_is_told_of_each_step_at_once_by_email(
    scene: Scene, step: str, walk: Walk | None
) -> None:
    if walk is None:
        pytest.fail(f"step {step!r} is in the profile but no test walks an enquiry to it")
    enquiry = walk(scene)
    mails = OutboxMessage.objects.filter(
        subject_type="enquiry",
        subject_id=str(enquiry.pk),
        recipient=scene.member.email,
        event_type=f"enquiry.{step}",
    )
    assert mails.exists(), f"the Member was not sent an e-mail for {step!r}"
    mail = mails.latest("created_at", "id")
    step_event = enquiry.events.order_by("-at", "-id").first()
    assert step_event is not None
    assert mail.created_at == step_event.at, "told at once, in the same change as the step"
    shown = selectors.enquiry_member_message_list(enquiry)
    assert (mail.subject, mail.created_at) in [(m.subject, m.queued_at) for m in shown]


def test_a_step_the_member_is_not_told_of_is_not_listed(scene: Scene) -> None:
    """A chaser changes nothing the Member can expect: the officer is told, the Member is not."""
    enquiry = enquiry_chase(actor=scene.actor("member"), enquiry=_claimed(scene))
    to_member = OutboxMessage.objects.filter(
        subject_id=str(enquiry.pk), recipient=scene.member.email
    ).values_list("event_type", flat=True)
    assert sorted(to_member) == ["enquiry.acknowledged", "enquiry.assigned"]
    assert "chased" not in _district_steps()


def _page(user: Any, enquiry: Enquiry) -> Any:
    client = Client()
    client.force_login(user)
    return client.get(reverse("enquiries:detail", args=[enquiry.pk]))


@pytest.mark.cites("D 6.1")
def test_the_case_page_lists_the_messages_to_the_member_without_their_words(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit(area=scene.other_ward, constituent_name="Jo Resident")
        enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    with clock.frozen(at(2026, 3, 3, 14, 30)):
        enquiry_answer(
            actor=scene.actor("officer"),
            enquiry=Enquiry.objects.get(pk=enquiry.pk),
            answer="The bench is repaired.",
        )
    to_member = OutboxMessage.objects.filter(recipient=scene.member.email)
    to_member.filter(template="enquiry_acknowledged").update(status="sent")
    to_member.filter(template="enquiry_assigned").update(last_error="SMTP timed out")
    subjects = list(to_member.order_by("created_at", "id").values_list("subject", flat=True))
    assert len(subjects) == 3
    for_others = OutboxMessage.objects.exclude(recipient=scene.member.email)
    assert for_others.filter(template="enquiry_shared").exists()  # to the other ward's Member

    for who in ("member", "dem", "officer"):
        response = _page(scene.users[who], enquiry)
        assert response.status_code == 200, who
        page = response.content.decode()
        section = page.split('id="messages-to-the-member"', 1)[1].split("History</h2>", 1)[0]
        assert [s for s in subjects if s in section] == subjects, who
        assert ">Sent<" in section and ">Failed — retrying<" in section and ">Queued<" in section
        assert str(scene.member) in section
        assert "2 March 2026, 10:00" in section and "3 March 2026, 14:30" in section
        assert ">D 6.1<" in section, who
        assert "has been received and passed to" not in section  # no message's body
        assert "The bench is repaired." not in section
        for other in for_others.values_list("subject", flat=True):
            assert other not in section, other
    # D 6.5: the Member the answer is shared with has the answer on its own page, not the case.
    assert _page(scene.users["neighbour"], enquiry).status_code == 404


@pytest.mark.cites("D 6.1")
def test_another_member_or_council_cannot_see_the_messages(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
        elsewhere = make_scene("norfolk")
    assert _page(scene.users["other_member"], enquiry).status_code == 404
    assert _page(elsewhere.users["member"], enquiry).status_code == 404
    assert _page(elsewhere.users["dem"], enquiry).status_code == 404


def test_a_council_without_the_rule_still_lists_the_messages_without_the_citation(
    db: None,
) -> None:
    with clock.frozen(at(2026, 3, 2)):
        norfolk = make_scene("norfolk")
        enquiry = norfolk.submit()
    page = _page(norfolk.users["member"], enquiry).content.decode()
    section = page.split('id="messages-to-the-member"', 1)[1].split("History</h2>", 1)[0]
    ack = OutboxMessage.objects.get(template="enquiry_acknowledged")
    assert ack.subject in section
    assert ">D 6.1<" not in section and "D 6.1" not in section
