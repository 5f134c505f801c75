"""The tamper-evident history of visits and appointments: each council's events of each kind form one sha256
hash chain, kept by the shared case history (`accord.cases.history`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from accord.cases import history
from accord.cases.history import ChainReport
from accord.councils.models import Council
from accord.protocol import Citation
from accord.visits.models import (
    Appointment,
    AppointmentChainHead,
    AppointmentEvent,
    Visit,
    VisitChainHead,
    VisitEvent,
)


def citations_data(citations: Iterable[Citation | dict[str, str]]) -> list[dict[str, str]]:
    """Citations as an event or a row keeps them: [{"label": "N 26", "paragraph": "26", "text": ...}]
    (a citation already kept so is taken as it is)."""
    return [c if isinstance(c, dict) else c.to_dict() for c in citations]


def visit_events_chain(events: Iterable[VisitEvent]) -> None:
    history.events_chain(events, VisitChainHead, lambda e: int(e.visit.council_id))  # type: ignore[attr-defined]


def appointment_events_chain(events: Iterable[AppointmentEvent]) -> None:
    history.events_chain(
        events,
        AppointmentChainHead,
        lambda e: int(e.appointment.council_id),  # type: ignore[attr-defined]
    )


def visit_event_add(
    visit: Visit,
    *,
    at: Any,
    actor: Any,
    kind: str,
    description: str,
    citations: Iterable[Citation | dict[str, str]] = (),
    **data: Any,
) -> VisitEvent:
    """Write one event on a visit's history, chained in the caller's transaction. `data["text"]` holds the
    words of the change (a note, an answer), shown in full in the history."""
    event = VisitEvent(
        visit=visit,
        at=at,
        actor=actor,
        kind=kind,
        description=description,
        citations=citations_data(citations),
        data=data,
    )
    visit_events_chain([event])
    event.save(force_insert=True)
    return event


def appointment_event_add(
    appointment: Appointment,
    *,
    at: Any,
    actor: Any,
    kind: str,
    description: str,
    citations: Iterable[Citation | dict[str, str]] = (),
    **data: Any,
) -> AppointmentEvent:
    """Write one event on an appointment's history, chained in the caller's transaction."""
    event = AppointmentEvent(
        appointment=appointment,
        at=at,
        actor=actor,
        kind=kind,
        description=description,
        citations=citations_data(citations),
        data=data,
    )
    appointment_events_chain([event])
    event.save(force_insert=True)
    return event


def chain_verify(council: Council) -> list[ChainReport]:
    """The council's visit and appointment chains recomputed; each report names its first broken link."""
    return [
        history.chain_verify(
            council,
            event_model=VisitEvent,
            head_model=VisitChainHead,
            describe=lambda e: f"visit {e.case_id}",
        ),
        history.chain_verify(
            council,
            event_model=AppointmentEvent,
            head_model=AppointmentChainHead,
            describe=lambda e: f"appointment {e.case_id}",
        ),
    ]
