"""Local matters' pages as every role that sees them, and the pages in the states a person meets: a
record form with its errors, a public meeting and a Norfolk consultation with their actions, a Member's home
page listing a new matter. 0 axe violations, no console error, reflow at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.matters.tests.routes import WEB_ROUTES, roles_matter
from conftest import ROLE_NAMES, make_roles
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems
from tests.test_routes_roles import url_for


def _check(page: Page, url: str) -> list[str]:
    problems = PageProblems(page)
    response = page.goto(url)
    assert response is not None and response.status in (200, 400), url
    return axe_violations(page) + [f"console: {e}" for e in problems.errors] + reflow_problems(page)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_matters_pages_pass_axe_as_every_role(
    role: str, transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    page = sign_in(roles.user(role))
    base = live_server.url  # type: ignore[attr-defined]
    urls = [
        f"{base}{url_for(r, roles)}"
        for r in WEB_ROUTES
        if r.html and r.method == "get" and r.expect[role] == 200
    ]
    if role in ("officer", "member", "democratic_services"):
        meeting = roles_matter(roles, "public-meeting")
        urls.append(f"{base}/matters/{meeting.pk}/")
        urls.append(f"{base}/")
    failures = {url: found for url in urls if (found := _check(page, url))}
    assert not failures, "\n".join(f"{u}\n  " + "\n  ".join(f) for u, f in failures.items())


def test_the_record_form_with_its_errors_passes_axe(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    page = sign_in(roles.user("officer"))
    page.goto(f"{live_server.url}/councils/{roles.council.slug}/matters/new/")  # type: ignore[attr-defined]
    page.fill("#id_title", "Parking review")
    page.fill("#id_summary", "Early thoughts.")
    page.select_option("#id_kind", "policy")
    page.select_option("#id_service", label="Waste and Recycling")
    page.select_option("#id_responsible_officer", index=1)
    page.fill("#id_starts_on", "2030-01-31")
    page.fill("#id_postcode", "ZZ9 9ZZ")
    page.get_by_role("button", name="Record and inform the Members").click()
    assert "There is a problem" in page.content()
    found = axe_violations(page) + reflow_problems(page)
    assert not found, found
    # The refusal is shown against the field it is about, and the summary links to it.
    assert "has no postcode ZZ9 9ZZ" in page.inner_text("#id_postcode-error")
    page.get_by_role("link", name="has no postcode", exact=False).first.click()
