"""The correspondence, press, publicity, pre-election, information-request and D 9 pages, as every role that
sees them, with a pre-election period in force: 0 axe violations, no console error, reflow at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.correspondence.tests import routes
from accord.correspondence.tests.factories import period_now
from conftest import ROLE_NAMES, make_roles
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems
from tests.test_routes_roles import url_for


@pytest.mark.parametrize("role", [r for r in ROLE_NAMES if r != "anonymous"])
def test_correspondence_pages_pass_axe_and_reflow(
    role: str, transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    member = roles.user("member")
    assert member is not None
    period_now(roles.council, [member.member] if member.member else [])
    page = sign_in(roles.user(role))
    failures: dict[str, list[str]] = {}
    for route in routes.WEB_ROUTES:
        if not (route.html and route.method == "get" and route.expect[role] == 200):
            continue
        problems = PageProblems(page)
        url = f"{live_server.url}{url_for(route, roles)}"  # type: ignore[attr-defined]
        response = page.goto(url)
        assert response is not None and response.status == 200, f"{role} {url}"
        found = axe_violations(page) + [f"console: {e}" for e in problems.errors]
        found += reflow_problems(page)
        if found:
            failures[url] = found
    assert not failures, "\n".join(f"{u}\n  " + "\n  ".join(lines) for u, lines in failures.items())
