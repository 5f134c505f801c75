"""Every route x every role: the status each role gets is the one `tests/routes.py` expects.

Another council's object is a 404, never a 403 (the fetch-and-authorise rule); a route with no
expected outcome fails the suite.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accord.api.urls import api
from conftest import ROLE_NAMES, Roles
from tests.routes import API_ROUTES, WEB_ROUTES, Route

ADMIN_PREFIX = "admin/"


def _url_names(
    resolver: URLResolver | None = None, namespace: str = "", prefix: str = ""
) -> set[str]:
    """Every named URL pattern outside the admin and the API (which have their own checks)."""
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith((ADMIN_PREFIX, "api/v1/")):
            continue
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= _url_names(entry, ns, route)
        elif isinstance(entry, URLPattern):
            if entry.name is None:
                names.add(f"<unnamed {route}>")
            else:
                names.add(f"{namespace}{entry.name}")
    return names


def _api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(method, path) for path, ops in schema["paths"].items() for method in ops}


def test_every_url_pattern_has_an_expected_outcome() -> None:
    missing = _url_names() - {r.target for r in WEB_ROUTES}
    assert not missing, (
        f"routes with no expected outcome per role in tests/routes.py: {sorted(missing)}"
    )


def test_every_api_operation_has_an_expected_outcome() -> None:
    missing = _api_operations() - {(r.method, r.target) for r in API_ROUTES}
    assert not missing, (
        f"API operations with no expected outcome in tests/routes.py: {sorted(missing)}"
    )


def test_every_route_states_every_role() -> None:
    for route in [*WEB_ROUTES, *API_ROUTES]:
        assert set(route.expect) == set(ROLE_NAMES), route.target


def url_for(route: Route, roles: Roles) -> str:
    kwargs = route.kwargs(roles)
    if route.is_api:
        url = route.target.format(**kwargs)
    else:
        url = reverse(route.target, kwargs=kwargs or None)
    return url + (f"?{route.query}" if route.query else "")


def fetch(route: Route, roles: Roles, role: str) -> int:
    client = Client()
    user = roles.user(role)
    if user is not None:
        client.force_login(user)
    url = url_for(route, roles)
    if route.method == "get":
        response = client.get(url)
    else:
        response = (
            getattr(client, route.method)(url, route.data, content_type="application/json")
            if (route.is_api)
            else getattr(client, route.method)(url, route.data)
        )
    return response.status_code


@pytest.mark.parametrize(
    "route",
    [*WEB_ROUTES, *API_ROUTES],
    ids=lambda r: f"{r.method.upper()} {r.target}{'?' + r.query if r.query else ''}",
)
def test_route_as_every_role(route: Route, roles: Roles) -> None:
    got = {role: fetch(route, roles, role) for role in ROLE_NAMES}
    assert got == route.expect
