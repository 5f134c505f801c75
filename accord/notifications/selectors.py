"""Reads of the outbox, for other apps ('which messages went out about enquiry 123?') and the admin."""

from __future__ import annotations

from django.db.models import QuerySet

from accord.accounts.models import User

from .models import OutboxMessage


def outbox_list_for_subject(*, subject_type: str, subject_id: str) -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(subject_type=subject_type, subject_id=str(subject_id))


def outbox_list_for_user(*, user: User) -> QuerySet[OutboxMessage]:
    """Superusers see every message; democratic services see their own council's."""
    if user.is_superuser:
        return OutboxMessage.objects.all()
    if user.is_democratic_services and user.council_id is not None:
        return OutboxMessage.objects.filter(council_id=user.council_id)
    return OutboxMessage.objects.none()
