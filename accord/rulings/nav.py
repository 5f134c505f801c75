"""The pages of advice and rulings a person can use (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council


def ruling_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """Questions about the protocol (D 1.3, D 1.4) and the council's rulings (D 12)."""
    links = []
    if actor.member is not None or actor.officer is not None:
        links.append(("Questions", reverse("rulings:questions")))
    links.append(("Rulings", reverse("rulings:list")))
    return links
