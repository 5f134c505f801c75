"""E-mails about enquiries, queued in the outbox inside the caller's transaction (none if it rolls back).

Templates are `accord/enquiries/templates/notifications/enquiry_<event>.txt` (first line the subject). A person
without an e-mail address is skipped; the event on the case still records what happened.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.urls import reverse

from accord.councils.models import Member, Officer
from accord.enquiries.models import Enquiry, InformationDispute
from accord.notifications.models import OutboxMessage
from accord.notifications.queue import notification_queue, notification_queue_many
from accord.notifications.services import notification_new

ROUTED = (Enquiry.State.DIVERTED, Enquiry.State.MONITORING_OFFICER)


def _date(value: Any) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}" if value else ""


def enquiry_url(enquiry: Enquiry, *, shared: bool = False) -> str:
    """The absolute address of the case page (or, for a Member it is shared with, the shared answer's page:
    D 6.5), under `ACCORD_BASE_URL`."""
    name = "enquiries:shared-detail" if shared else "enquiries:detail"
    return f"{settings.ACCORD_BASE_URL}{reverse(name, args=[enquiry.pk])}"


def enquiry_context(enquiry: Enquiry, **extra: Any) -> dict[str, Any]:
    return {
        "case_url": enquiry_url(enquiry),
        "council_name": enquiry.council.name,
        "reference": enquiry.reference,
        "subject": enquiry.subject,
        "member_name": str(enquiry.member),
        "service_name": enquiry.service.name,
        # A diverted (D 6.7) or Monitoring Officer (D 4.2) case has no enquiry due date to show.
        "due": "" if enquiry.state in ROUTED else _date(enquiry.due_date),
        "officer_name": enquiry.assigned_to.name if enquiry.assigned_to else "",
        **extra,
    }


def enquiry_notice(
    *,
    enquiry: Enquiry,
    person: Member | Officer | None,
    event: str,
    key: str,
    template: str = "",
    **extra: Any,
) -> OutboxMessage | None:
    """The e-mail `enquiry_<event>` for one Member or officer, rendered but not yet queued (None when the
    person has no address); `key` makes a repeat a no-op once queued. `template` names another wording of
    the same event (the Member's own copy of a step that is otherwise told to an officer)."""
    if person is None or not person.email:
        return None
    kind = "member" if isinstance(person, Member) else "officer"
    return notification_new(
        council=enquiry.council,
        recipient=person.email,
        recipient_name=str(person) if kind == "member" else person.name,
        template=template or f"enquiry_{event}",
        context=enquiry_context(enquiry, **extra),
        idempotency_key=f"enquiry:{enquiry.pk}:{event}:{key}:{kind}:{person.pk}",
        subject_type="enquiry",
        subject_id=str(enquiry.pk),
        event_type=f"enquiry.{event}",
    )


def notify_people(notices: list[OutboxMessage | None]) -> None:
    """Queue several notices with one insert, in the caller's transaction (a repeated key is a no-op)."""
    notification_queue_many([n for n in notices if n is not None])


def notify_person(
    *,
    enquiry: Enquiry,
    person: Member | Officer | None,
    event: str,
    key: str,
    template: str = "",
    **extra: Any,
) -> None:
    """Queue `enquiry_<event>` (or `template`) for one Member or officer; `key` makes a repeat a no-op."""
    notify_people(
        [
            enquiry_notice(
                enquiry=enquiry, person=person, event=event, key=key, template=template, **extra
            )
        ]
    )


def member_acknowledged(enquiry: Enquiry, *, note: str = "") -> OutboxMessage | None:
    """The Member's acknowledgement of a new enquiry, with its due date (and how it was set, if given)."""
    how = f" ({note})" if note else ""
    return enquiry_notice(
        enquiry=enquiry,
        person=enquiry.member,
        event="acknowledged",
        key="1",
        message=f"A substantive response is due by the end of {enquiry.due_date:%A %d %B %Y}{how}.",
    )


def member_assigned(enquiry: Enquiry, officer: Officer, *, key: str = "") -> OutboxMessage | None:
    """The Member is told who is dealing with their enquiry (`key`: the event's id, unique per assignment)."""
    return enquiry_notice(
        enquiry=enquiry,
        person=enquiry.member,
        event="assigned",
        key=key or str(officer.pk),
        message=f"{officer.name} ({officer.job_title}) is dealing with the enquiry.",
    )


def member_answered(
    enquiry: Enquiry, answered_at: dt.datetime, *, key: str = ""
) -> OutboxMessage | None:
    """The substantive response, sent to the Member with the date until which they may reopen (`key`: the
    event's id, so each round's answer is its own e-mail)."""
    return enquiry_notice(
        enquiry=enquiry,
        person=enquiry.member,
        event="answered",
        key=key or answered_at.isoformat(),
        answer=enquiry.answer,
        reopen_until=f"{enquiry.reopen_until:%d %B %Y}",
    )


def notify_dispute(
    *, dispute: InformationDispute, person: Member | Officer | None, step: str, **extra: Any
) -> OutboxMessage | None:
    """N 17: each step of an information dispute is told to the people it concerns."""
    if person is None or not person.email:
        return None
    kind = "member" if isinstance(person, Member) else "officer"
    return notification_queue(
        council=dispute.council,
        recipient=person.email,
        recipient_name=str(person) if kind == "member" else person.name,
        template=f"enquiry_dispute_{step}",
        context={
            "council_name": dispute.council.name,
            "document": dispute.document,
            "member_name": str(dispute.member),
            "chief_officer_name": dispute.chief_officer.name,
            "state": dispute.get_state_display(),
            **extra,
        },
        idempotency_key=f"information-dispute:{dispute.pk}:{step}:{kind}:{person.pk}",
        subject_type="information-dispute",
        subject_id=str(dispute.pk),
        event_type=f"information-dispute.{step}",
    )
