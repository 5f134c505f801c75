"""The tamper-evident history of a capability's cases: each council's events form one sha256 hash chain.

An event's hash is the sha256 of a canonical JSON of its fields (council, place in the chain, case, time,
actor, kind, description, citations, data) and the previous event's hash. Events are chained as they are
written while the council's chain head row is locked, so parallel writers never fork the chain;
`chain_verify` recomputes it and names the first broken link (an edit, deletion or reordering in SQL).
Works on any `accord.cases.models.CaseEvent` with its `ChainHead`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Council

GENESIS = "0" * 64


def event_canonical(event: CaseEvent, previous: str) -> bytes:
    """The bytes an event's hash covers: sorted-key compact JSON (UTF-8) of its fields and `previous`.

    The case is keyed by the event model's `CASE_FIELD` (`enquiry`); `at` is written in UTC to the
    microsecond, as both databases keep it; `data` and `citations` are the JSON the row holds."""
    at = event.at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    fields = {
        "council": event.council_id,
        "seq": event.seq,
        event.CASE_FIELD: event.case_id,
        "at": at,
        "actor": event.actor_id,
        "kind": event.kind,
        "description": event.description,
        "citations": event.citations,
        "data": event.data,
        "previous": previous,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_digest(event: CaseEvent, previous: str) -> str:
    """The event's hash: 64 hex characters of sha256 over `event_canonical`."""
    return hashlib.sha256(event_canonical(event, previous)).hexdigest()


def _head_locked(head_model: type[ChainHead], council_id: int) -> ChainHead:
    table = connection.ops.quote_name(head_model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (council_id, seq, hash) VALUES (%s, 0, %s) "
            "ON CONFLICT (council_id) DO NOTHING",
            [council_id, GENESIS],
        )
    return head_model.objects.select_for_update().get(council_id=council_id)  # type: ignore[attr-defined]


def events_chain(
    events: Iterable[CaseEvent], head_model: type[ChainHead], council_of: Callable[[CaseEvent], int]
) -> None:
    """Give unsaved events their council, place and hash, in the order given, before they are inserted.

    Call inside the transaction that inserts them: the councils' chain heads stay locked until it ends
    (taken in council order, so two writers never wait on each other in a circle). `council_of(event)` is
    the id of the council of the event's case."""
    by_council: dict[int, list[CaseEvent]] = {}
    for event in events:
        event.council_id = council_of(event)
        by_council.setdefault(event.council_id, []).append(event)
    for council_id in sorted(by_council):
        head = _head_locked(head_model, council_id)
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


def chain_verify(
    council: Council,
    *,
    event_model: type[CaseEvent],
    head_model: type[ChainHead],
    describe: Callable[[CaseEvent], str],
    holds: Callable[[CaseEvent, str], bool] | None = None,
) -> ChainReport:
    """Recompute the council's chain from its first event; the first link that does not hold is reported.

    An edited event no longer matches its hash; a deleted one leaves a gap in the places (or, at the end,
    a chain that stops short of its head); events moved about no longer link to their predecessor's hash;
    an event inserted in SQL has no place in the chain. `describe(event)` names its case in the report;
    `holds(event, previous)` says whether an event's link holds, where a capability vouches for events some
    other way (personal text removed under retention, ADR 18); by default its hash must match."""
    holds = holds or (lambda event, previous: event_digest(event, previous) == event.hash)
    count, previous, expected = 0, GENESIS, 1
    manager = event_model.objects  # type: ignore[attr-defined]
    mine = manager.filter(**{f"{event_model.CASE_FIELD}__council": council})
    stray = (mine.filter(seq__isnull=True) | mine.exclude(council=council)).order_by("id").first()
    if stray is not None:
        return ChainReport(
            council.slug, 0, f"event {stray.pk} ({stray.kind}) is not in the chain: added in SQL"
        )
    in_order = (
        manager.filter(council=council)
        .select_related(event_model.CASE_FIELD)
        .order_by("seq")
        .iterator(chunk_size=2000)
    )
    for event in in_order:
        seq = event.seq or 0
        where = f"event {seq} (id {event.pk}, {describe(event)}, {event.kind})"
        if seq != expected:
            gap = f"{expected}" if seq == expected + 1 else f"{expected} to {seq - 1}"
            return ChainReport(
                council.slug, count, f"event(s) {gap} missing before {where}: deleted"
            )
        if not holds(event, previous):
            return ChainReport(
                council.slug, count, f"{where} does not match its hash: edited or moved"
            )
        count, previous, expected = count + 1, event.hash, expected + 1
    head = head_model.objects.filter(council=council).first()  # type: ignore[attr-defined]
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


def event_actor_name(user: Any) -> str | None:
    """Who acted, as the history names them: the Member's or officer's name, else the user's full name
    (a username only when nothing else is recorded); None for Accord itself (a periodic job)."""
    if user is None:
        return None
    person = getattr(user, "officer", None) or getattr(user, "member", None)
    if person is not None:
        return str(person.name)
    return str(user.get_full_name() or user.get_username())


ChainsVerify = Callable[[Council], "ChainReport | list[ChainReport]"]
_CHAINS: dict[str, ChainsVerify] = {}


def chains_register(capability: str, verify: ChainsVerify) -> None:
    """Install a capability's chain check for `accord audit verify` (from its `AppConfig.ready`):
    `verify(council)` returns one ChainReport per history chain it keeps. Registering again replaces it."""
    _CHAINS[capability] = verify


def chains_verify_all(council: Council) -> list[tuple[str, ChainReport]]:
    """Every registered capability's chains for the council, as (capability, report), in name order."""
    found: list[tuple[str, ChainReport]] = []
    for capability in sorted(_CHAINS):
        reports = _CHAINS[capability](council)
        for report in reports if isinstance(reports, list) else [reports]:
            found.append((capability, report))
    return found


def chain_verifier(
    event_model: type[CaseEvent], head_model: type[ChainHead], noun: str
) -> Callable[[Council], ChainReport]:
    """A capability's chain check for `chains_register`, naming each case as "<noun> <id>"."""

    def verify(council: Council) -> ChainReport:
        return chain_verify(
            council,
            event_model=event_model,
            head_model=head_model,
            describe=lambda e: f"{noun} {getattr(e, f'{event_model.CASE_FIELD}_id')}",
        )

    return verify
