"""The correspondence pages a person can use, for the navigation (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.correspondence.access import handles_information_requests
from accord.councils.models import Council


def correspondence_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """Correspondence, press enquiries and publicity for everyone of the council (D 8, D 10); information
    requests for democratic services and the Monitoring Officer (D 8.3); support requests and the ICT User
    Agreement (D 9)."""
    links = [("Correspondence", reverse("correspondence:list"))]
    if actor.member is not None or actor.is_democratic_services:
        links.append(("Support requests", reverse("correspondence:support")))
    if actor.is_democratic_services:
        links.append(("ICT agreement", reverse("correspondence:ict-agreement")))
    if handles_information_requests(actor):
        links.append(("Information requests", reverse("correspondence:information-list")))
    return links
