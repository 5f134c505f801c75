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


def _reference(event: Any) -> str:
    return str(event.enquiry.reference)


def events_chain(events: Iterable[EnquiryEvent]) -> None:
    """Give unsaved enquiry events their council, place and hash before they are inserted (see
    `accord.cases.history.events_chain`); each event's enquiry must be set."""
    history.events_chain(events, EventChainHead, _council_of)


def chain_verify(council: Council) -> ChainReport:
    """The council's enquiry history chain recomputed; `broken` names the first broken link."""
    return history.chain_verify(
        council, event_model=EnquiryEvent, head_model=EventChainHead, describe=_reference
    )
