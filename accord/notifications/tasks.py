"""The django-tasks task that delivers one outbox message; it carries only the message id."""

from __future__ import annotations

from django_tasks import task

from .services import outbox_deliver


@task()
def outbox_deliver_task(message_id: int) -> str:
    return str(outbox_deliver(message_id=message_id))
