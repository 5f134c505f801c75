"""Every HTML page built so far, as every role that can see it: 0 axe violations of WCAG 2.2 A/AA, no
console error (a Content Security Policy refusal would show as one), and nothing scrolls sideways at 320
and 640 CSS px (WCAG 1.4.10 reflow: 1280 px at 400% and at 200% zoom)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from conftest import ROLE_NAMES, make_roles
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems
from tests.routes import WEB_ROUTES
from tests.test_routes_roles import url_for


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_page_a_role_sees_passes_axe_and_reflows(
    role: str, transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    page = sign_in(roles.user(role))
    pages = [r for r in WEB_ROUTES if r.html and r.method == "get" and r.expect[role] == 200]
    assert pages, f"no page for {role}"
    failures: dict[str, list[str]] = {}
    for route in pages:
        problems = PageProblems(page)
        url = f"{live_server.url}{url_for(route, roles)}"  # type: ignore[attr-defined]
        response = page.goto(url)
        assert response is not None and response.status == 200, (
            f"{role} {url}: {response and response.status}"
        )
        found = axe_violations(page) + [f"console: {e}" for e in problems.errors]
        found += reflow_problems(page)
        if found:
            failures[url] = found
    assert not failures, "\n".join(
        f"{url}\n  " + "\n  ".join(lines) for url, lines in failures.items()
    )
