"""Group meetings and briefings in the browser: every page as a Group Leader, a Member of another group
and the Chief Officer passes axe and reflows; a Group Leader's request reaches the officer's recorded
advice by keyboard alone (D 7.4, N 19)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from accord.core import clock
from accord.groups.models import Briefing, GroupMeeting, ParityOffer
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import make_scene
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems
from tests.browser.test_keyboard import tab_to


@pytest.mark.cites("D 7.4(b)(v)")
@pytest.mark.parametrize("who", ["red_leader", "blue_member", "chief"])
def test_groups_pages_pass_axe_and_reflow(
    who: str, transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    scene = make_scene("district", "axeton")
    meeting = scene.request()
    ms.meeting_approve(actor=scene.actor("chief"), meeting=meeting)
    ms.meeting_note_add(
        actor=scene.actor("red_member"), meeting=meeting, text="A note.", kind="note"
    )
    ms.meeting_advice_record(actor=scene.actor("chief"), meeting=meeting, advice="Facts.")
    briefing = bs.briefing_request(
        actor=scene.actor("red_leader"),
        officer=scene.people["chief"],
        subject="Budget",
        details="Gap?",
        confidential=True,
        decision_pending=True,
    )
    offer = ParityOffer.objects.get()
    paths = {
        "red_leader": [
            "/groups/",
            "/groups/meetings/new/",
            f"/groups/meetings/{meeting.pk}/",
            "/groups/briefings/new/",
            f"/groups/briefings/{briefing.pk}/",
        ],
        "blue_member": ["/groups/", "/groups/briefings/new/", f"/groups/offers/{offer.pk}/"],
        "chief": [
            "/groups/",
            f"/groups/meetings/{meeting.pk}/",
            f"/groups/briefings/{briefing.pk}/",
        ],
    }[who]
    page = sign_in(scene.users[who])
    failures = {}
    for path in paths:
        problems = PageProblems(page)
        response = page.goto(f"{live_server.url}{path}")  # type: ignore[attr-defined]
        assert response is not None and response.status == 200, path
        found = axe_violations(page) + [f"console: {e}" for e in problems.errors]
        found += reflow_problems(page)
        if found:
            failures[path] = found
    assert not failures, failures
    assert Briefing.objects.count() == 1


@pytest.mark.cites("D 7.4(a)", "D 7.4(b)(i)")
def test_a_group_leaders_request_reaches_the_recorded_advice_by_keyboard(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    scene = make_scene("district", "keyton")
    base = str(live_server.url)  # type: ignore[attr-defined]
    page = sign_in(scene.users["red_leader"])
    page.goto(f"{base}/groups/")
    tab_to(page, "a[href='/groups/meetings/new/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "input[name=meeting_date]")
    page.keyboard.type((clock.today() + dt.timedelta(days=5)).isoformat())
    tab_to(page, "input[name=place]")
    page.keyboard.type("Group Room")
    tab_to(page, "input[name=subject]")
    page.keyboard.type("Car parking charges")
    tab_to(page, "select[name=officer]")
    page.keyboard.type("Cara")
    tab_to(page, "select[name=chief_officer]")
    page.keyboard.type("Cara")
    tab_to(page, "button[type=submit].govuk-button:not(.govuk-button--secondary)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    meeting = GroupMeeting.objects.get()
    assert "Car parking charges" in page.inner_text("main")

    chief = sign_in(scene.users["chief"])
    chief.goto(f"{base}/groups/meetings/{meeting.pk}/")
    tab_to(chief, "form[action$='/approve/'] button")
    with chief.expect_navigation():
        chief.keyboard.press("Enter")
    tab_to(chief, "textarea[name=record-advice-text]", limit=60)
    chief.keyboard.type("Charges are set by the Cabinet in February.")
    tab_to(chief, "form[action$='/record-advice/'] button")
    with chief.expect_navigation():
        chief.keyboard.press("Enter")
    assert GroupMeeting.objects.get().state == GroupMeeting.State.ADVISED
    assert "Charges are set by the Cabinet in February." in chief.inner_text("main")
