"""The areas page's map (D 5.3, N 21): an accessible SVG with the same information as a list, the place
form usable by keyboard, a refused place an accessible error on its field; axe-clean and reflowing at
320 px in each state."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from accord.councils.tests.places_support import with_boundaries
from conftest import make_roles
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems


def test_the_map_marks_a_place_and_names_a_bad_one(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    with_boundaries(roles.council)
    page = sign_in(roles.user("member"))
    problems = PageProblems(page)
    page.goto(f"{live_server.url}/councils/{roles.council.slug}/areas/")  # type: ignore[attr-defined]
    svg = page.locator("svg.accord-area-map")
    assert svg.get_attribute("role") == "img"
    assert page.locator("#area-map-desc").text_content() == "0 of 2 wards marked."
    assert axe_violations(page) == [] and reflow_problems(page) == []

    # By keyboard alone: the latitude field, then the longitude, then the button.
    page.get_by_label("Latitude").focus()
    page.keyboard.type("52.63")
    page.keyboard.press("Tab")
    page.keyboard.type("1.29")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Find the wards"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "This place affects 2 wards" in page.locator(".govuk-panel").text_content()  # type: ignore[operator]
    assert page.locator("#area-map-desc").text_content() == "2 of 2 wards marked: Abbey, Castle."
    assert page.locator("svg.accord-area-map path[stroke-width='3']").count() == 2
    assert axe_violations(page) == [] and reflow_problems(page) == []

    page.get_by_label("Latitude").fill("52.7")
    page.get_by_label("Longitude").fill("1.4")
    with page.expect_navigation():
        page.get_by_role("button", name="Find the wards").click()
    summary = page.locator(".govuk-error-summary")
    assert "outside every ward" in summary.text_content()  # type: ignore[operator]
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_latitude"
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == [] and reflow_problems(page) == []
    # The refused place is answered 400, which the browser logs; nothing else may be.
    assert [e for e in problems.errors if "status of 400" not in e] == []
