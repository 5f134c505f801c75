"""What Accord holds, searchable for an information request (D 8.3): each capability registers one source.

A source is `(council, actor, query, date_from, date_to) -> list[DisclosureHit]`: the records of the council
that the actor may see, matching the words of `query` (a person, a place or a subject; on PostgreSQL by
full-text search, elsewhere by substring), dated within the period (both days included), oldest first and
at most `SOURCE_LIMIT + 1` of each kind (`DisclosureHit.source`): more than `SOURCE_LIMIT` tells the search
that more were found than are listed, never silently. A source never widens what the actor may see. A hit marked `confidential` (a political group's or a briefing's material)
is flagged for review and never exported without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Model, Q, QuerySet

from accord.core.access import Actor
from accord.core.clock import LONDON
from accord.councils.models import Council

M = TypeVar("M", bound=Model)
MAX_QUERY_LENGTH = 200
SOURCE_LIMIT = 500


@dataclass(frozen=True)
class DisclosureHit:
    """One record found: `source` (the capability), `reference`, `title`, `at` (when it was made or
    received), `text` (the record as it would be disclosed, plain text), `url` (its page) and whether it
    is `confidential` material to be reviewed before any disclosure."""

    source: str
    reference: str
    title: str
    at: dt.datetime
    text: str
    url: str = ""
    confidential: bool = False
    details: dict[str, Any] = field(default_factory=dict)


DisclosureSource = Callable[[Council, Actor, str, dt.date, dt.date], list[DisclosureHit]]
_SOURCES: dict[str, DisclosureSource] = {}


def disclosure_sources_register(name: str, source: DisclosureSource) -> None:
    """Install a capability's source (from its `AppConfig.ready`); registering a name again replaces it."""
    _SOURCES[name] = source


class DisclosureHits(list[DisclosureHit]):
    """The hits of a search, and `incomplete`: the kinds of record (`DisclosureHit.source`) that matched
    more than `SOURCE_LIMIT` records, of which only the first `SOURCE_LIMIT` are listed (the search is to
    be narrowed, by its words or its period, before anything is disclosed)."""

    def __init__(self, hits: list[DisclosureHit], incomplete: list[str]) -> None:
        super().__init__(hits)
        self.incomplete = incomplete


def disclosure_search(
    *, council: Council, actor: Actor, query: str, date_from: dt.date, date_to: dt.date
) -> DisclosureHits:
    """Every registered source's hits, oldest first (then by reference), at most `SOURCE_LIMIT` of each
    kind; the kinds that found more are named in `incomplete`."""
    kinds: dict[str, list[DisclosureHit]] = {}
    for source in _SOURCES.values():
        for hit in source(council, actor, query, date_from, date_to):
            kinds.setdefault(hit.source, []).append(hit)
    incomplete = sorted(kind for kind, found in kinds.items() if len(found) > SOURCE_LIMIT)
    hits = [hit for found in kinds.values() for hit in found[:SOURCE_LIMIT]]
    return DisclosureHits(sorted(hits, key=lambda h: (h.at, h.source, h.reference)), incomplete)


def disclosure_filter(
    qs: QuerySet[M],
    query: str,
    *,
    fields: tuple[str, ...],
    at: str,
    date_from: dt.date,
    date_to: dt.date,
) -> QuerySet[M]:
    """The rows of `qs` whose `at` field falls within the period (London days, both included) and whose
    text `fields` match `query` (at most 200 characters; blank matches every row). On PostgreSQL by
    full-text search (English stemming, `websearch` syntax: words, "a phrase", -not); elsewhere every word
    must appear, in any of the fields, as a case-insensitive substring."""
    start = dt.datetime.combine(date_from, dt.time(0), tzinfo=LONDON)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON)
    qs = qs.filter(**{f"{at}__gte": start, f"{at}__lt": end})
    text = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not text:
        return qs
    if connection.vendor == "postgresql":
        found = SearchQuery(text, config="english", search_type="websearch")
        return qs.alias(disclosure_text=SearchVector(*fields, config="english")).filter(
            disclosure_text=found
        )
    for word in text.split():
        word = word.strip('"')
        if word and not word.startswith("-"):
            any_field = Q()
            for name in fields:
                any_field |= Q(**{f"{name}__icontains": word})
            qs = qs.filter(any_field)
    return qs
