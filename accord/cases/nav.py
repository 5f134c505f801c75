"""The navigation, built from the capabilities installed: each registers what it offers a person.

A capability registers a function `(actor, council) -> [(label, url), ...]` from its `AppConfig.ready`,
with the title it goes by (`nav_register("enquiries", links, title="Enquiries")`). The service navigation
keeps to one row however many capabilities are installed: one item a capability, its title leading to the
first page it offers the person. The home page lists every page of every capability under its title.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from accord.core.access import Actor
from accord.councils.models import Council

NavLinks = Callable[[Actor, Council], list[tuple[str, str]]]


@dataclass(frozen=True)
class _Registered:
    links: NavLinks
    title: str


@dataclass(frozen=True)
class NavSection:
    """One capability's pages for a person: its `title` and its (label, url) `links`, the first leading."""

    title: str
    links: list[tuple[str, str]]


_NAV: dict[str, _Registered] = {}


def nav_register(capability: str, links: NavLinks, *, title: str = "") -> None:
    """Install a capability's navigation (once; registering again replaces it). `title` names it in the
    service navigation (default: its first link's label)."""
    _NAV[capability] = _Registered(links, title)


def nav_sections_for(actor: Actor, council: Council | None) -> list[NavSection]:
    """Each installed capability that offers this person a page, in the order the apps are installed;
    none outside a council."""
    if council is None or actor.council_id is None:
        return []
    sections = []
    for registered in _NAV.values():
        links = registered.links(actor, council)
        if links:
            sections.append(NavSection(registered.title or links[0][0], links))
    return sections


def nav_links_for(actor: Actor, council: Council | None) -> list[tuple[str, str]]:
    """The service navigation's items after Home and Council: (title, url of the first page) a capability."""
    return [(s.title, s.links[0][1]) for s in nav_sections_for(actor, council)]
