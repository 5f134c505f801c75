from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def accord(request: HttpRequest) -> dict[str, Any]:
    """The service name, and the signed-in person's council and the pages of every installed capability
    they can use, for the navigation (`accord.cases.nav`)."""
    from accord.cases.nav import nav_links_for
    from accord.core.access import actor_for

    user = getattr(request, "user", None)
    nav_council = None
    nav_links: list[tuple[str, str]] = []
    if user is not None and user.is_authenticated:
        nav_council = user.council
        nav_links = nav_links_for(actor_for(user), user.council)
    return {"service_name": "Accord", "nav_council": nav_council, "nav_links": nav_links}
