"""Local matters as a source for information requests (D 8.3, `accord.cases.disclosure`)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from accord.cases.disclosure import DisclosureHit, disclosure_filter
from accord.core.access import Actor
from accord.councils.models import Council
from accord.matters.access import matters_visible_to


def matter_disclosure_hits(
    council: Council, actor: Actor, query: str, date_from: dt.date, date_to: dt.date
) -> list[DisclosureHit]:
    """The local matters of `council` the actor may see, recorded within the period and matching `query`
    (reference, title or summary), each with its areas, whom it informed and the Members' views."""
    found = disclosure_filter(
        matters_visible_to(actor).filter(council=council),
        query,
        fields=("reference", "title", "summary"),
        at="recorded_at",
        date_from=date_from,
        date_to=date_to,
    ).select_related("service")
    hits = []
    for m in found.order_by("recorded_at", "pk")[:500]:
        areas = ", ".join(ma.area.name for ma in m.matter_areas.select_related("area"))
        informed = ", ".join(sorted({r.member.name for r in m.receipts.select_related("member")}))
        views = [
            f"View of {r.member.name} ({r.at:%d %B %Y}): {r.text}"
            for r in m.responses.select_related("member").order_by("at")
        ]
        parts = [
            f"{m.kind_label}. Service: {m.service.name}. State: {m.get_state_display()}.",
            m.summary,
            "Affects: the whole council." if m.whole_council else f"Affects: {areas}.",
            f"Members informed: {informed}." if informed else "",
            *views,
        ]
        hits.append(
            DisclosureHit(
                source="Local matters",
                reference=m.reference,
                title=m.title,
                at=m.recorded_at,
                text="\n\n".join(p for p in parts if p),
                url=reverse("matters:detail", args=(m.pk,)),
            )
        )
    return hits
