"""Writes to the outbox: build and deliver a message, sweep (queueing and retrying: `queue.py`).

At-least-once: a message is marked `sending` and committed before the send, so a worker that dies
mid-send leaves it `sending`; after SENDING_TIMEOUT_SECONDS the sweep puts it back to pending and it is
sent again. The rare duplicate carries the same Message-ID (derived from the idempotency key), so a
mail client can recognise it. Losing a Member's notification silently would be worse than a duplicate.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections import Counter
from enum import StrEnum
from functools import lru_cache
from typing import Any

from django.db import connection, transaction
from django.template import Context, Engine

from accord.core import clock
from accord.councils.models import Council

from .conf import notifications_settings
from .models import OutboxMessage
from .senders import PermanentSendError, RetryableSendError, Sender, sender_from_settings

logger = logging.getLogger(__name__)
Status = OutboxMessage.Status


class Outcome(StrEnum):
    SENT = "sent"
    RETRY = "retry"
    FAILED = "failed"
    SKIPPED = "skipped"


@lru_cache(maxsize=1)
def _engine() -> Engine:
    """Plain-text templates: no HTML escaping (an '&' in a subject must stay an '&')."""
    return Engine(app_dirs=True, autoescape=False)


def notification_render(*, template: str, context: dict[str, Any]) -> tuple[str, str]:
    """Render `notifications/<template>.txt`: the first line is the subject, the rest the body."""
    text = (
        _engine()
        .get_template(f"notifications/{template}.txt")
        .render(Context(context, autoescape=False))
    )
    lines = text.strip().splitlines()
    subject = " ".join(lines[0].split()) if lines else ""
    body = "\n".join(line.rstrip() for line in lines[1:]).strip("\n") + "\n"
    if not subject:
        raise ValueError(f"notifications/{template}.txt rendered an empty subject line")
    return subject[:255], body


def notification_new(
    *,
    council: Council | None,
    recipient: str,
    recipient_name: str,
    template: str,
    context: dict[str, Any],
    idempotency_key: str,
    subject_type: str = "",
    subject_id: str = "",
    event_type: str = "",
) -> OutboxMessage:
    """A rendered message, not yet written: hand it to `notification_queue_many`.

    The template sees `recipient` and `recipient_name` besides `context`.
    """
    subject, body = notification_render(
        template=template,
        context={"recipient": recipient, "recipient_name": recipient_name, **context},
    )
    now = clock.now()
    return OutboxMessage(
        council=council,
        recipient=recipient,
        recipient_name=recipient_name,
        subject=subject,
        body=body,
        template=template,
        event_type=event_type or template,
        idempotency_key=idempotency_key,
        subject_type=subject_type,
        subject_id=str(subject_id),
        next_attempt_at=now,
        created_at=now,
    )


def outbox_deliver_keyed(*, idempotency_keys: list[str]) -> list[Outcome]:
    """Deliver the messages with these keys, each claimed and sent on its own (one not pending is skipped)."""
    ids = OutboxMessage.objects.filter(idempotency_key__in=idempotency_keys).values_list(
        "id", flat=True
    )
    return [outbox_deliver(message_id=message_id) for message_id in sorted(ids)]


def retry_delay_seconds(*, attempts: int, rng: random.Random | None = None) -> float:
    """Exponential back-off with jitter: about 1, 2, 4 ... minutes after each failed attempt, capped at
    an hour; each delay is drawn between 80% and 100% of that so many failed messages spread out."""
    config = notifications_settings()
    nominal = min(
        config.retry_cap.total_seconds(),
        config.retry_base.total_seconds() * 2 ** max(attempts - 1, 0),
    )
    return nominal * (rng or random).uniform(0.8, 1.0)


def _claim(message_id: int) -> OutboxMessage | None:
    now = clock.now()
    with transaction.atomic():
        due = OutboxMessage.objects.filter(
            pk=message_id, status=Status.PENDING, next_attempt_at__lte=now
        )
        if connection.vendor == "postgresql":
            due = due.select_for_update(skip_locked=True)
        message = due.first()
        if message is None:
            return None
        # The conditional update is the claim itself, whatever the database's locking.
        claimed = OutboxMessage.objects.filter(pk=message_id, status=Status.PENDING).update(
            status=Status.SENDING, claimed_at=now, attempts=message.attempts + 1
        )
        if claimed != 1:
            return None
    message.status, message.claimed_at, message.attempts = Status.SENDING, now, message.attempts + 1
    return message


def outbox_deliver(*, message_id: int, sender: Sender | None = None) -> Outcome:
    """Send one message if it is pending and due; never two sends for one claim."""
    sender = sender or sender_from_settings()
    message = _claim(message_id)
    if message is None:
        return Outcome.SKIPPED
    mine = OutboxMessage.objects.filter(pk=message.pk, status=Status.SENDING)
    try:
        sender.send(message)
    except PermanentSendError as error:
        mine.update(status=Status.FAILED, last_error=str(error), sender=sender.name)
        logger.error("Outbox message %s failed permanently: %s", message.pk, error)
        return Outcome.FAILED
    except Exception as error:
        text = (
            str(error)
            if isinstance(error, RetryableSendError)
            else f"{type(error).__name__}: {error}"
        )
        if message.attempts >= notifications_settings().max_attempts:
            mine.update(status=Status.FAILED, last_error=text, sender=sender.name)
            logger.error(
                "Outbox message %s failed permanently after %s attempts: %s",
                message.pk,
                message.attempts,
                text,
            )
            return Outcome.FAILED
        delay = retry_delay_seconds(attempts=message.attempts)
        mine.update(
            status=Status.PENDING,
            last_error=text,
            next_attempt_at=clock.now() + dt.timedelta(seconds=delay),
        )
        logger.warning(
            "Outbox message %s not sent (attempt %s): %s", message.pk, message.attempts, text
        )
        return Outcome.RETRY
    mine.update(status=Status.SENT, sent_at=clock.now(), sender=sender.name, last_error="")
    return Outcome.SENT


def outbox_release_stale() -> int:
    """Put messages left `sending` by a crashed worker back to pending (they will be sent again)."""
    now = clock.now()
    cutoff = now - notifications_settings().sending_timeout
    released = OutboxMessage.objects.filter(status=Status.SENDING, claimed_at__lt=cutoff).update(
        status=Status.PENDING,
        next_attempt_at=now,
        last_error="The worker stopped while sending; sending again.",
    )
    if released:
        logger.warning("Released %s outbox message(s) stuck in sending", released)
    return released


def outbox_sweep(*, sender: Sender | None = None) -> Counter[str]:
    """Deliver every due pending message (after releasing stale `sending` ones)."""
    outbox_release_stale()
    config = notifications_settings()
    due_ids = list(
        OutboxMessage.objects.filter(status=Status.PENDING, next_attempt_at__lte=clock.now())
        .order_by("next_attempt_at", "id")
        .values_list("id", flat=True)[: config.batch_size]
    )
    outcomes: Counter[str] = Counter()
    for message_id in due_ids:
        outcomes[outbox_deliver(message_id=message_id, sender=sender)] += 1
    return outcomes
