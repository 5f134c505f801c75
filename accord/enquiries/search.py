"""Search of Members' enquiries by reference, subject and text (the details and the answer).

Search only narrows a list the caller has already scoped to what the actor may see (`enquiries_visible_to`,
a Member's own list, an officer's queue, the council's list): it never widens it, so it never reveals a count
or a title of a case the searcher may not see. On PostgreSQL the text is matched by full-text search (English
stemming, `websearch` syntax: words, "a phrase", -not) through the expression index `enquiry_search`
(migration 0005), and a reference (`ENQ-2026-000123`, `enq-2026-123` or `2026-123`) exactly through the
council's reference index; elsewhere (SQLite) everything by case-insensitive substring.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

from accord.enquiries.models import Enquiry

MAX_QUERY_LENGTH = 200
SEARCH_CONFIG = "english"
# The indexed expression: migration 0005 builds `enquiry_search` on exactly this vector.
SEARCHED_FIELDS = ("subject", "details", "answer")


REFERENCE = re.compile(r"^(?:ENQ-)?(\d{4})-0*(\d{1,6})$", re.IGNORECASE)


def reference_of(text: str) -> str | None:
    """The full reference `text` names (`2026-123` is `ENQ-2026-000123`), or None if it names none."""
    match = REFERENCE.match(text.strip())
    if match is None:
        return None
    return f"ENQ-{match[1]}-{int(match[2]):06d}"


def search_vector() -> SearchVector:
    return SearchVector(*SEARCHED_FIELDS, config=SEARCH_CONFIG)


def enquiry_search(qs: QuerySet[Enquiry], text: str) -> QuerySet[Enquiry]:
    """The enquiries of `qs` matching `text` (at most 200 characters; blank matches everything).

    On PostgreSQL a reference matches exactly and the subject, details and answer by full-text search; on
    other databases each (and the reference) by substring.
    """
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text:
        return qs
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        by_reference = Q(reference=reference_of(text) or text.upper())
        return qs.alias(search_text=search_vector()).filter(by_reference | Q(search_text=query))
    by_reference = Q(reference__icontains=reference_of(text) or text)
    by_text = Q()
    for name in SEARCHED_FIELDS:
        by_text |= Q(**{f"{name}__icontains": text})
    return qs.filter(by_reference | by_text)
