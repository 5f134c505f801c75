"""Keyboard alone: the skip link comes first and a person can sign in with Tab, typing and Enter."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from conftest import make_roles


def tab_to(page: Page, selector: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_sign_in_by_keyboard_alone(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    make_roles()
    page = sign_in(None)
    page.goto(f"{live_server.url}/sign-in/")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('govuk-skip-link')")
    tab_to(page, "input[name=username]")
    page.keyboard.type("member")
    tab_to(page, "input[name=password]")
    page.keyboard.type("correct-horse-battery")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/") == str(live_server.url).rstrip("/")  # type: ignore[attr-defined]
    assert "Alex Member" in page.inner_text("main")
