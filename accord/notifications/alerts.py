"""Telling people that mail is not getting through.

A message that fails (its address or name cannot be used, or the mail service refused it for four hours)
is e-mailed to the council's democratic services, who keep the records it came from: they correct the
address and choose "Retry now" in the admin's outbox. Faults of the installation itself (login, API key,
clock) cannot be e-mailed reliably: they are logged at ERROR and shown at the top of the admin's outbox.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accord.accounts.models import User

from .models import OutboxMessage
from .queue import notification_queue_many
from .services import notification_new

UNDELIVERABLE = "outbox.undeliverable"


def _democratic_services(council_id: int) -> QuerySet[User]:
    return User.objects.filter(
        council_id=council_id, is_democratic_services=True, is_active=True
    ).select_related("officer")


def outbox_failure_tell_democratic_services(*, message: OutboxMessage, reason: str) -> int:
    """Queue, in the caller's transaction, one e-mail to each active democratic services user of the
    message's council saying which message failed, to whom and why; returns how many were queued.

    Platform mail (no council) and these notices themselves are not reported again, so a wrong address
    in democratic services' own record cannot start a chain of notices.
    """
    if message.council_id is None or message.event_type == UNDELIVERABLE:
        return 0
    notices = []
    for user in _democratic_services(message.council_id):
        officer = user.officer
        address = officer.email if officer is not None and officer.email else user.email
        if not address:
            continue
        notices.append(
            notification_new(
                council=message.council,
                recipient=address,
                recipient_name=officer.name if officer is not None else user.get_full_name(),
                template="outbox_undeliverable",
                context={
                    "council_name": message.council.name if message.council else "",
                    "failed": message,
                    "reason": reason,
                },
                idempotency_key=f"outbox:{message.pk}:undeliverable:{user.pk}",
                subject_type="outbox",
                subject_id=str(message.pk),
                event_type=UNDELIVERABLE,
            )
        )
    notification_queue_many(notices)
    return len(notices)


def outbox_installation_faults(messages: QuerySet[OutboxMessage]) -> list[tuple[str, int]]:
    """The installation faults now holding back pending messages: (the latest error, how many messages),
    most held first. Empty when the mail settings work."""
    held: dict[str, int] = {}
    rows = messages.filter(
        status=OutboxMessage.Status.PENDING, fault=OutboxMessage.Fault.INSTALLATION
    ).values_list("last_error", flat=True)
    for error in rows:
        held[error] = held.get(error, 0) + 1
    return sorted(held.items(), key=lambda item: -item[1])
