from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def accord(request: HttpRequest) -> dict[str, Any]:
    """The service name, and the signed-in person's council for the navigation."""
    user = getattr(request, "user", None)
    nav_council = None
    if user is not None and user.is_authenticated:
        nav_council = user.council
    return {"service_name": "Accord", "nav_council": nav_council}
