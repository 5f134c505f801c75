"""Decision records as a source for information requests (D 8.3, `accord.cases.disclosure`): the matter,
the decision maker, the report, every version of the officer's advice (N 9, D 4.4) and the decision."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from accord.cases.disclosure import DisclosureHit, disclosure_filter
from accord.committees.access import decisions_visible_to
from accord.core.access import Actor
from accord.councils.models import Council


def decision_disclosure_hits(
    council: Council, actor: Actor, query: str, date_from: dt.date, date_to: dt.date
) -> list[DisclosureHit]:
    """The decision records of `council` the actor may see, made within the period and matching `query`
    (the matter, the report or the decision), each with the advice as submitted and every correction."""
    found = disclosure_filter(
        decisions_visible_to(actor).filter(council=council),
        query,
        fields=("matter", "report", "decision"),
        at="created_at",
        date_from=date_from,
        date_to=date_to,
    ).select_related("advising_officer")
    hits = []
    for d in found.order_by("created_at", "pk")[:500]:
        advice = [
            f"Advice, version {a.version} ({a.submitted_at:%d %B %Y}), {a.author.name}: {a.text}"
            + (f"\nCorrection: {a.correction_reason}" if a.correction_reason else "")
            for a in d.advice.select_related("author").order_by("version")
        ]
        parts = [
            f"Decision maker: {d.get_maker_display()}. State: {d.get_state_display()}.",
            f"Report: {d.report}",
            *advice,
            f"Decision: {d.decision}" if d.decision else "",
        ]
        hits.append(
            DisclosureHit(
                source="Decision records",
                reference=f"DR-{d.pk}",
                title=d.matter,
                at=d.created_at,
                text="\n\n".join(p for p in parts if p),
                url=reverse("committees:decision", args=(d.pk,)),
            )
        )
    return hits
