"""Democratic services' new pages, logging an enquiry and the e-mails held for them, at full width and at 320
CSS pixels: 0 axe violations, no console error, no sideways scrolling (WCAG 1.4.10 reflow)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.core import clock
from accord.enquiries.intake.models import IncomingMail
from accord.enquiries.tests.conftest import make_scene
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems


@pytest.mark.cites("D 6.3")
def test_logging_an_enquiry_and_the_held_emails_pass_axe_and_reflow(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    scene = make_scene("norfolk")
    held = IncomingMail.objects.create(
        council=scene.council,
        message_id="<held@x>",
        sender="resident@example.net",
        subject="Potholes on the High Street near the primary school entrance",
        text="There are three deep potholes.\nPlease fix them before someone is hurt.",
        received_at=clock.now(),
        size=100,
        state=IncomingMail.State.HELD,
        reason="The sender's address is not the address of one of the council's Members.",
        created=clock.now(),
    )
    page = sign_in(scene.users["dem"])
    problems = PageProblems(page)
    base = live_server.url  # type: ignore[attr-defined]
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("/enquiries/new/", "/enquiries/mail/", f"/enquiries/mail/{held.pk}/"):
            response = page.goto(f"{base}{path}")
            assert response is not None and response.status == 200, path
            assert axe_violations(page) == [], path
            assert reflow_problems(page) == [], path
    page.goto(f"{base}/enquiries/new/")
    assert page.get_by_role("group", name="How did the Member make the enquiry?").is_visible()
    assert problems.errors == []
