"""The N 17 dispute pages at a council that has the procedure, with each step's form: 0 axe violations,
no console error, and no sideways scrolling at 320 CSS pixels (WCAG 1.4.10 reflow)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.core.access import actor_for
from accord.enquiries.services import information_dispute_dispute, information_dispute_open
from accord.enquiries.tests.conftest import make_scene
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems


@pytest.mark.cites("N 17")
@pytest.mark.parametrize(
    ("who", "button"),
    [("chief", "Record the decision"), ("member", None), ("dem", None)],
)
def test_a_dispute_with_the_head_of_paid_service_passes_axe_and_reflows(
    who: str,
    button: str | None,
    transactional_db: None,
    live_server: object,
    sign_in: Callable[[object | None], Page],
) -> None:
    scene = make_scene("norfolk")
    dispute = information_dispute_open(
        actor=actor_for(scene.users["chief"]),
        member=scene.member,
        document="The depot's lease",
        reason="Commercially confidential",
        enquiry=scene.submit(),
    )
    information_dispute_dispute(
        actor=scene.actor("member"), dispute=dispute, grounds="Needed for scrutiny"
    )
    page = sign_in(scene.users[who])
    problems = PageProblems(page)
    base = live_server.url  # type: ignore[attr-defined]
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for path in (f"/disputes/{dispute.pk}/", "/disputes/"):
            response = page.goto(f"{base}{path}")
            assert response is not None and response.status == 200
            assert "N 17" in page.inner_text("main")
            assert axe_violations(page) == [], path
            assert reflow_problems(page) == [], path
        if button:
            page.goto(f"{base}/disputes/{dispute.pk}/")
            assert page.get_by_role("button", name=button).is_visible()
    assert problems.errors == []
