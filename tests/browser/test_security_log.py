"""The security log page with entries of every kind, including a long admin change: no axe violation, and
it reflows at 320 CSS pixels wide (WCAG 2.2 1.4.10) with no sideways scrolling."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from playwright.sync_api import Page

from accord.securitylog.services import Kind, security_log_record
from conftest import make_roles
from tests.browser.conftest import axe_violations


def test_the_log_passes_axe_and_reflows_at_320_pixels(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    for kind in Kind:
        security_log_record(
            kind=kind,
            description=f"{kind.label} for the Abbey ward's constituent casework review.",
            user=roles.user("member"),
            changes={"name": ["Abbey", "Abbey and Priory"]} if kind == Kind.ADMIN_CHANGE else {},
        )
    page = sign_in(roles.user("democratic_services"))
    page.set_viewport_size({"width": 320, "height": 640})
    url = reverse("securitylog:log", args=[roles.council.slug])
    page.goto(f"{live_server.url}{url}")  # type: ignore[attr-defined]
    assert page.get_by_text("Abbey and Priory").count() == 1
    assert axe_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 320px wide"
