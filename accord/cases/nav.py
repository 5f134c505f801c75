"""The navigation, built from the capabilities installed: each registers what it offers a person.

A capability registers a function `(actor, council) -> [(label, url), ...]` from its `AppConfig.ready`; the
site's navigation lists every registered capability's links, in the order the apps are installed.
"""

from __future__ import annotations

from collections.abc import Callable

from accord.core.access import Actor
from accord.councils.models import Council

NavLinks = Callable[[Actor, Council], list[tuple[str, str]]]
_NAV: dict[str, NavLinks] = {}


def nav_register(capability: str, links: NavLinks) -> None:
    """Install a capability's navigation (once; registering again replaces it)."""
    _NAV[capability] = links


def nav_links_for(actor: Actor, council: Council | None) -> list[tuple[str, str]]:
    """Every installed capability's links for this person, as (label, url) pairs; none outside a council."""
    if council is None or actor.council_id is None:
        return []
    return [link for links in _NAV.values() for link in links(actor, council)]
