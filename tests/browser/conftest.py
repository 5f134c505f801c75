"""The browser harness: Debian's Chromium driven by Playwright against a live server, with axe-core.

Where Chromium is absent the browser tests skip with a message saying how to install it; under CI
(`CI=true`) they fail instead, because `.ci/run` installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

CHROMIUM = os.environ.get("ACCORD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# WCAG 2.2 A and AA, and everything before it.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium is not installed at {CHROMIUM}: run `make browser` (apt-get install chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def sign_in(context: BrowserContext, live_server: object) -> Callable[[object | None], Page]:
    """A page whose browser is signed in as `user` (None: anonymous), sharing a real session cookie."""

    def _sign_in(user: object | None) -> Page:
        if user is not None:
            client = Client()
            client.force_login(user)  # type: ignore[arg-type]
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": cookie.key, "value": cookie.value, "url": str(live_server.url)}]  # type: ignore[attr-defined]
            )
        return context.new_page()

    return _sign_in


class PageProblems:
    """Console errors (a CSP refusal shows here) collected while a page loads."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page for WCAG 2.2 A/AA; one line per violation, with the offending nodes."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


@pytest.fixture
def user_model() -> type:
    return get_user_model()


# Reflow (WCAG 1.4.10): 320 CSS px is 1280 px at 400% zoom; 640 CSS px is 1280 px at 200% zoom.
REFLOW_WIDTHS = (320, 640)
_OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > width) found.push(`the page is ${root.scrollWidth}px wide`);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  for (const region of document.querySelectorAll('.accord-table-scroll')) {
    const labelled = region.getAttribute('aria-labelledby') || region.getAttribute('aria-label');
    if (region.tabIndex < 0 || !labelled || region.getAttribute('role') !== 'region') {
      found.push(`${name(region)} scrolls but is not a focusable, labelled region`);
    }
  }
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    if (wide.some((outer) => outer.contains(el))) continue;
    if (el.closest('.accord-table-scroll') && !el.classList.contains('accord-table-scroll')) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
    if (box.right > width + 1 || box.left < -1) wide.push(el);
  }
  for (const el of wide.slice(0, 5)) {
    const box = el.getBoundingClientRect();
    found.push(`${name(el)} spans ${Math.round(box.left)}px to ${Math.round(box.right)}px`);
  }
  return found;
}"""


def reflow_problems(page: Page) -> list[str]:
    """What scrolls sideways at each of `REFLOW_WIDTHS` (WCAG 1.4.10), one line per problem.

    A data table may scroll inside its own focusable, labelled region (`.accord-table-scroll`), which
    1.4.10 allows; anything else wider than the viewport, or the page itself, is a problem. The page is
    left at the width it had.
    """
    before = page.viewport_size
    lines = []
    for width in sorted(REFLOW_WIDTHS, reverse=True):
        page.set_viewport_size({"width": width, "height": 800})
        lines += [f"at {width}px: {problem}" for problem in page.evaluate(_OVERFLOW_JS)]
    if before is not None:
        page.set_viewport_size(before)
    return lines
