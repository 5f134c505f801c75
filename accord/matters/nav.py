"""The navigation links local matters offers a person."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council
from accord.matters.access import records_matters


def matter_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """One link, "Matters": the council's list for its officers and democratic services, else a Member's
    own matters (their home page lists the open ones too)."""
    if records_matters(actor):
        return [("Matters", reverse("matters:list", args=[council.slug]))]
    if actor.member is not None:
        return [("Matters", reverse("matters:mine"))]
    return []
