"""The committees pages a person can use, for the navigation (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council


def committee_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """(label, url): for everyone of the council, its meetings and its decision records (N 13: scrutiny
    reads them). The service navigation shows the first under the title "Meetings"; the home page lists
    both."""
    return [
        ("Meetings", reverse("committees:meetings", kwargs={"slug": council.slug})),
        ("Decisions", reverse("committees:decisions", kwargs={"slug": council.slug})),
    ]
