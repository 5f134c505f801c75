"""Whose fault a failed delivery is decides what happens next: GOV.UK Notify's documented error answers
(`fixtures/notify_responses.json`, copied from Notify's client error table) and a bad address through a
real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import datetime as dt
import json
import smtplib
from pathlib import Path
from typing import Any

import pytest
import requests
from django.contrib import admin
from notifications_python_client.errors import HTTPError

from accord.core import clock
from accord.notifications.admin import OutboxMessageAdmin
from accord.notifications.alerts import UNDELIVERABLE
from accord.notifications.models import OutboxMessage
from accord.notifications.senders import NotifySender, smtp_error
from accord.notifications.services import Outcome, outbox_deliver, outbox_sweep

from .conftest import SmtpServer
from .factories import OutboxMessageFactory
from .test_admin import _request
from .test_notify_sender import FAKE_KEY, TEMPLATE_ID, FakeClient

Fault = OutboxMessage.Fault
Status = OutboxMessage.Status
T0 = dt.datetime(2025, 6, 2, 9, 0, tzinfo=clock.LONDON)
NOTIFY_RESPONSES = json.loads(
    (Path(__file__).parent / "fixtures" / "notify_responses.json").read_text()
)
# Each documented answer, by the start of its case: retried (temporary), retried and alerted (the
# installation's fault), or failed at once (the recipient's).
EXPECTED_FAULT = {
    "403 clock": Fault.INSTALLATION,
    "403 key revoked": Fault.INSTALLATION,
    "400 team-only key": Fault.INSTALLATION,
    "429 rate limit": Fault.TEMPORARY,
    "500": Fault.TEMPORARY,
}


def _notify_error(status: int, body: dict[str, Any]) -> HTTPError:
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode()
    return HTTPError(response)


def _expected(case: str) -> Fault:
    matches = [fault for prefix, fault in EXPECTED_FAULT.items() if case.startswith(prefix)]
    assert len(matches) == 1, f"classify {case!r}"
    return matches[0]


def test_every_documented_notify_answer_is_classified() -> None:
    assert {_expected(answer["case"]) for answer in NOTIFY_RESPONSES} == {
        Fault.INSTALLATION,
        Fault.TEMPORARY,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("answer", NOTIFY_RESPONSES, ids=[a["case"][:20] for a in NOTIFY_RESPONSES])
def test_notify_answer_is_retried_or_alerted_by_whose_fault_it_is(
    answer: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    fault = _expected(answer["case"])
    with clock.frozen(T0):
        message = OutboxMessageFactory.create()
    sender = NotifySender(
        api_key=FAKE_KEY,
        template_id=TEMPLATE_ID,
        client=FakeClient(_notify_error(answer["status"], answer["body"])),
    )
    with clock.frozen(T0):
        assert outbox_deliver(message_id=message.pk, sender=sender) == Outcome.RETRY

    message.refresh_from_db()
    assert (message.status, message.fault) == (Status.PENDING, fault)
    assert answer["body"]["errors"][0]["message"] in message.last_error
    assert message.next_attempt_at > T0
    levels = {record.levelname for record in caplog.records}
    assert ("ERROR" in levels) == (fault == Fault.INSTALLATION)


@pytest.mark.django_db
def test_an_installation_fault_keeps_the_message_past_max_attempts_until_fixed(
    settings: Any,
) -> None:
    settings.ACCORD_NOTIFICATIONS = {**settings.ACCORD_NOTIFICATIONS, "MAX_ATTEMPTS": 3}
    clock_skew = NOTIFY_RESPONSES[0]
    with clock.frozen(T0):
        message = OutboxMessageFactory.create()
    client = FakeClient(_notify_error(clock_skew["status"], clock_skew["body"]))
    sender = NotifySender(api_key=FAKE_KEY, template_id=TEMPLATE_ID, client=client)
    at = T0
    for _ in range(5):
        with clock.frozen(at):
            assert outbox_deliver(message_id=message.pk, sender=sender) == Outcome.RETRY
        at += dt.timedelta(hours=2)

    client.error = None  # the clock is corrected
    with clock.frozen(at):
        assert outbox_sweep(sender=sender) == {"sent": 1}
    message.refresh_from_db()
    assert (message.status, message.attempts, message.fault) == (Status.SENT, 6, "")


@pytest.mark.django_db
def test_the_admin_outbox_announces_an_installation_fault_to_democratic_services(
    roles: Any,
) -> None:
    revoked = NOTIFY_RESPONSES[1]
    sender = NotifySender(
        api_key=FAKE_KEY,
        template_id=TEMPLATE_ID,
        client=FakeClient(_notify_error(revoked["status"], revoked["body"])),
    )
    for _ in range(2):
        message = OutboxMessageFactory.create(council=roles.council)
        outbox_deliver(message_id=message.pk, sender=sender)
    dem = roles.user("democratic_services")
    dem.is_staff = True
    dem.save()
    request = _request(dem)

    OutboxMessageAdmin(OutboxMessage, admin.site).changelist_view(request)

    shown = [str(m) for m in request._messages]
    assert len(shown) == 1
    assert shown[0].startswith("2 message(s) are held because Accord's mail settings were refused")
    assert "Invalid token: API key not found" in shown[0]


def _queue_for_member(roles: Any, **fields: Any) -> OutboxMessage:
    return OutboxMessageFactory.create(
        council=roles.council,
        recipient=fields.pop("recipient", "alex@testshire.gov.uk"),
        subject="Your enquiry ENQ-7 has been answered",
        **fields,
    )


@pytest.mark.django_db
def test_a_name_with_a_line_break_fails_at_once_and_democratic_services_are_told(
    roles: Any, smtp_server: SmtpServer
) -> None:
    with clock.frozen(T0):
        message = _queue_for_member(roles, recipient_name="Alex\nMember")
        assert outbox_deliver(message_id=message.pk) == Outcome.FAILED

    message.refresh_from_db()
    assert (message.status, message.attempts, message.fault) == (Status.FAILED, 1, Fault.RECIPIENT)
    assert "line break" in message.last_error
    assert smtp_server.messages == []

    dem_officer = roles.user("democratic_services").officer
    with clock.frozen(T0):
        assert outbox_sweep() == {"sent": 1}
    [mail] = smtp_server.messages
    assert mail.rcpt_tos == [dem_officer.email]
    assert mail.subject == (
        "An e-mail from Accord could not be delivered: Your enquiry ENQ-7 has been answered"
    )
    assert "alex@testshire.gov.uk" in mail.body
    assert "line break" in mail.body
    with clock.frozen(T0 + dt.timedelta(days=1)):
        assert outbox_sweep() == {}, "not tried again"


@pytest.mark.django_db
def test_an_address_notify_refuses_fails_at_once_and_democratic_services_are_told(
    roles: Any,
) -> None:
    message = _queue_for_member(roles)
    error = _notify_error(
        400,
        {
            "status_code": 400,
            "errors": [
                {"error": "ValidationError", "message": "email_address Not a valid email address"}
            ],
        },
    )
    sender = NotifySender(api_key=FAKE_KEY, template_id=TEMPLATE_ID, client=FakeClient(error))

    assert outbox_deliver(message_id=message.pk, sender=sender) == Outcome.FAILED

    message.refresh_from_db()
    assert message.fault == Fault.RECIPIENT
    notice = OutboxMessage.objects.get(event_type=UNDELIVERABLE)
    assert notice.recipient == roles.user("democratic_services").officer.email
    assert notice.subject_id == str(message.pk)


@pytest.mark.django_db
def test_a_notice_to_democratic_services_that_fails_is_not_reported_again(
    roles: Any, smtp_server: SmtpServer
) -> None:
    dem_officer = roles.user("democratic_services").officer
    dem_officer.email = "refused@testshire.gov.uk"
    dem_officer.save()
    message = _queue_for_member(roles, recipient="refused@testshire.gov.uk")

    assert outbox_deliver(message_id=message.pk) == Outcome.FAILED
    assert outbox_sweep() == {"failed": 1}
    assert outbox_sweep() == {}
    assert OutboxMessage.objects.filter(event_type=UNDELIVERABLE).count() == 1


@pytest.mark.parametrize(
    ("error", "fault"),
    [
        (smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication failed"), Fault.INSTALLATION),
        (
            smtplib.SMTPSenderRefused(553, b"5.7.1 Sender not allowed", "accord@localhost"),
            Fault.INSTALLATION,
        ),
        (smtplib.SMTPDataError(451, b"4.3.0 Try later"), Fault.TEMPORARY),
        (
            smtplib.SMTPRecipientsRefused({"x@testshire.gov.uk": (550, b"No such mailbox")}),
            Fault.RECIPIENT,
        ),
    ],
)
def test_smtp_answers_are_classed_the_same_way(error: Exception, fault: Fault) -> None:
    assert smtp_error(error).fault == fault
