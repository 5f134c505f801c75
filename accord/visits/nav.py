"""The visits and appointments pages a person can use, for the navigation (`accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council
from accord.visits.access import sees_every_visit


def visit_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """Visits for a Member and for those who see every visit; appointments for Members and officers."""
    links = []
    if actor.member is not None or sees_every_visit(actor):
        links.append(("Visits", reverse("visits:mine")))
    if actor.member is not None or actor.officer is not None:
        links.append(("Appointments", reverse("visits:appointments")))
    return links
