"""The tamper-evident history: each council's enquiry events form one sha256 hash chain.

An event's hash is the sha256 of a canonical JSON of its fields (council, place in the chain, case, time,
actor, kind, description, citations, data) and the previous event's hash. Events are chained as they are
written (one at a time or in one insert) while the council's `EventChainHead` row is locked, so parallel
writers never fork the chain. `chain_verify` recomputes it: an edit, a deletion or a reordering made behind
the application's back (in SQL) breaks a link, and it names the first one. On PostgreSQL the database
refuses UPDATE and DELETE of events as well (migration `0009_event_history_append_only`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connection

from accord.councils.models import Council
from accord.enquiries.models import EnquiryEvent, EventChainHead

GENESIS = "0" * 64
# The retention job's event (ADR 18): its `data["events"]` maps each event whose personal text it removed
# (by place in the chain) to that event's hash and `event_kept_digest`.
REMOVAL_KIND = "personal-data-removed"


def event_canonical(event: EnquiryEvent, previous: str) -> bytes:
    """The bytes an event's hash covers: sorted-key compact JSON (UTF-8) of its fields and `previous`.

    `at` is written in UTC to the microsecond, as both databases keep it; `data` and `citations` are the
    JSON the row holds (key order does not matter)."""
    at = event.at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    fields = {
        "council": event.council_id,
        "seq": event.seq,
        "enquiry": event.enquiry_id,
        "at": at,
        "actor": event.actor_id,
        "kind": event.kind,
        "description": event.description,
        "citations": event.citations,
        "data": event.data,
        "previous": previous,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_digest(event: EnquiryEvent, previous: str) -> str:
    """The event's hash: 64 hex characters of sha256 over `event_canonical`."""
    return hashlib.sha256(event_canonical(event, previous)).hexdigest()


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


def _head_locked(council_id: int) -> EventChainHead:
    table = connection.ops.quote_name(EventChainHead._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (council_id, seq, hash) VALUES (%s, 0, %s) "
            "ON CONFLICT (council_id) DO NOTHING",
            [council_id, GENESIS],
        )
    return EventChainHead.objects.select_for_update().get(council_id=council_id)


def events_chain(events: Iterable[EnquiryEvent]) -> None:
    """Give unsaved events their council, place and hash, in the order given, before they are inserted.

    Call inside the transaction that inserts them: the councils' chain heads stay locked until it ends
    (taken in council order, so two writers never wait on each other in a circle). Each event's case must
    be set (its `council_id` is read from it)."""
    by_council: dict[int, list[EnquiryEvent]] = {}
    for event in events:
        event.council_id = event.enquiry.council_id
        by_council.setdefault(event.council_id, []).append(event)
    for council_id in sorted(by_council):
        head = _head_locked(council_id)
        for event in by_council[council_id]:
            head.seq += 1
            event.seq = head.seq
            event.hash = event_digest(event, head.hash)
            head.hash = event.hash
        head.save(update_fields=["seq", "hash"])


@dataclass(frozen=True)
class ChainReport:
    """What `chain_verify` found for one council: `broken` names the first broken link ("" when whole)."""

    council: str
    events: int
    broken: str

    @property
    def is_whole(self) -> bool:
        return not self.broken


def _in_order(council: Council) -> Iterator[EnquiryEvent]:
    return (
        EnquiryEvent.objects.filter(council=council)
        .select_related("enquiry")
        .order_by("seq")
        .iterator(chunk_size=2000)
    )


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
    """Recompute the council's chain from its first event; the first link that does not hold is reported.

    An edited event no longer matches its hash; a deleted one leaves a gap in the places (or, at the end,
    a chain that stops short of its head); events moved about no longer link to their predecessor's hash;
    an event inserted in SQL has no place in the chain. An event whose personal text the retention job
    removed holds when a later removal event recorded its hash and the digest of what it kept (ADR 18)."""
    count, previous, expected = 0, GENESIS, 1
    mine = EnquiryEvent.objects.filter(enquiry__council=council)
    stray = (mine.filter(seq__isnull=True) | mine.exclude(council=council)).order_by("id").first()
    if stray is not None:
        return ChainReport(
            council.slug, 0, f"event {stray.pk} ({stray.kind}) is not in the chain: added in SQL"
        )
    removals = _removals(council)
    for event in _in_order(council):
        seq = event.seq or 0
        where = f"event {seq} (id {event.pk}, {event.enquiry.reference}, {event.kind})"
        if seq != expected:
            gap = f"{expected}" if seq == expected + 1 else f"{expected} to {seq - 1}"
            return ChainReport(
                council.slug, count, f"event(s) {gap} missing before {where}: deleted"
            )
        if not _link_holds(event, previous, removals):
            return ChainReport(
                council.slug, count, f"{where} does not match its hash: edited or moved"
            )
        count, previous, expected = count + 1, event.hash, expected + 1
    head = EventChainHead.objects.filter(council=council).first()
    head_seq, head_hash = (head.seq, head.hash) if head is not None else (0, GENESIS)
    if head_seq > count:
        deleted = f"the last {head_seq - count} event(s) deleted"
        return ChainReport(
            council.slug,
            count,
            f"the chain ends at event {count} but its head is event {head_seq}: {deleted}",
        )
    if head_seq != count or head_hash != previous:
        return ChainReport(council.slug, count, "the chain head does not match its last event")
    return ChainReport(council.slug, count, "")
