"""The raise page's postcode: an unknown postcode is an accessible error on the field, and a known one
finds the ward (D 6.5 turns on the area)."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from accord.councils.models import AreaPostcode
from accord.councils.tests.factories import AreaFactory
from accord.enquiries.models import Enquiry
from accord.enquiries.tests.factories import CategoryFactory
from conftest import make_roles
from tests.browser.conftest import PageProblems, axe_violations


def test_member_raises_with_a_postcode_instead_of_a_ward(
    transactional_db: None, live_server: object, sign_in: Callable[[object | None], Page]
) -> None:
    roles = make_roles()
    service = roles.user("officer").officer.service  # type: ignore[union-attr]
    CategoryFactory(council=roles.council, name="Bins", service=service)
    brook = AreaFactory(council=roles.council, name="Brook")
    AreaPostcode.objects.create(council=roles.council, area=brook, postcode="AC2 1AB")

    page = sign_in(roles.user("member"))
    problems = PageProblems(page)
    page.goto(f"{live_server.url}/enquiries/new/")  # type: ignore[attr-defined]
    assert page.get_by_label("Postcode (optional)").get_attribute("aria-describedby") == (
        "id_postcode-hint"
    )
    page.get_by_label("Subject").fill("Missed bins on Brook Lane")
    page.get_by_label("Your enquiry").fill("Three houses were missed on Monday.")
    page.select_option("select[name=category]", label="Bins")
    page.check("input[name=capacity] >> nth=0")
    page.get_by_label("Postcode (optional)").fill("ac9 9zz")
    with page.expect_navigation():
        page.click("button[type=submit].govuk-button:not(.accord-link-button)")

    summary = page.inner_text(".govuk-error-summary")
    message = (
        "We could not find AC9 9ZZ in Testshire District Council's ward data: "
        "choose the ward instead"
    )
    assert message in summary
    assert page.title().startswith("Error:")
    assert "id_postcode-error" in (
        page.get_by_label("Postcode (optional)").get_attribute("aria-describedby") or ""
    )
    assert axe_violations(page) == []
    assert not Enquiry.objects.exists()

    page.get_by_label("Postcode (optional)").fill("ac2 1ab")
    with page.expect_navigation():
        page.click("button[type=submit].govuk-button:not(.accord-link-button)")
    assert "Missed bins on Brook Lane" in page.inner_text("h1")
    assert axe_violations(page) == []
    # The refused form is answered with a 400 on purpose; anything else (a CSP refusal) is a problem.
    assert [e for e in problems.errors if "status of 400" not in e] == []
    assert Enquiry.objects.get().area == brook
