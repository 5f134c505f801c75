"""The correspondence pages a person can use, for the navigation (registered with `accord.cases.nav`)."""

from __future__ import annotations

from django.urls import reverse

from accord.core.access import Actor
from accord.councils.models import Council


def correspondence_nav_links(actor: Actor, council: Council) -> list[tuple[str, str]]:
    """One short link for everyone of the council, "Letters", to the correspondence page, which links to
    press enquiries, publicity, pre-election periods, support requests, the ICT User Agreement and
    information requests (`correspondence/_tabs.html`): the navigation stays one row at 1280 px."""
    return [("Letters", reverse("correspondence:list"))]
