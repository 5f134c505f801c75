"""What every correspondence, press and publicity service shares: the history, references, the calendar's
pre-election periods and the e-mail it queues on commit."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

from accord.cases import history
from accord.core import clock
from accord.core.access import Actor
from accord.correspondence.models import (
    CommsChainHead,
    CommsEvent,
    Correspondence,
    InformationRequest,
    PreElectionPeriod,
    PressEnquiry,
    PublicityRequest,
    SupportRequest,
)
from accord.correspondence.rules import cited
from accord.councils.models import Council
from accord.notifications.queue import notification_queue_many
from accord.notifications.services import notification_new
from accord.protocol import Profile, ProfileError, load_profile

Case = Correspondence | PressEnquiry | PublicityRequest | InformationRequest | SupportRequest
C = TypeVar("C", Correspondence, PressEnquiry, PublicityRequest, InformationRequest, SupportRequest)
PREFIX = {
    Correspondence: "COR",
    PressEnquiry: "PRS",
    PublicityRequest: "PUB",
    InformationRequest: "INF",
    SupportRequest: "SUP",
}
CASE_FIELD = {
    Correspondence: "correspondence",
    PressEnquiry: "press_enquiry",
    PublicityRequest: "publicity",
    InformationRequest: "information_request",
    SupportRequest: "support_request",
}


def profile_of(council: Council) -> Profile | None:
    try:
        return load_profile(council.profile)
    except (ProfileError, KeyError, FileNotFoundError, ValueError):  # no rule of it applies
        return None


def reference_placeholder() -> str:
    """A unique stand-in until the case has its id (`reference_set`)."""
    return f"new-{uuid.uuid4().hex[:12]}"


def reference_set(case: Case) -> None:
    """Give a newly inserted case its reference, `COR-2026-000012` (the kind, the year, its id)."""
    year = clock.today().year
    case.reference = f"{PREFIX[type(case)]}-{year}-{case.pk:06d}"
    type(case).objects.filter(pk=case.pk).update(reference=case.reference)


def event_add(
    case: Case,
    *,
    actor: Actor | None,
    kind: str,
    description: str,
    citations: Iterable[Any] = (),
    data: dict[str, Any] | None = None,
) -> CommsEvent:
    """Append one event to the case's history, chained under the council's chain head (in the caller's
    transaction). The text of the change goes in `data`, so the history keeps every word."""
    event = CommsEvent(
        at=clock.now(),
        actor=actor.user if actor is not None else None,
        kind=kind,
        description=description,
        citations=cited(list(citations)),
        data=data or {},
        **{CASE_FIELD[type(case)]: case},
    )
    history.events_chain([event], CommsChainHead, lambda e: int(case.council_id))
    event.save(force_insert=True)
    return event


def state_move(
    case: C,
    *,
    actor: Actor,
    state: str,
    description: str,
    citations: Iterable[Any] = (),
    data: dict[str, Any] | None = None,
) -> C:
    """Move a case already locked by the caller to `state` and record it (the event's kind is the state),
    in the caller's transaction."""
    case.state = state
    case.save(update_fields=["state"])
    event_add(
        case, actor=actor, kind=state, description=description, citations=citations, data=data
    )
    return case


def period_on(council: Council, day: dt.date) -> PreElectionPeriod | None:
    """The pre-election period of the council's calendar that `day` falls in (D 10.4), if any."""
    return (
        PreElectionPeriod.objects.filter(
            council=council, notice_of_election__lte=day, polling_day__gte=day
        )
        .order_by("polling_day")
        .first()
    )


def notices_queue(
    *,
    council: Council,
    people: Iterable[tuple[str, str]],
    subject: str,
    body: str,
    key: str,
    link: str = "",
    citations: Iterable[Any] = (),
) -> int:
    """Queue one e-mail to each (name, address) with an address, sent once the transaction commits; a
    person without an address is left out. Returns how many were queued."""
    labels = ", ".join(c["label"] for c in cited(list(citations)))
    messages = [
        notification_new(
            council=council,
            recipient=address,
            recipient_name=name,
            template="correspondence_notice",
            context={
                "subject": subject,
                "body": body,
                "link": link,
                "citations": labels,
                "council_name": council.name,
            },
            idempotency_key=f"{key}:{address.lower()}",
            subject_type="correspondence",
            subject_id=key,
        )
        for name, address in people
        if address
    ]
    notification_queue_many(messages)
    return len(messages)
