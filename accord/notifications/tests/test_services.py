"""Rendering, the retry schedule, retrying from the admin's action, and finding a subject's messages."""

from __future__ import annotations

import random
from typing import Any

import pytest
from django.db import transaction
from django.template import TemplateDoesNotExist
from django_tasks_db.models import DBTaskResult

from accord.notifications.models import OutboxMessage
from accord.notifications.queue import notification_queue, notification_queue_many, outbox_retry
from accord.notifications.selectors import outbox_list_for_subject
from accord.notifications.services import (
    notification_new,
    notification_render,
    retry_delay_seconds,
)

from .factories import OutboxMessageFactory


def test_render_is_plain_text_with_the_subject_on_the_first_line() -> None:
    subject, body = notification_render(
        template="test_message",
        context={"council_name": "Bath & North East Somerset", "recipient": "a@example.org"},
    )
    assert subject == "Accord test message from Bath & North East Somerset"
    assert body.startswith("Dear colleague,\n\nThis is a test message")
    assert "&amp;" not in subject + body


@pytest.mark.parametrize(
    ("attempts", "low", "high"),
    [
        (1, 48, 60),
        (2, 96, 120),
        (3, 192, 240),
        (4, 384, 480),
        (6, 1536, 1920),
        (7, 2880, 3600),
        (10, 2880, 3600),
        (40, 2880, 3600),
    ],
)
def test_retry_delay_doubles_from_a_minute_with_jitter_and_is_capped_at_an_hour(
    attempts: int, low: float, high: float
) -> None:
    rng = random.Random(attempts)
    delays = [retry_delay_seconds(attempts=attempts, rng=rng) for _ in range(50)]
    assert all(low <= delay <= high for delay in delays)
    assert len(set(delays)) > 1, "jitter spreads retries out"


@pytest.mark.django_db
def test_unknown_template_fails_in_the_callers_transaction() -> None:
    with pytest.raises(TemplateDoesNotExist):
        notification_queue(
            council=None,
            recipient="a@example.org",
            recipient_name="A",
            template="no_such_template",
            context={},
            idempotency_key="x:1",
        )
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_retry_puts_only_failed_messages_back_with_fresh_attempts() -> None:
    failed = OutboxMessageFactory.create(status=OutboxMessage.Status.FAILED, attempts=10)
    sent = OutboxMessageFactory.create(status=OutboxMessage.Status.SENT, attempts=1)
    assert outbox_retry(message_ids=[failed.pk, sent.pk]) == 1
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert (failed.status, failed.attempts) == (OutboxMessage.Status.PENDING, 0)
    assert sent.status == OutboxMessage.Status.SENT
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["kwargs"] == {"idempotency_keys": [failed.idempotency_key]}


@pytest.mark.django_db
def test_messages_queued_together_go_in_one_insert_with_one_delivery_task(
    django_assert_num_queries: Any,
) -> None:
    messages = [
        notification_new(
            council=None,
            recipient=f"{n}@example.org",
            recipient_name=str(n),
            template="test_message",
            context={"council_name": "Testshire"},
            idempotency_key=f"batch:{n}",
        )
        for n in range(3)
    ]
    with django_assert_num_queries(2):  # the messages, then the task
        notification_queue_many(messages)
    assert OutboxMessage.objects.count() == 3
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["kwargs"] == {"idempotency_keys": ["batch:0", "batch:1", "batch:2"]}


@pytest.mark.django_db
def test_a_key_queued_again_in_a_batch_is_not_written_twice_and_the_first_stands() -> None:
    first = notification_queue(
        council=None,
        recipient="first@example.org",
        recipient_name="First",
        template="test_message",
        context={"council_name": "Testshire"},
        idempotency_key="again:1",
    )
    again = notification_new(
        council=None,
        recipient="second@example.org",
        recipient_name="Second",
        template="test_message",
        context={"council_name": "Testshire"},
        idempotency_key="again:1",
    )
    with transaction.atomic():
        notification_queue_many([again])
    assert list(OutboxMessage.objects.values_list("pk", "recipient")) == [
        (first.pk, "first@example.org")
    ]


@pytest.mark.django_db(transaction=True)
def test_the_delivery_task_commits_with_the_messages_or_not_at_all() -> None:
    message = notification_new(
        council=None,
        recipient="a@example.org",
        recipient_name="A",
        template="test_message",
        context={"council_name": "Testshire"},
        idempotency_key="rollback:1",
    )
    with pytest.raises(RuntimeError), transaction.atomic():
        notification_queue_many([message])
        raise RuntimeError("the change fails after queueing")
    assert not OutboxMessage.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_other_apps_find_their_messages_by_subject() -> None:
    mine = OutboxMessageFactory.create(subject_type="enquiry", subject_id="123")
    OutboxMessageFactory.create(subject_type="enquiry", subject_id="1234")
    OutboxMessageFactory.create(subject_type="visit", subject_id="123")
    assert list(outbox_list_for_subject(subject_type="enquiry", subject_id="123")) == [mine]
