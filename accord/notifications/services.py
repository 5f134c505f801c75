"""Writes to the outbox: build and deliver a message, sweep (queueing and retrying: `queue.py`).

At-least-once: a message is marked `sending` and committed before the send, so a worker that dies
mid-send leaves it `sending`; after SENDING_TIMEOUT_SECONDS the sweep puts it back to pending and it is
sent again. The rare duplicate carries the same Message-ID (derived from the idempotency key), so a
mail client can recognise it. Losing a Member's notification silently would be worse than a duplicate.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import socket
import time
from collections import Counter
from collections.abc import Callable
from enum import StrEnum
from functools import lru_cache
from typing import Any

from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.template import Context, Engine
from django.utils.crypto import get_random_string

from accord.core import clock
from accord.councils.models import Council

from .conf import notifications_settings
from .models import OutboxMessage
from .senders import Sender, SendError, sender_from_settings

logger = logging.getLogger(__name__)
Status = OutboxMessage.Status
Fault = OutboxMessage.Fault
_PROCESS_TOKEN = get_random_string(8)


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
    calendar: str = "",
) -> OutboxMessage:
    """A rendered message, not yet written: hand it to `notification_queue_many`.

    The template sees `recipient` and `recipient_name` besides `context`. `calendar` is an iCalendar text
    (`accord.notifications.ical.ical_invitation`) sent with the e-mail as a text/calendar part.
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
        calendar=calendar,
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


def claimant() -> str:
    """This process as `host:pid:token`, recorded on the messages it is sending. The token tells a new
    process from an old one that had the same pid (a restarted container's pid 1)."""
    return f"{socket.gethostname()}:{os.getpid()}:{_PROCESS_TOKEN}"


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
            status=Status.SENDING, claimed_at=now, claimed_by=claimant(), attempts=F("attempts") + 1
        )
        if claimed != 1:
            return None
    message.status, message.claimed_at, message.attempts = Status.SENDING, now, message.attempts + 1
    return message


def outbox_deliver(*, message_id: int, sender: Sender | None = None) -> Outcome:
    """Send one message if it is pending and due; never two sends for one claim.

    A failure is handled by whose fault it was (`SendError.fault`, see senders.py): temporary faults are
    retried with back-off up to MAX_ATTEMPTS; the installation's are retried without limit and logged at
    ERROR; the recipient's fail at once. A message that fails is told to democratic services.
    """
    sender = sender or sender_from_settings()
    message = _claim(message_id)
    if message is None:
        return Outcome.SKIPPED
    mine = OutboxMessage.objects.filter(pk=message.pk, status=Status.SENDING)
    try:
        sender.send(message)
    except Exception as error:
        return _failed_attempt(message, mine, sender, error)
    mine.update(
        status=Status.SENT, sent_at=clock.now(), sender=sender.name, last_error="", fault=""
    )
    return Outcome.SENT


FailureListener = Callable[..., Any]
FAILURE_LISTENERS: list[FailureListener] = []
"""Told, in the transaction that fails a message for good, `(message=..., reason=...)`: `alerts` registers
the e-mail to democratic services here from the app's `ready`, so delivery never imports what queues mail."""


def _failed_attempt(
    message: OutboxMessage, mine: QuerySet[OutboxMessage], sender: Sender, error: Exception
) -> Outcome:
    if isinstance(error, SendError):
        fault, text = error.fault, str(error)
    else:
        fault, text = Fault.TEMPORARY, f"{type(error).__name__}: {error}"
    out_of_attempts = message.attempts >= notifications_settings().max_attempts
    if fault == Fault.RECIPIENT or (fault == Fault.TEMPORARY and out_of_attempts):
        with transaction.atomic():
            if mine.update(status=Status.FAILED, last_error=text, sender=sender.name, fault=fault):
                for listener in FAILURE_LISTENERS:
                    listener(message=message, reason=text)
        logger.error(
            "Outbox message %s failed permanently after %s %s: %s",
            message.pk,
            message.attempts,
            "attempt" if message.attempts == 1 else "attempts",
            text,
        )
        return Outcome.FAILED
    delay = retry_delay_seconds(attempts=message.attempts)
    mine.update(
        status=Status.PENDING,
        last_error=text,
        fault=fault,
        next_attempt_at=clock.now() + dt.timedelta(seconds=delay),
    )
    if fault == Fault.INSTALLATION:
        logger.error(
            "Outbox message %s held: Accord's mail settings were refused (attempt %s; retried "
            "until fixed): %s",
            message.pk,
            message.attempts,
            text,
        )
    else:
        logger.warning(
            "Outbox message %s not sent (attempt %s): %s", message.pk, message.attempts, text
        )
    return Outcome.RETRY


def _release(messages: QuerySet[OutboxMessage], why: str) -> int:
    released = messages.filter(status=Status.SENDING).update(
        status=Status.PENDING, next_attempt_at=clock.now(), claimed_by="", last_error=why
    )
    if released:
        logger.warning("Released %s outbox message(s) stuck in sending: %s", released, why)
    return released


def outbox_release_stale() -> int:
    """Put messages left `sending` for SENDING_TIMEOUT by any worker back to pending (sent again)."""
    cutoff = clock.now() - notifications_settings().sending_timeout
    return _release(
        OutboxMessage.objects.filter(status=Status.SENDING, claimed_at__lt=cutoff),
        "The worker stopped while sending; sending again.",
    )


def _process_gone(claimed_by: str) -> bool:
    _host, _, rest = claimed_by.partition(":")
    pid_text, _, token = rest.partition(":")
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return token != _PROCESS_TOKEN
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def outbox_release_orphaned() -> int:
    """When a worker starts: put back to pending, at once, the messages left `sending` by a worker process
    of this host that no longer runs (killed mid-send), returning how many. A claim by a live process, or
    by another host, is left to `outbox_release_stale`'s timeout."""
    host = socket.gethostname()
    rows = OutboxMessage.objects.filter(
        status=Status.SENDING, claimed_by__startswith=f"{host}:"
    ).values_list("id", "claimed_by")
    orphaned = [pk for pk, claimed_by in rows if _process_gone(claimed_by)]
    return _release(
        OutboxMessage.objects.filter(pk__in=orphaned),
        "The worker sending it was stopped; sending again.",
    )


def outbox_sweep(
    *, sender: Sender | None = None, budget_seconds: float | None = None
) -> Counter[str]:
    """Deliver every due pending message (after releasing stale `sending` ones), oldest due first, up to
    BATCH_SIZE; with `budget_seconds`, start no new delivery after that long, so that a backlog of
    e-mails never holds up the worker's other periodic jobs (the rest go in the next sweep)."""
    outbox_release_stale()
    config = notifications_settings()
    due_ids = list(
        OutboxMessage.objects.filter(status=Status.PENDING, next_attempt_at__lte=clock.now())
        .order_by("next_attempt_at", "id")
        .values_list("id", flat=True)[: config.batch_size]
    )
    until = None if budget_seconds is None else time.monotonic() + budget_seconds
    outcomes: Counter[str] = Counter()
    for message_id in due_ids:
        if until is not None and time.monotonic() >= until:
            break
        outcomes[outbox_deliver(message_id=message_id, sender=sender)] += 1
    return outcomes
