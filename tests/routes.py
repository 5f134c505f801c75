"""Every route of the site and the API, with what each role must get from it.

The route x role test tries each entry as every role, and fails for any URL pattern or API operation
that has no entry here: a new route is covered the day it is added. The browser test runs axe on
every HTML page a role gets a 200 from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conftest import ROLE_NAMES, Roles

Kwargs = Callable[[Roles], dict[str, Any]]


def no_kwargs(roles: Roles) -> dict[str, Any]:
    return {}


def council_slug(roles: Roles) -> dict[str, Any]:
    return {"slug": roles.council.slug}


COUNCIL_ROLES = tuple(r for r in ROLE_NAMES if r not in ("anonymous", "other_council"))


def outcomes(default: int, **by_role: int) -> dict[str, int]:
    """Expected status per role: `default` for every role not named."""
    return {role: by_role.get(role, default) for role in ROLE_NAMES}


# A page of one council: sign in first; the council's people see it; another council's user gets a 404.
COUNCIL_PAGE = outcomes(200, anonymous=302, other_council=404)
# A page every signed-in user sees about themselves.
SIGNED_IN_PAGE = outcomes(200, anonymous=302)
# An API read of one council: 401 without credentials, 404 for another council.
COUNCIL_API = outcomes(200, anonymous=401, other_council=404)
SIGNED_IN_API = outcomes(200, anonymous=401)


@dataclass(frozen=True)
class Route:
    """A URL name (web) or an API path template (starting with /api/), tried with one method."""

    target: str
    expect: dict[str, int]
    kwargs: Kwargs = no_kwargs
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    query: str = ""
    html: bool = True  # an HTML page: the browser test checks it with axe

    @property
    def is_api(self) -> bool:
        return self.target.startswith("/api/")


WEB_ROUTES: list[Route] = [
    Route("web:home", SIGNED_IN_PAGE),
    Route("web:sign-in", outcomes(200)),
]

API_ROUTES: list[Route] = []

# URL names whose patterns are covered elsewhere, with the reason.
NOT_HTML = {"api": "the API operations are listed one by one in API_ROUTES"}
