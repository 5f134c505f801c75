"""The case record is whole: every round's answer and every text that changed the case stay in its history,
and whoever acted stays named (users with history are deactivated, not deleted)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import ProtectedError
from django.test import Client

from accord.accounts.models import User
from accord.core import clock
from accord.enquiries.models import Enquiry, EnquiryEvent
from accord.enquiries.services import (
    enquiry_answer,
    enquiry_chase,
    enquiry_claim,
    enquiry_divert_to_complaints,
    enquiry_escalate,
    enquiry_holding_reply_send,
    enquiry_member_reply,
    enquiry_reopen,
    enquiry_wait_for_member,
)

from .conftest import Scene, at


def claimed(scene: Scene) -> Enquiry:
    enquiry = scene.submit()
    return enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.cites("D 6.3")
def test_answering_again_after_reopening_keeps_the_first_answer(scene: Scene) -> None:
    officer, member = scene.actor("officer"), scene.actor("member")
    with clock.frozen(at(2026, 3, 3)):
        enquiry = enquiry_answer(actor=officer, enquiry=claimed(scene), answer="First: mended.")
    with clock.frozen(at(2026, 3, 4)):
        enquiry = enquiry_reopen(actor=member, enquiry=enquiry, reason="It broke again.")
    with clock.frozen(at(2026, 3, 5)):
        enquiry_answer(actor=officer, enquiry=enquiry, answer="Second: replaced.")
    texts = [e.data["text"] for e in EnquiryEvent.objects.filter(kind="answered").order_by("id")]
    assert texts == ["First: mended.", "Second: replaced."]

    page = client_for(scene.users["member"]).get(f"/enquiries/{enquiry.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "First: mended." in html and "Second: replaced." in html

    detail = client_for(scene.users["member"]).get(f"/api/v1/enquiries/{enquiry.pk}").json()
    assert [a["text"] for a in detail["answers"]] == ["First: mended.", "Second: replaced."]
    assert detail["answer"] == "Second: replaced."
    history_texts = [h["text"] for h in detail["history"] if h["kind"] == "answered"]
    assert history_texts == ["First: mended.", "Second: replaced."]


@pytest.mark.cites("D 6.3", "D 6.7", "D 4.3")
def test_every_text_that_changes_the_case_is_kept_in_its_event(scene: Scene) -> None:
    officer, member = scene.actor("officer"), scene.actor("member")
    with clock.frozen(at(2026, 3, 3)):
        enquiry = claimed(scene)
        enquiry_chase(actor=member, enquiry=enquiry, note="Any news on the bench?")
        enquiry = enquiry_wait_for_member(actor=officer, enquiry=enquiry, question="Which bench?")
        enquiry = enquiry_member_reply(actor=member, enquiry=enquiry, reply="By the pond.")
        enquiry_holding_reply_send(
            actor=officer,
            enquiry=enquiry,
            reason="Waiting for the joiner.",
            new_due_date=enquiry.due_date + dt.timedelta(days=14),
        )
        enquiry = enquiry_answer(actor=officer, enquiry=enquiry, answer="Mended.")
        enquiry_escalate(actor=member, enquiry=enquiry, reason="The paint is wrong.")
        other = claimed(scene)
        enquiry_divert_to_complaints(actor=officer, enquiry=other, reason="About staff.")
    kept = dict(EnquiryEvent.objects.exclude(data__text=None).values_list("kind", "data__text"))
    assert kept["chased"] == "Any news on the bench?"
    assert kept["waiting-for-member"] == "Which bench?"
    assert kept["member-replied"] == "By the pond."
    assert kept["holding-reply"] == "Waiting for the joiner."
    assert kept["answered"] == "Mended."
    assert kept["escalated-by-member"] == "The paint is wrong."
    assert "About staff." in kept["diverted"]


def test_a_user_with_history_is_kept_and_named(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 3)):
        claimed(scene)
    officer = scene.users["officer"]
    event = EnquiryEvent.objects.get(kind="assigned")
    assert event.actor_id == officer.pk
    with pytest.raises(ProtectedError):
        User.objects.get(pk=officer.pk).delete()
    event.refresh_from_db()
    assert event.actor_id == officer.pk


def test_the_admin_offers_deactivation_not_deletion_for_a_user_with_history(
    scene: Scene,
) -> None:
    with clock.frozen(at(2026, 3, 3)):
        claimed(scene)
    admin = User.objects.create_superuser("root", "root@example.org", "pw-long-enough-1")
    client = client_for(admin)
    officer = scene.users["officer"]
    assert client.get(f"/admin/accounts/user/{officer.pk}/delete/").status_code == 403
    unused = User.objects.create_user("spare", "spare@example.org", "pw-long-enough-2")
    assert client.get(f"/admin/accounts/user/{unused.pk}/delete/").status_code == 200
    response = client.post(
        "/admin/accounts/user/",
        {"action": "deactivate", "_selected_action": [officer.pk]},
        follow=True,
    )
    assert response.status_code == 200
    officer.refresh_from_db()
    assert officer.is_active is False
    assert EnquiryEvent.objects.filter(actor=officer).exists()
