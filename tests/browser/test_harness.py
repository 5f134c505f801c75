"""The accessibility check itself can fail: axe finds a known violation on a deliberately broken page."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from tests.browser.conftest import axe_violations


def test_axe_reports_a_missing_label_and_missing_alt_text(context: BrowserContext) -> None:
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>'
    )
    found = " ".join(axe_violations(page))
    assert "image-alt" in found
    assert "label" in found
