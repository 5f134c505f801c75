"""The administration site where Accord styles it: filter choices are 24 px targets (WCAG 2.5.8), breadcrumb
links are told apart by more than colour (WCAG 1.4.1), and the Members import page has one h1."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from accord.councils.tests import factories as f

HEIGHTS_JS = """() => [...document.querySelectorAll('#changelist-filter li a')]
  .map((a) => a.getBoundingClientRect().height)"""
UNDERLINED_JS = """() => [...document.querySelectorAll('div.breadcrumbs a')]
  .map((a) => getComputedStyle(a).textDecorationLine)"""


def test_admin_filters_are_24px_targets_and_breadcrumbs_are_underlined(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    f.CouncilFactory(slug="testshire")
    admin = f.UserFactory(username="platform", is_superuser=True, is_staff=True)
    page = sign_in(admin)
    base = live_server.url  # type: ignore[attr-defined]
    page.goto(f"{base}/admin/councils/council/")
    heights = page.evaluate(HEIGHTS_JS)
    assert heights and min(heights) >= 24, heights
    page.goto(f"{base}/admin/councils/member/import/")
    assert page.locator("h1").count() == 1
    decorations = page.evaluate(UNDERLINED_JS)
    assert decorations and all("underline" in d for d in decorations), decorations
