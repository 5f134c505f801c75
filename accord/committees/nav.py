"""The committees pages a person can use, for the navigation (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council


def committee_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """(label, url): one link for everyone of the council, to its meetings; the meetings page leads on to
    the decision records (one link keeps the navigation on one row)."""
    return [("Meetings", reverse("committees:meetings", kwargs={"slug": council.slug}))]
