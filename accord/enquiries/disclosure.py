"""Members' enquiries as a source for information requests (D 8.3, `accord.cases.disclosure`)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from accord.cases.disclosure import SOURCE_LIMIT, DisclosureHit
from accord.core.access import Actor
from accord.core.clock import LONDON
from accord.councils.models import Council
from accord.enquiries.access import enquiries_visible_to
from accord.enquiries.search import enquiry_search


def enquiry_disclosure_hits(
    council: Council, actor: Actor, query: str, date_from: dt.date, date_to: dt.date
) -> list[DisclosureHit]:
    """The enquiries of `council` the actor may see, received within the period and matching `query`
    (reference, subject, details or answer), each as the record a disclosure would show."""
    start = dt.datetime.combine(date_from, dt.time(0), tzinfo=LONDON)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON)
    visible = enquiries_visible_to(actor).filter(
        council=council, received_at__gte=start, received_at__lt=end
    )
    found = enquiry_search(visible, query).select_related("member", "service")
    return [
        DisclosureHit(
            source="Members' enquiries",
            reference=e.reference,
            title=e.subject,
            at=e.received_at,
            text="\n\n".join(
                part
                for part in (
                    f"Member: {e.member.name}. Service: {e.service.name}. State: {e.get_state_display()}.",
                    f"Constituent: {e.constituent_name}" if e.constituent_name else "",
                    e.details,
                    f"Substantive response: {e.answer}" if e.answer else "",
                )
                if part
            ),
            url=reverse("enquiries:detail", args=(e.pk,)),
        )
        for e in found.order_by("received_at", "pk")[: SOURCE_LIMIT + 1]
    ]
