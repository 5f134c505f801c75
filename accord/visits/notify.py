"""E-mails about visits and appointments, queued in the outbox inside the caller's transaction (none if it
rolls back). Templates are `accord/visits/templates/notifications/<template>.txt` (first line the subject); a
person without an address is skipped, and the case's history still records what happened."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from accord.councils.models import Council
from accord.notifications.queue import notification_queue


def absolute(name: str, *args: Any) -> str:
    """The absolute address of one of Accord's pages, under `ACCORD_BASE_URL`."""
    return f"{settings.ACCORD_BASE_URL}{reverse(name, args=args)}"


def notice(
    *,
    council: Council,
    email: str,
    name: str,
    template: str,
    key: str,
    subject_type: str,
    subject_id: int,
    calendar: str = "",
    **context: Any,
) -> None:
    """Queue the e-mail `template` for one person (skipped without an address); `key` makes a repeat of the
    same notice a no-op; `calendar` is an iCalendar invitation sent with it."""
    if not email:
        return
    notification_queue(
        council=council,
        recipient=email,
        recipient_name=name,
        template=template,
        context={"council_name": council.name, **context},
        idempotency_key=key,
        subject_type=subject_type,
        subject_id=str(subject_id),
        calendar=calendar,
    )
