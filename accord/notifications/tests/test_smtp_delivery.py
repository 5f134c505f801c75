"""Delivery through a real SMTP server (aiosmtpd on 127.0.0.1): what a recipient would or would not get."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from accord.core import clock
from accord.notifications.models import OutboxMessage
from accord.notifications.queue import notification_queue
from accord.notifications.senders import message_id_for
from accord.notifications.services import (
    Outcome,
    outbox_deliver,
    outbox_sweep,
)

from .conftest import SmtpServer

T0 = dt.datetime(2025, 3, 4, 9, 30, tzinfo=clock.LONDON)
Status = OutboxMessage.Status


def _queue(
    key: str = "enquiry:123:answered:v1", recipient: str = "alex@testshire.gov.uk", **context: str
) -> OutboxMessage:
    return notification_queue(
        council=None,
        recipient=recipient,
        recipient_name="Alex Member",
        template="test_message",
        context={"council_name": "Testshire District Council", **context},
        idempotency_key=key,
        subject_type="enquiry",
        subject_id="123",
    )


@pytest.mark.django_db(transaction=True)
def test_queued_in_a_committed_transaction_is_delivered_once_with_its_words(
    smtp_server: SmtpServer,
) -> None:
    with transaction.atomic():
        message = _queue(note="Bins & recycling <collected> on Tuesday.")
    # The delivery task is written in the message's transaction: committed with it (or, rolled back, with
    # it: see the next test).
    task = DBTaskResult.objects.get()
    assert task.task_result.kwargs == {"idempotency_keys": [message.idempotency_key]}

    call_command("worker", "--once")

    assert len(smtp_server.messages) == 1
    mail = smtp_server.messages[0]
    assert mail.rcpt_tos == ["alex@testshire.gov.uk"]
    assert mail.message["To"] == "Alex Member <alex@testshire.gov.uk>"
    assert mail.subject == "Accord test message from Testshire District Council"
    assert "Dear Alex Member," in mail.body
    assert "Bins & recycling <collected> on Tuesday." in mail.body
    assert mail.message["Message-ID"] == message_id_for("enquiry:123:answered:v1")
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.sender == "smtp"
    assert message.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_rolled_back_transaction_leaves_no_message_and_sends_nothing(
    smtp_server: SmtpServer,
) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue()
        raise RuntimeError("the enquiry could not be saved")

    call_command("worker", "--once")

    assert not OutboxMessage.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert smtp_server.messages == []


@pytest.mark.django_db
def test_server_down_then_up_is_retried_after_back_off_and_sent_exactly_once(
    smtp_server: SmtpServer,
) -> None:
    smtp_server.stop()
    with clock.frozen(T0):
        message = _queue()
        assert outbox_deliver(message_id=message.pk) == Outcome.RETRY
    message.refresh_from_db()
    assert message.status == Status.PENDING
    assert message.attempts == 1
    assert "Connection refused" in message.last_error
    assert T0 + dt.timedelta(seconds=47) < message.next_attempt_at <= T0 + dt.timedelta(minutes=1)

    smtp_server.start()
    with clock.frozen(T0 + dt.timedelta(seconds=10)):
        assert outbox_sweep() == {}, "not due yet"
    assert smtp_server.messages == []

    with clock.frozen(T0 + dt.timedelta(minutes=1, seconds=1)):
        assert outbox_sweep() == {"sent": 1}
        assert outbox_sweep() == {}
    assert len(smtp_server.messages) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 2, "")


@pytest.mark.django_db(transaction=True)
def test_same_idempotency_key_twice_is_one_message_and_one_email(smtp_server: SmtpServer) -> None:
    with transaction.atomic():
        first = _queue(note="First wording.")
    with transaction.atomic():
        second = _queue(note="Second wording.")

    assert second.pk == first.pk
    assert OutboxMessage.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
    call_command("worker", "--once")
    assert len(smtp_server.messages) == 1
    assert "First wording." in smtp_server.messages[0].body


@pytest.mark.django_db
def test_recipient_refused_with_550_fails_permanently_without_retry(
    smtp_server: SmtpServer,
) -> None:
    with clock.frozen(T0):
        message = _queue(recipient="refused@testshire.gov.uk")
        assert outbox_deliver(message_id=message.pk) == Outcome.FAILED
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert "550" in message.last_error
    with clock.frozen(T0 + dt.timedelta(days=2)):
        assert outbox_sweep() == {}
    assert smtp_server.messages == []


@pytest.mark.django_db
def test_recipient_deferred_with_451_is_retried(smtp_server: SmtpServer) -> None:
    with clock.frozen(T0):
        message = _queue(recipient="busy@testshire.gov.uk")
        assert outbox_deliver(message_id=message.pk) == Outcome.RETRY
    message.refresh_from_db()
    assert message.status == Status.PENDING
    assert "451" in message.last_error


@pytest.mark.django_db
def test_gives_up_after_max_attempts(
    smtp_server: SmtpServer, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.ACCORD_NOTIFICATIONS = {**settings.ACCORD_NOTIFICATIONS, "MAX_ATTEMPTS": 3}
    smtp_server.stop()
    at = T0
    with clock.frozen(at):
        message = _queue()
    outcomes = []
    for _ in range(3):
        with clock.frozen(at):
            outcomes.append(outbox_deliver(message_id=message.pk))
        at += dt.timedelta(hours=2)
    assert outcomes == [Outcome.RETRY, Outcome.RETRY, Outcome.FAILED]
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, 3)
    assert "failed permanently after 3 attempts" in caplog.text


@pytest.mark.django_db
def test_message_stuck_in_sending_is_sent_again_with_the_same_message_id(
    smtp_server: SmtpServer,
) -> None:
    with clock.frozen(T0):
        stuck = _queue(key="enquiry:1:answered:v1")
        recent = _queue(key="enquiry:2:answered:v1")
    OutboxMessage.objects.filter(pk=stuck.pk).update(
        status=Status.SENDING, claimed_at=T0, attempts=1
    )
    OutboxMessage.objects.filter(pk=recent.pk).update(
        status=Status.SENDING, claimed_at=T0 + dt.timedelta(minutes=9), attempts=1
    )

    with clock.frozen(T0 + dt.timedelta(minutes=11)):
        assert outbox_sweep() == {"sent": 1}

    assert [m.message["Message-ID"] for m in smtp_server.messages] == [
        message_id_for("enquiry:1:answered:v1")
    ]
    recent.refresh_from_db()
    assert recent.status == Status.SENDING, "a send still within its timeout is left alone"
