"""The concern pages a person can use, for the navigation (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council


def concern_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """Members and officers raise concerns and see the ones the procedure sends them (D 11, N 3)."""
    if actor.member is None and actor.officer is None:
        return []
    return [("Concerns", reverse("concerns:list"))]
