"""The navigation links local matters offers a person."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council
from accord.matters.access import records_matters


def matter_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    links = []
    if actor.member is not None:
        links.append(("Matters in your area", reverse("matters:mine")))
    if records_matters(actor):
        links.append(("Local matters", reverse("matters:list", args=[council.slug])))
    return links
