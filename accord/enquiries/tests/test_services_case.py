"""Raising, taking, answering and closing an enquiry: the state machine, its events and its e-mails."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from accord.core import clock
from accord.core.errors import AccordError
from accord.enquiries.models import Enquiry
from accord.enquiries.services import (
    enquiry_answer,
    enquiry_assign,
    enquiry_attachment_add,
    enquiry_claim,
    enquiry_close,
)
from accord.notifications.models import OutboxMessage

from .conftest import Scene, at

pytestmark = pytest.mark.django_db


def recipients(enquiry: Enquiry, template: str) -> list[str]:
    return sorted(
        OutboxMessage.objects.filter(subject_id=str(enquiry.pk), template=template).values_list(
            "recipient", flat=True
        )
    )


@pytest.mark.cites("D 6.2", "D 6.3")
def test_submit_acknowledges_routes_and_sets_the_due_date(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
    assert enquiry.reference == "ENQ-2026-000001"
    assert enquiry.state == Enquiry.State.RECEIVED
    assert enquiry.service == scene.category.service
    assert enquiry.due_date == dt.date(2026, 3, 9)  # Monday + 5 working days
    kinds = list(enquiry.events.values_list("kind", flat=True))
    assert kinds == ["received", "routed"]
    routed = enquiry.events.get(kind="routed")
    assert {c["label"] for c in routed.citations} >= {"D 6.2", "D 2.5"}
    assert enquiry.events.get(kind="received").citations[0]["label"] == "D 6.3"
    assert recipients(enquiry, "enquiry_acknowledged") == [scene.member.email]
    assert recipients(enquiry, "enquiry_new") == [scene.head.email]
    ack = OutboxMessage.objects.get(template="enquiry_acknowledged")
    assert "Monday 09 March 2026" in ack.body


@pytest.mark.cites("D 6.3", "D 3.1(e)")
@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at(2026, 3, 2), dt.date(2026, 3, 9)),
        (at(2026, 3, 7), dt.date(2026, 3, 16)),  # Saturday: day zero is Monday 9
        (at(2026, 12, 22), dt.date(2026, 12, 31)),  # Christmas, Boxing Day's substitute Monday
        (at(2026, 4, 1), dt.date(2026, 4, 10)),  # Good Friday and Easter Monday
    ],
)
def test_due_date_follows_the_calendar(scene: Scene, received: dt.datetime, due: dt.date) -> None:
    with clock.frozen(received):
        enquiry = scene.submit()
    assert enquiry.due_date == due


def test_references_are_sequential_per_council(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        refs = [scene.submit().reference for _ in range(3)]
    assert refs == ["ENQ-2026-000001", "ENQ-2026-000002", "ENQ-2026-000003"]


@pytest.mark.cites("D 6.3")
def test_democratic_services_raise_for_a_member_who_is_told(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit(who="dem")
    assert enquiry.member == scene.member
    assert "raised for the Member" in enquiry.events.get(kind="received").description
    assert recipients(enquiry, "enquiry_acknowledged") == [scene.member.email]


def test_a_member_cannot_raise_for_another_member(scene: Scene) -> None:
    with pytest.raises(AccordError, match="raised by the Member"):
        scene.submit(who="other_member")


@pytest.mark.cites("D 6.2", "D 6.3")
def test_claim_answer_close(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
    with clock.frozen(at(2026, 3, 3)):
        enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
        assert enquiry.state == Enquiry.State.ASSIGNED
        assert enquiry.assigned_to == scene.officer
        with pytest.raises(AccordError, match="cannot close"):
            enquiry_close(actor=scene.actor("member"), enquiry=enquiry)
        with pytest.raises(AccordError, match="cannot answer"):
            enquiry_answer(actor=scene.actor("member"), enquiry=enquiry, answer="Done")
        enquiry = enquiry_answer(
            actor=scene.actor("officer"), enquiry=enquiry, answer="Repaired today."
        )
    assert enquiry.state == Enquiry.State.ANSWERED
    assert enquiry.answered_on_time is True
    assert enquiry.working_days_to_answer == 1
    assert recipients(enquiry, "enquiry_answered") == [scene.member.email]
    assert "Repaired today." in OutboxMessage.objects.get(template="enquiry_answered").body
    enquiry = enquiry_close(actor=scene.actor("member"), enquiry=enquiry)
    assert enquiry.state == Enquiry.State.CLOSED
    assert list(enquiry.events.values_list("kind", flat=True)) == [
        "received",
        "routed",
        "assigned",
        "answered",
        "closed",
    ]


def test_a_second_claim_names_the_holder(scene: Scene) -> None:
    enquiry = scene.submit()
    enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    with pytest.raises(AccordError, match="already assigned to Olu Officer"):
        enquiry_claim(actor=scene.actor("colleague"), enquiry_id=enquiry.pk)


@pytest.mark.cites("D 6.2")
def test_head_of_service_assigns_and_the_officer_is_told(scene: Scene) -> None:
    enquiry = scene.submit()
    with pytest.raises(AccordError, match="cannot assign"):
        enquiry_assign(actor=scene.actor("colleague"), enquiry=enquiry, officer=scene.officer)
    enquiry_assign(actor=scene.actor("head"), enquiry=enquiry, officer=scene.officer)
    assert recipients(enquiry, "enquiry_assigned") == sorted(
        [scene.member.email, scene.officer.email]
    )


def test_nothing_is_queued_when_the_transaction_rolls_back(scene: Scene) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        scene.submit()
        assert OutboxMessage.objects.count() == 2
        raise RuntimeError("boom")
    assert OutboxMessage.objects.count() == 0
    assert Enquiry.objects.count() == 0


def test_attachments_are_checked_and_stored(scene: Scene, settings: object) -> None:
    pdf = SimpleUploadedFile("photo.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    enquiry = scene.submit(attachments=[pdf])
    attachment = enquiry.attachments.get()
    assert attachment.name == "photo.pdf"
    assert attachment.file.path.startswith(str(settings.MEDIA_ROOT))  # type: ignore[attr-defined]
    fake = SimpleUploadedFile("evil.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(AccordError, match="not really a PDF"):
        enquiry_attachment_add(actor=scene.actor("member"), enquiry=enquiry, upload=fake)
    exe = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(AccordError, match="not a file type"):
        scene.submit(attachments=[exe])
    big = SimpleUploadedFile("big.txt", b"x" * (10 * 1024 * 1024 + 1), content_type="text/plain")
    with pytest.raises(AccordError, match="larger than 10 MB"):
        enquiry_attachment_add(actor=scene.actor("member"), enquiry=enquiry, upload=big)
    assert enquiry.attachments.count() == 1
