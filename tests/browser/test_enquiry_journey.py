"""Keyboard alone: a Member raises an enquiry and an officer of the service takes it and answers it (D 6.3)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.enquiries.models import Enquiry
from accord.enquiries.tests.factories import CategoryFactory
from conftest import make_roles
from tests.browser.conftest import axe_violations
from tests.browser.test_keyboard import tab_to


def press_on(page: Page, selector: str) -> None:
    tab_to(page, selector, limit=120)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state()


@pytest.mark.cites("D 6.3")
def test_member_raises_and_officer_answers_by_keyboard(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    service = roles.user("officer").officer.service  # type: ignore[union-attr]
    CategoryFactory(council=roles.council, name="Bins", service=service)
    base = str(live_server.url)  # type: ignore[attr-defined]

    page = sign_in(roles.user("member"))
    page.goto(f"{base}/enquiries/new/")
    assert axe_violations(page) == []
    tab_to(page, "input[name=subject]", limit=80)
    page.keyboard.type("Missed bins on Abbey Road")
    tab_to(page, "textarea[name=details]")
    page.keyboard.type("Three houses were missed on Monday.")
    tab_to(page, "select[name=category]")
    page.keyboard.press("ArrowDown")  # the first category after "Select a category"
    tab_to(page, "input[name=capacity]")
    page.keyboard.press("Space")
    press_on(page, "button[type=submit].govuk-button:not(.accord-link-button)")
    assert "Missed bins on Abbey Road" in page.inner_text("h1")
    assert "How it was worked out" in page.inner_text("main")
    assert axe_violations(page) == []
    enquiry = Enquiry.objects.get()
    page.close()

    page = sign_in(roles.user("officer"))
    page.goto(f"{base}/enquiries/queue/service/")
    assert axe_violations(page) == []
    press_on(page, f"a[href='/enquiries/{enquiry.pk}/']")
    press_on(page, "form[action$='/claim/'] button")
    assert "Assigned" in page.inner_text("main")
    tab_to(page, "textarea[name='answer-text']", limit=120)
    page.keyboard.type("Collected this morning; the crew has been briefed.")
    press_on(page, "form[action$='/answer/'] button")
    assert "Answered" in page.inner_text("main")
    assert axe_violations(page) == []
    enquiry.refresh_from_db()
    assert enquiry.state == Enquiry.State.ANSWERED
    assert enquiry.answer == "Collected this morning; the crew has been briefed."
