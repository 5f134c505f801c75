"""Notes shown beside a citation: what a capability has recorded about a paragraph (the Monitoring Officer's
rulings on its interpretation, D 12), wherever the paragraph is cited.

The shared layers cannot import a capability, so a capability registers a function
`(council_id, profile_key, paragraph_id) -> [CitationNote, ...]` from its `AppConfig.ready`; the citation
include, the protocol page and the API's citations ask `citation_notes_for`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CitationNote:
    """One note on a paragraph: `label` ("Monitoring Officer's ruling"), its `text`, the `date` it was made
    and a link to it (`url`, may be empty)."""

    label: str
    text: str
    date: dt.date
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "text": self.text,
            "date": self.date.isoformat(),
            "url": self.url,
        }


CitationNotes = Callable[[int, str, str], list[CitationNote]]
_SOURCES: dict[str, CitationNotes] = {}


def citation_notes_register(capability: str, notes: CitationNotes) -> None:
    """Install a capability's notes (once; registering again replaces it)."""
    _SOURCES[capability] = notes


def citation_notes_for(
    council_id: int | None, profile_key: str, paragraph: str
) -> list[CitationNote]:
    """Every registered note on the council's paragraph, in the order the capabilities registered."""
    if council_id is None or not profile_key or not paragraph:
        return []
    return [
        note for notes in _SOURCES.values() for note in notes(council_id, profile_key, paragraph)
    ]


def citation_with_notes(council_id: int | None, citation: dict[str, Any]) -> dict[str, Any]:
    """A citation's dict (`Citation.to_dict`) with its notes under "notes" (the API's citation shape)."""
    notes = citation_notes_for(
        council_id, str(citation.get("profile") or ""), str(citation.get("paragraph") or "")
    )
    return {**citation, "notes": [n.to_dict() for n in notes]}
