"""The tamper-evident history of enquiries: each council's enquiry events form one sha256 hash chain, kept
by the shared case history (`accord.cases.history`). On PostgreSQL the database refuses UPDATE and DELETE of
events as well (migration `0009_event_history_append_only`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from accord.cases import history
from accord.cases.history import GENESIS, ChainReport, event_canonical, event_digest
from accord.councils.models import Council
from accord.enquiries.models import EnquiryEvent, EventChainHead

# The retention job's event (ADR 18): its `data["events"]` maps each event whose personal text it removed
# (by place in the chain) to that event's hash and `event_kept_digest`.
REMOVAL_KIND = "personal-data-removed"

__all__ = [
    "GENESIS",
    "ChainReport",
    "chain_verify",
    "event_canonical",
    "event_digest",
    "events_chain",
]


def _council_of(event: Any) -> int:
    return int(event.enquiry.council_id)


def event_kept_digest(event: EnquiryEvent, previous: str) -> str:
    """sha256 (64 hex characters) of the event's canonical form with its personal text (description and
    data) left out: what still vouches for an event once the retention job has removed that text."""
    kept = EnquiryEvent(
        council_id=event.council_id,
        seq=event.seq,
        enquiry_id=event.enquiry_id,
        at=event.at,
        actor_id=event.actor_id,
        kind=event.kind,
        description="",
        citations=event.citations,
        data={},
    )
    return event_digest(kept, previous)


def _reference(event: Any) -> str:
    return str(event.enquiry.reference)


def events_chain(events: Iterable[EnquiryEvent]) -> None:
    """Give unsaved enquiry events their council, place and hash before they are inserted (see
    `accord.cases.history.events_chain`); each event's enquiry must be set."""
    history.events_chain(events, EventChainHead, _council_of)


def _removals(council: Council) -> dict[int, list[str]]:
    """Each event whose personal text was removed: its place -> [its hash, its kept digest], as recorded
    by the retention job's events (themselves checked in the chain like any other)."""
    found: dict[int, list[str]] = {}
    for data in EnquiryEvent.objects.filter(council=council, kind=REMOVAL_KIND).values_list(
        "data", flat=True
    ):
        for seq, pair in (data.get("events") or {}).items():
            found[int(seq)] = list(pair)
    return found


def _link_holds(event: EnquiryEvent, previous: str, removals: dict[int, list[str]]) -> bool:
    if not event.personal_data_removed:
        return event_digest(event, previous) == event.hash
    recorded = removals.get(event.seq or 0)
    return recorded == [event.hash, event_kept_digest(event, previous)]


def chain_verify(council: Council) -> ChainReport:
    """The council's enquiry history chain recomputed; `broken` names the first broken link. An event whose
    personal text the retention job removed holds when a later removal event recorded its hash and the
    digest of what it kept (ADR 18)."""
    removals = _removals(council)
    return history.chain_verify(
        council,
        event_model=EnquiryEvent,
        head_model=EventChainHead,
        describe=_reference,
        holds=lambda event, previous: _link_holds(event, previous, removals),  # type: ignore[arg-type]
    )
