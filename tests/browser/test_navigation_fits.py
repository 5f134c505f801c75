"""The service navigation: one row at 1280 px for every role, and a menu toggle on a narrow screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from conftest import ROLE_NAMES, make_roles

SIGNED_IN = [r for r in ROLE_NAMES if r != "anonymous"]
ROWS_JS = """() => new Set([...document.querySelectorAll('.govuk-service-navigation__item')]
  .map((item) => Math.round(item.getBoundingClientRect().top))).size"""


@pytest.mark.parametrize("role", SIGNED_IN)
def test_the_navigation_is_one_row_at_1280px_and_a_menu_at_320px(
    role: str, transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    page = sign_in(roles.user(role))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/")  # type: ignore[attr-defined]
    assert page.evaluate(ROWS_JS) == 1, page.inner_text(".govuk-service-navigation__list")

    page.set_viewport_size({"width": 320, "height": 800})
    toggle = page.locator(".govuk-service-navigation__toggle")
    assert toggle.is_visible()
    assert not page.locator("#navigation").is_visible()
    toggle.click()
    assert page.locator("#navigation").is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
