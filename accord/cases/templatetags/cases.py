"""Template helpers every case page shares: a citation linked to its paragraph, and who acted."""

from __future__ import annotations

from typing import Any

from django import template

from accord.cases.citation_notes import citation_notes_for
from accord.cases.history import event_actor_name
from accord.web.templatetags.accord_web import protocol_link

register = template.Library()


def _get(citation: Any, key: str) -> str:
    if isinstance(citation, dict):
        return str(citation.get(key) or "")
    return str(getattr(citation, key, "") or "")


@register.inclusion_tag("cases/_citation.html", takes_context=True)
def citation(context: template.Context, citation: Any) -> dict[str, Any]:
    """A citation (a `Citation` or its stored dict) as "D 6.3 — the paragraph's words", linked to the
    paragraph on the council's protocol page; words beyond 240 characters are cut at a word. The notes
    registered for the paragraph (the Monitoring Officer's rulings, D 12) follow it."""
    council = context.get("council")
    label = _get(citation, "label")
    paragraph = _get(citation, "paragraph") or label.split(" ", 1)[-1]
    text = " ".join(_get(citation, "text").split())
    if len(text) > 240:
        text = text[:240].rsplit(" ", 1)[0] + " ..."
    href = protocol_link(council.slug, paragraph) if council is not None and paragraph else None
    profile = _get(citation, "profile") or (council.profile if council is not None else "")
    notes = citation_notes_for(council.pk if council is not None else None, profile, paragraph)
    return {"label": label, "text": text, "href": href, "notes": notes}


@register.filter
def actor_name(user: Any) -> str:
    """The name the history gives a person who acted (`event_actor_name`); "Accord" for a job."""
    return event_actor_name(user) or "Accord"
