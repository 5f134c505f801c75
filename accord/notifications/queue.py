"""Queue messages in the caller's transaction and hand them to the worker; retry failed ones.

Apart from `services` (building and delivering a message) so the one-way order holds: `queue` enqueues the
delivery tasks, the tasks call `services`, and `services` imports neither.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django_tasks_db import DatabaseBackend

from accord.core import clock

from .models import OutboxMessage
from .services import notification_new
from .tasks import outbox_deliver_many_task

logger = logging.getLogger(__name__)
Status = OutboxMessage.Status


def notification_queue_many(messages: list[OutboxMessage]) -> None:
    """Write messages in the caller's transaction with one insert; they reach the worker after commit.

    A message whose idempotency key is already queued is left out (the one queued first stands), so
    queueing the same notice twice sends it once.
    """
    if not messages:
        return
    OutboxMessage.objects.bulk_create(messages, ignore_conflicts=True)
    _deliver_after_commit([m.idempotency_key for m in messages])


def notification_queue(**fields: Any) -> OutboxMessage:
    """Write one message in the caller's transaction and return it (see `notification_new` for the fields);
    if its idempotency key is already queued, the existing message is returned unchanged."""
    message = notification_new(**fields)
    existing = OutboxMessage.objects.filter(idempotency_key=message.idempotency_key).first()
    if existing is not None:
        return existing
    try:
        # A savepoint: the same key queued at the same moment elsewhere must not break the caller.
        with transaction.atomic():
            message.save(force_insert=True)
    except IntegrityError:
        return OutboxMessage.objects.get(idempotency_key=message.idempotency_key)
    _deliver_after_commit([message.idempotency_key])
    return message


def _deliver_after_commit(idempotency_keys: list[str]) -> None:
    """Hand the messages to the worker once the caller's transaction commits.

    With the database task backend the task row is written in the same transaction as the messages, so the
    worker sees both or neither. Any other backend is given the task after the commit.
    """
    if isinstance(outbox_deliver_many_task.get_backend(), DatabaseBackend):
        outbox_deliver_many_task.enqueue(idempotency_keys=idempotency_keys)
    else:
        transaction.on_commit(partial(_enqueue_delivery, idempotency_keys))


def _enqueue_delivery(idempotency_keys: list[str]) -> None:
    try:
        outbox_deliver_many_task.enqueue(idempotency_keys=idempotency_keys)
    except Exception:
        # The rows are committed and pending: the next sweep delivers them.
        logger.exception("Could not enqueue delivery of outbox messages %s", idempotency_keys)


def outbox_retry(*, message_ids: list[int]) -> int:
    """Send failed messages again now, with a fresh set of attempts (after fixing the cause)."""
    with transaction.atomic():
        failed = dict(
            OutboxMessage.objects.filter(pk__in=message_ids, status=Status.FAILED).values_list(
                "id", "idempotency_key"
            )
        )
        count = OutboxMessage.objects.filter(pk__in=failed, status=Status.FAILED).update(
            status=Status.PENDING, attempts=0, next_attempt_at=clock.now()
        )
        if failed:
            _deliver_after_commit(list(failed.values()))
    return count
