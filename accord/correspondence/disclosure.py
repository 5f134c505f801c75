"""Correspondence, press enquiries and publicity as a source for information requests (D 8.3)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from accord.cases.disclosure import SOURCE_LIMIT, DisclosureHit, disclosure_filter
from accord.core.access import Actor
from accord.correspondence.access import (
    correspondence_visible_to,
    press_enquiry_visible_to,
    publicity_visible_to,
)
from accord.councils.models import Council

LIMIT = SOURCE_LIMIT + 1  # one more than is listed: the search says more were found


def correspondence_disclosure_hits(
    council: Council, actor: Actor, query: str, date_from: dt.date, date_to: dt.date
) -> list[DisclosureHit]:
    """The council's correspondence (with the officer's advice), press enquiries and publicity requests
    that the actor may see, made within the period and matching `query`, oldest first."""
    hits: list[DisclosureHit] = []
    letters = disclosure_filter(
        correspondence_visible_to(actor).filter(council=council),
        query,
        fields=("subject", "body", "recipients", "advice", "advice_question", "reference"),
        at="created_at",
        date_from=date_from,
        date_to=date_to,
    ).select_related("member", "officer")
    for c in letters.order_by("created_at", "pk")[:LIMIT]:
        advice = f"\n\nOfficer's advice (D 8.4): {c.advice}" if c.advice else ""
        hits.append(
            DisclosureHit(
                source="Correspondence",
                reference=c.reference,
                title=c.subject,
                at=c.created_at,
                text=f"To: {c.recipients}\nIn the name of: {c.signatory}\nState: "
                f"{c.get_state_display()}\n\n{c.body}{advice}",
                url=reverse("correspondence:detail", args=(c.pk,)),
            )
        )
    press = disclosure_filter(
        press_enquiry_visible_to(actor).filter(council=council),
        query,
        fields=("outlet", "journalist", "question", "response", "reference"),
        at="received_at",
        date_from=date_from,
        date_to=date_to,
    )
    for p in press.order_by("received_at", "pk")[:LIMIT]:
        hits.append(
            DisclosureHit(
                source="Press enquiries",
                reference=p.reference,
                title=f"{p.outlet}: {p.journalist}",
                at=p.received_at,
                text=f"{p.question}\n\nResponse on behalf of the Council: {p.response or 'none yet'}",
                url=reverse("correspondence:press-detail", args=(p.pk,)),
            )
        )
    publicity = disclosure_filter(
        publicity_visible_to(actor).filter(council=council),
        query,
        fields=("title", "content", "review_note", "reference"),
        at="requested_at",
        date_from=date_from,
        date_to=date_to,
    )
    for r in publicity.order_by("requested_at", "pk")[:LIMIT]:
        hits.append(
            DisclosureHit(
                source="Publicity requests",
                reference=r.reference,
                title=r.title,
                at=r.requested_at,
                text=f"{r.get_channel_display()}. {r.get_state_display()}.\n\n{r.content}",
                url=reverse("correspondence:publicity-detail", args=(r.pk,)),
            )
        )
    return hits
