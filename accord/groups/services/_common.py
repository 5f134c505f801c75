"""What every group and briefing service shares: the refusal, the history and the e-mails."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from accord.cases.actions import actions_of
from accord.cases.history import events_chain
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Council
from accord.groups import rules
from accord.groups.models import (
    Briefing,
    BriefingChainHead,
    BriefingEvent,
    GroupMeeting,
    GroupMeetingChainHead,
    GroupMeetingEvent,
)
from accord.notifications.models import OutboxMessage
from accord.notifications.queue import notification_queue_many
from accord.notifications.services import notification_new
from accord.protocol import Citation


def refuse(message: str, citations: Iterable[Citation], field: str | None = None) -> AccordError:
    return AccordError(message, citations=list(citations), field=field)


def not_now(capability: str, name: str, case: Any) -> AccordError:
    """The refusal of a step the case no longer offers (taken already, or by someone else at the same
    moment): its state, and the paragraphs behind the step."""
    action = actions_of(capability).get(name)
    return AccordError(
        f"This cannot be done now: the request is {case.get_state_display().lower()}.",
        citations=rules.cites(case.council, *(action.cites if action is not None else ())),
    )


def check_offered(capability: str, name: str, actor: Actor, case: Any) -> None:
    """Re-check, under the row lock, that the action is offered now (the declaration in `actions`)."""
    action = actions_of(capability).get(name)
    if action is None or not action.offered(actor, case):
        raise not_now(capability, name, case)


def _citations(citations: Iterable[Citation]) -> list[dict[str, str]]:
    return [c.to_dict() for c in citations]


def meeting_event(
    meeting: GroupMeeting,
    actor: Actor,
    kind: str,
    description: str,
    citations: Iterable[Citation] = (),
    **data: Any,
) -> None:
    """Append one event to the meeting's history, chained (`accord.cases.history`)."""
    event = GroupMeetingEvent(
        meeting=meeting,
        at=clock.now(),
        actor=actor.user,
        kind=kind,
        description=description,
        citations=_citations(citations),
        data=data,
    )
    events_chain([event], GroupMeetingChainHead, lambda e: meeting.council_id)
    event.save(force_insert=True)


def briefing_event(
    briefing: Briefing,
    actor: Actor,
    kind: str,
    description: str,
    citations: Iterable[Citation] = (),
    **data: Any,
) -> None:
    event = BriefingEvent(
        briefing=briefing,
        at=clock.now(),
        actor=actor.user,
        kind=kind,
        description=description,
        citations=_citations(citations),
        data=data,
    )
    events_chain([event], BriefingChainHead, lambda e: briefing.council_id)
    event.save(force_insert=True)


def mail(
    council: Council,
    people: Iterable[Any],
    *,
    template: str,
    key: str,
    context: dict[str, Any],
) -> None:
    """E-mail each person with an address (queued in the outbox, sent after commit), once per `key`."""
    messages: list[OutboxMessage] = []
    for person in people:
        if person is None or not person.email:
            continue
        messages.append(
            notification_new(
                council=council,
                recipient=person.email,
                recipient_name=person.name,
                template=f"groups/{template}",
                context={"council_name": council.name, **context},
                idempotency_key=f"groups:{key}:{type(person).__name__}:{person.pk}",
                subject_type="groups",
                subject_id=key,
            )
        )
    notification_queue_many(messages)


def offers_make(
    *,
    council: Council,
    given_to_group: int | None,
    meeting: GroupMeeting | None = None,
    briefing: Briefing | None = None,
    subject: str,
    officer_name: str,
) -> int:
    """Offer the same information to every group of the council but the one given it (D 7.4(b)(v),
    N 15): one `ParityOffer` each, and an e-mail to each group's Group Leader(s) naming the subject and the
    officer, never the group given it. Returns how many groups were offered it."""
    from accord.councils.models import PoliticalGroup
    from accord.groups.access import group_leaders_of
    from accord.groups.models import ParityOffer

    others = list(PoliticalGroup.objects.filter(council=council).exclude(pk=given_to_group or 0))
    now = clock.now()
    ParityOffer.objects.bulk_create(
        [
            ParityOffer(
                council=council, group=g, meeting=meeting, briefing=briefing, offered_at=now
            )
            for g in others
        ]
    )
    source = (
        f"meeting-{meeting.pk}"
        if meeting is not None
        else f"briefing-{briefing.pk if briefing else 0}"
    )
    for g in others:
        mail(
            council,
            group_leaders_of(g.pk),
            template="offer",
            key=f"{source}-offer-{g.pk}",
            context={"subject": subject, "officer": officer_name},
        )
    return len(others)
