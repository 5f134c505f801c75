"""The append-only history of meetings and decision records, each council's in its own hash chain
(`accord.cases.history`); on PostgreSQL the database refuses UPDATE and DELETE of events too."""

from __future__ import annotations

from typing import Any

from accord.cases import history
from accord.core import clock
from accord.core.access import Actor
from accord.councils.models import Council
from accord.protocol import Citation

from .models import (
    DecisionChainHead,
    DecisionEvent,
    DecisionRecord,
    Meeting,
    MeetingChainHead,
    MeetingEvent,
)


def _cited(citations: list[Citation]) -> list[dict[str, str]]:
    return [c.to_dict() for c in citations]


def _event_add(
    event_model: type[MeetingEvent] | type[DecisionEvent],
    head_model: type[MeetingChainHead] | type[DecisionChainHead],
    case: Meeting | DecisionRecord,
    *,
    actor: Actor,
    kind: str,
    description: str,
    citations: list[Citation],
    data: dict[str, Any] | None,
) -> Any:
    event = event_model(
        **{event_model.CASE_FIELD: case},
        at=clock.now(),
        actor=actor.user,
        kind=kind,
        description=description,
        citations=_cited(citations),
        data=data or {},
    )
    history.events_chain([event], head_model, lambda e: case.council_id)
    event.save()
    return event


def meeting_event_add(
    meeting: Meeting,
    *,
    actor: Actor,
    kind: str,
    description: str,
    citations: list[Citation],
    data: dict[str, Any] | None = None,
) -> MeetingEvent:
    """Append one event to the meeting's history, in the council's chain (inside the caller's
    transaction), keeping the text of the change in `data`."""
    event: MeetingEvent = _event_add(
        MeetingEvent,
        MeetingChainHead,
        meeting,
        actor=actor,
        kind=kind,
        description=description,
        citations=citations,
        data=data,
    )
    return event


def decision_event_add(
    decision: DecisionRecord,
    *,
    actor: Actor,
    kind: str,
    description: str,
    citations: list[Citation],
    data: dict[str, Any] | None = None,
) -> DecisionEvent:
    """Append one event to the decision record's history, as `meeting_event_add` does."""
    event: DecisionEvent = _event_add(
        DecisionEvent,
        DecisionChainHead,
        decision,
        actor=actor,
        kind=kind,
        description=description,
        citations=citations,
        data=data,
    )
    return event


def meeting_chain_verify(council: Council) -> history.ChainReport:
    return history.chain_verify(
        council,
        event_model=MeetingEvent,
        head_model=MeetingChainHead,
        describe=lambda e: f"meeting {e.case_id}",
    )


def decision_chain_verify(council: Council) -> history.ChainReport:
    return history.chain_verify(
        council,
        event_model=DecisionEvent,
        head_model=DecisionChainHead,
        describe=lambda e: f"decision {e.case_id}",
    )
