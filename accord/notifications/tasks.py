"""The django-tasks tasks that deliver outbox messages; they carry only the messages' ids or idempotency keys."""

from __future__ import annotations

from django_tasks import task

from .services import outbox_deliver, outbox_deliver_keyed


@task()
def outbox_deliver_many_task(idempotency_keys: list[str]) -> list[str]:
    """Deliver the messages one transaction queued (named by their idempotency keys)."""
    return [str(outcome) for outcome in outbox_deliver_keyed(idempotency_keys=idempotency_keys)]


@task()
def outbox_deliver_task(message_id: int) -> str:
    """One message (kept for tasks enqueued before messages were handed over in batches)."""
    return str(outbox_deliver(message_id=message_id))
