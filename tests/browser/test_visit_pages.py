"""The premises, visits and appointments pages (`accord/visits/tests/routes.py`) as every role that sees them,
and the permission-giver's page in each state (open, used, expired, answered with an error): 0 axe
violations, no console error, nothing scrolls sideways at 320 px; and the link answered by keyboard alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.visits.models import Visit
from accord.visits.tests.routes import WEB_ROUTES, link
from conftest import ROLE_NAMES, make_roles
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems
from tests.test_routes_roles import url_for


def _check(page: Page, url: str, status: int) -> list[str]:
    problems = PageProblems(page)
    response = page.goto(url)
    assert response is not None and response.status == status, (
        f"{url}: {response and response.status}"
    )
    # The browser reports the page's own status (410 Gone) as a console error: that one is expected.
    errors = [e for e in problems.errors if f"status of {status}" not in e]
    return axe_violations(page) + [f"console: {e}" for e in errors] + reflow_problems(page)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_visits_page_a_role_sees_passes_axe_and_reflows(
    role: str, transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    page = sign_in(roles.user(role))
    failures = {}
    for route in [r for r in WEB_ROUTES if r.html and r.method == "get" and r.expect[role] == 200]:
        url = f"{live_server.url}{url_for(route, roles)}"  # type: ignore[attr-defined]
        found = _check(page, url, 200)
        if found:
            failures[url] = found
    assert not failures, "\n".join(f"{u}\n  " + "\n  ".join(f) for u, f in failures.items())


def test_the_permission_link_in_each_state_passes_axe_and_is_answered_by_keyboard(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    page = sign_in(None)
    base = live_server.url  # type: ignore[attr-defined]
    failures = {}
    for state in ("used", "expired"):
        url = f"{base}/visits/permission/{link(state)(roles)['token']}/"
        failures[state] = _check(page, url, 410)
    token = link("open")(roles)["token"]
    failures["open"] = _check(page, f"{base}/visits/permission/{token}/", 200)
    # An answer left out: the error summary, then the answer given with the keyboard alone.
    with page.expect_navigation():
        page.get_by_role("button", name="Send your answer").click()
    failures["error"] = axe_violations(page)
    assert "There is a problem" in page.content()
    page.get_by_label("I agree to the visit").focus()
    page.keyboard.press("Space")
    page.get_by_label("Note to the Member (optional)").focus()
    page.keyboard.type("Welcome: sign in at reception.")
    page.get_by_role("button", name="Send your answer").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Your answer is sent")
    failures["done"] = axe_violations(page)
    assert Visit.objects.get(state="agreed", answer="Welcome: sign in at reception.")
    assert not any(failures.values()), failures
