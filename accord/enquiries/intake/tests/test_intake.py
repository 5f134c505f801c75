"""E-mails to the enquiries address, fetched by IMAP from a real local IMAP server (D 6.3: an e-mailed
enquiry is received when the mailbox got it, and its deadline counts from then)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.enquiries.intake.fetch import mailbox_fetch, mailboxes_fetch
from accord.enquiries.intake.models import IncomingMail
from accord.enquiries.models import Enquiry
from accord.enquiries.services import enquiry_claim, enquiry_wait_for_member

from .conftest import Intake, mail

pytestmark = pytest.mark.django_db
State = IncomingMail.State
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _client(intake: Intake, who: str) -> Client:
    client = Client()
    client.force_login(intake.scene.users[who])
    return client


@pytest.mark.cites("D 6.3")
def test_a_members_email_becomes_their_enquiry_received_when_the_mailbox_got_it(
    intake: Intake,
) -> None:
    member = intake.scene.member
    message = mail(
        f"Ada Member <{member.email.upper()}>",
        "Broken swings in the park",
        "The swings by the pond are broken.\nPlease fix them.",
        html="<p>The swings by the pond are <b>broken</b>.</p>",
        message_id="<swings-1@members.example>",
    )
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="photo.pdf")
    message.add_attachment(
        b"MZ...", maintype="application", subtype="x-msdownload", filename="a.exe"
    )
    before = clock.now() - dt.timedelta(minutes=1)
    intake.deliver(message)

    result = mailbox_fetch(intake.mailbox)

    assert (result.new, result.duplicates, result.failed) == (1, 0, 0)
    enquiry = Enquiry.objects.get()
    assert enquiry.member == member and enquiry.channel == Enquiry.Channel.EMAIL
    assert enquiry.subject == "Broken swings in the park"
    assert enquiry.details == "The swings by the pond are broken.\nPlease fix them."
    assert before <= enquiry.received_at <= clock.now()
    assert enquiry.category == intake.mailbox.category
    assert [a.name for a in enquiry.attachments.all()] == ["photo.pdf"]
    refused = enquiry.events.get(kind="mail-attachments-refused").description
    assert "a.exe is not a file type Accord accepts" in refused
    received = enquiry.events.get(kind="received")
    assert "by e-mail on" in received.description and received.citations[0]["label"] == "D 6.3"
    assert IncomingMail.objects.get().state == State.CASE
    # Taken once: the message is now read, so the next fetch finds nothing new.
    assert mailbox_fetch(intake.mailbox).new == 0


def test_the_same_message_delivered_twice_is_one_enquiry(intake: Intake) -> None:
    message = mail(intake.scene.member.email, "Fly-tipping", "Mill Lane.", message_id="<dup@x>")
    intake.deliver(message)
    intake.deliver(message)
    result = mailbox_fetch(intake.mailbox)
    assert (result.new, result.duplicates) == (1, 1)
    assert Enquiry.objects.count() == 1 and IncomingMail.objects.count() == 1


def test_an_html_only_email_keeps_its_text_and_drops_its_markup_and_scripts(intake: Intake) -> None:
    html = (
        "<html><head><style>p {color: red}</style><script>alert('x')</script></head>"
        "<body><p>Street light out on <b>Mill Lane</b> &amp; Church Road.</p>"
        '<p onclick="steal()">Since Monday.</p><img src=x onerror=alert(1)></body></html>'
    )
    intake.deliver(mail(intake.scene.member.email, "Street light", html=html))
    mailbox_fetch(intake.mailbox)
    details = Enquiry.objects.get().details
    assert details == "Street light out on Mill Lane & Church Road.\nSince Monday."


def test_an_oversized_email_is_refused_from_its_header_and_kept_with_its_sender(
    intake: Intake,
) -> None:
    intake.mailbox.max_bytes = 2000
    intake.mailbox.save()
    intake.deliver(mail(intake.scene.member.email, "Big plans", "x" * 5000, message_id="<big@x>"))
    assert mailbox_fetch(intake.mailbox).new == 1
    refused = IncomingMail.objects.get()
    assert refused.state == State.REFUSED and refused.sender == intake.scene.member.email.lower()
    assert "over the limit" in refused.reason and not refused.raw and refused.text == ""
    assert not Enquiry.objects.exists()


def test_an_unknown_sender_is_held_and_democratic_services_assign_it(intake: Intake) -> None:
    scene = intake.scene
    message = mail("Resident <resident@example.net>", "Potholes", "Potholes on the High Street.")
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="map.pdf")
    intake.deliver(message)
    mailbox_fetch(intake.mailbox)
    held = IncomingMail.objects.get()
    assert (
        held.state == State.HELD
        and "not the address of one of the council's Members" in held.reason
    )
    queue = _client(intake, "dem").get(reverse("enquiries:mail-queue")).content.decode()
    assert "Potholes" in queue
    for who in ("member", "officer", "chief"):
        assert (
            _client(intake, who).get(reverse("enquiries:mail", args=[held.pk])).status_code == 404
        )
    response = _client(intake, "dem").post(
        reverse("enquiries:mail-assign", args=[held.pk]),
        {"member": scene.neighbour.pk, "category": scene.category.pk, "capacity": "casework"},
    )
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.member == scene.neighbour and enquiry.channel == Enquiry.Channel.EMAIL
    assert enquiry.received_at == held.received_at
    assert [a.name for a in enquiry.attachments.all()] == ["map.pdf"]
    held.refresh_from_db()
    assert held.state == State.ASSIGNED and held.enquiry == enquiry
    again = _client(intake, "dem").post(
        reverse("enquiries:mail-discard", args=[held.pk]),
        {"discard-text": "Spam"},
    )
    assert again.status_code == 400 and "no longer held" in again.content.decode()


def test_democratic_services_discard_a_held_email_and_the_reason_is_kept(intake: Intake) -> None:
    intake.deliver(mail("offers@example.net", "Cheap loans", "Click here"))
    mailbox_fetch(intake.mailbox)
    held = IncomingMail.objects.get()
    url = reverse("enquiries:mail-discard", args=[held.pk])
    empty = _client(intake, "dem").post(url, {"discard-text": ""})
    assert empty.status_code == 400 and "Enter why it is discarded" in empty.content.decode()
    assert _client(intake, "dem").post(url, {"discard-text": "Spam"}).status_code == 302
    held.refresh_from_db()
    assert held.state == State.DISCARDED and held.discard_reason == "Spam"
    assert "not the address" in held.reason and held.handled_by == intake.scene.users["dem"]


@pytest.mark.cites("D 6.3")
def test_replies_are_threaded_by_the_reference_in_the_subject(intake: Intake) -> None:
    scene = intake.scene
    enquiry = scene.submit()
    enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    enquiry_wait_for_member(
        actor=scene.actor("officer"),
        enquiry=Enquiry.objects.get(pk=enquiry.pk),
        question="Which bench?",
    )
    ref = enquiry.reference
    intake.deliver(mail(scene.member.email, f"RE: {ref.lower()} bench", "The one by the pond."))
    from_officer = mail(scene.officer.email, f"Re: {ref}", "Contractor booked.")
    from_officer.add_attachment(PDF, maintype="application", subtype="pdf", filename="quote.pdf")
    intake.deliver(from_officer)
    intake.deliver(mail("stranger@example.net", f"Re: {ref}", "Me too"))
    assert mailbox_fetch(intake.mailbox).new == 3

    enquiry.refresh_from_db()
    assert enquiry.state == Enquiry.State.ASSIGNED  # the Member's reply ends the wait (D 6.3)
    kinds = list(enquiry.events.values_list("kind", "description"))
    assert any("The one by the pond." in d for _, d in kinds)
    assert (
        "officer-email",
        f"E-mail from {scene.officer.name} to the enquiries address: Contractor booked.",
    ) in kinds
    states = dict(IncomingMail.objects.values_list("sender", "state"))
    assert states == {
        scene.member.email.lower(): State.THREADED,
        scene.officer.email.lower(): State.THREADED,
        "stranger@example.net": State.HELD,
    }
    assert Enquiry.objects.count() == 1
    kept = IncomingMail.objects.get(sender=scene.officer.email.lower()).reason
    assert "Not added to the case (quote.pdf)" in kept
    assert not enquiry.attachments.filter(name="quote.pdf").exists()


def test_a_mailbox_that_cannot_be_reached_is_logged_and_the_others_fetched(
    intake: Intake, monkeypatch: pytest.MonkeyPatch
) -> None:
    intake.deliver(mail(intake.scene.member.email, "Bins", "Missed on Monday."))
    monkeypatch.setenv("ACCORD_TEST_MAILBOX_PASSWORD", "wrong")
    assert mailboxes_fetch() == {}
    intake.mailbox.refresh_from_db()
    assert intake.mailbox.last_error and not Enquiry.objects.exists()


def test_the_worker_fetches_the_mailboxes_every_five_minutes(intake: Intake) -> None:
    from accord.enquiries.intake.jobs import FETCH
    from accord.notifications.schedule import periodic_jobs

    job = next(j for j in periodic_jobs() if j.name == FETCH)
    assert job.every == dt.timedelta(minutes=5)
    intake.deliver(mail(intake.scene.member.email, "Bins", "Missed on Monday."))
    job.func()
    assert Enquiry.objects.get().subject == "Bins"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_held_email_assigned_and_discarded_at_once_is_dealt_with_once(
    imap_server: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import connection

    from accord.enquiries.intake.services import incoming_mail_assign, incoming_mail_discard
    from accord.enquiries.tests.conftest import make_scene
    from accord.enquiries.tests.threads import DONE, at_once

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    scene = make_scene()
    held = IncomingMail.objects.create(
        council=scene.council,
        message_id="<race@x>",
        sender="resident@example.net",
        subject="Potholes",
        text="High Street.",
        received_at=clock.now(),
        size=10,
        state=State.HELD,
        created=clock.now(),
    )
    dem = scene.actor("dem")
    calls = [
        lambda: incoming_mail_assign(
            actor=dem, mail=held, member=scene.member, category=scene.category, capacity="casework"
        ),
        lambda: incoming_mail_discard(actor=dem, mail=held, reason="Spam"),
    ] * 3
    results = at_once(calls)
    assert results.count(DONE) == 1, results
    assert all("no longer held" in r for r in results if r != DONE)
    assert Enquiry.objects.count() == (
        1 if IncomingMail.objects.get().state == State.ASSIGNED else 0
    )
