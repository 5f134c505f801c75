"""The groups pages a person can use, for the navigation (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council


def group_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """One link for every Member and officer: their group meetings, offers and briefings."""
    if actor.member is None and actor.officer is None:
        return []
    return [("Groups and briefings", reverse("groups:home"))]
