"""Pages tell people what went wrong and where: the error summary, field names in messages, page titles.

Through the Django client, from the outside: each test is a defect a person would notice (WCAG 3.3.1
error identification, 2.4.2 page titled, 1.4.1 use of colour), and the confirmations a case action gives.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.models import User
from accord.core import clock
from accord.councils.tests.factories import UserFactory
from accord.enquiries.tests.factories import (
    AssignedEnquiryFactory,
    CategoryFactory,
    EnquiryFactory,
)
from conftest import Roles

NOW = dt.datetime(2026, 3, 18, 10, 0, tzinfo=clock.LONDON)


def client_for(user: User | None) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)  # type: ignore[arg-type]
    return client


class _Page(HTMLParser):
    """The ids, the error summary's links and the h1s of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.summary_links: list[str] = []
        self.summary_module = False
        self.h1s = 0
        self._in_summary = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "h1":
            self.h1s += 1
        if tag == "div" and self._in_summary:
            self._in_summary += 1
        if "govuk-error-summary" in (a.get("class") or "").split():
            self._in_summary = 1
            self.summary_module = a.get("data-module") == "govuk-error-summary"
        if tag == "a" and self._in_summary:
            self.summary_links.append(str(a.get("href")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in_summary:
            self._in_summary -= 1


def assert_error_summary_leads_to_fields(html: str) -> list[str]:
    """The page has a GOV.UK error summary (with its module, so it takes focus) whose every link goes to
    an element on the page. Returns the links."""
    page = _Page(html)
    assert page.summary_module, "no error summary with data-module at the top"
    assert page.summary_links, "the error summary links to nothing"
    for href in page.summary_links:
        assert href.startswith("#") and href[1:] in page.ids, f"{href} leads nowhere on the page"
    return page.summary_links


def test_a_case_action_that_fails_validation_shows_the_error_summary(roles: Roles) -> None:
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    category = CategoryFactory(council=roles.council, service=officer.service)
    enquiry = AssignedEnquiryFactory(council=roles.council, category=category, assigned_to=officer)
    client = client_for(roles.user("officer"))
    response = client.post(
        reverse("enquiries:action", args=[enquiry.pk, "wait-for-member"]),
        {"wait-for-member-text": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert assert_error_summary_leads_to_fields(html) == ["#id_wait-for-member-text"]
    assert html.index("govuk-error-summary") < html.index("<h1")


@pytest.mark.cites("D 6.3")
def test_the_raise_forms_capacity_error_links_to_the_first_radio(roles: Roles) -> None:
    service = roles.user("officer").officer.service  # type: ignore[union-attr]
    category = CategoryFactory(council=roles.council, service=service)
    client = client_for(roles.user("member"))
    response = client.post(
        reverse("enquiries:raise"),
        {"subject": "Bins", "details": "Missed.", "category": category.pk, "urgency": "normal"},
    )
    links = assert_error_summary_leads_to_fields(response.content.decode())
    assert "#id_capacity_0" in links
    assert "#" not in links


@pytest.mark.cites("D 6.3")
def test_calendar_errors_name_the_field(roles: Roles) -> None:
    client = client_for(roles.user("member"))
    response = client.get(
        reverse("web:calendar", args=[roles.council.slug]),
        {
            "received_day": "x",
            "received_month": "3",
            "received_year": "2026",
            "working_days": "five",
        },
    )
    html = response.content.decode()
    assert "Enter a whole number" not in html
    assert "Enter the day the request was received as a whole number" in html
    assert "Enter the number of working days as a whole number" in html
    assert_error_summary_leads_to_fields(html)


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return found.group(1).strip()


def test_page_two_of_a_list_has_its_own_title_and_the_list_is_newest_first(roles: Roles) -> None:
    category = CategoryFactory(council=roles.council)
    for days in range(55):
        EnquiryFactory(
            council=roles.council,
            category=category,
            subject=f"Received {days} days ago",
            received_at=NOW - dt.timedelta(days=days),
            due_date=(NOW + dt.timedelta(days=7 - days)).date(),
        )
    client = client_for(roles.user("democratic_services"))
    url = reverse("enquiries:all", args=[roles.council.slug])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": "2"}).content.decode()
    assert _title(first).startswith("All enquiries (page 1 of 2)")
    assert _title(second).startswith("All enquiries (page 2 of 2)")
    assert first.index("Received 0 days ago") < first.index("Received 1 days ago")
    assert "Received 54 days ago" in second


def test_the_platform_administrators_list_leads_to_no_case_page_they_cannot_open(
    roles: Roles,
) -> None:
    EnquiryFactory(council=roles.council, category=CategoryFactory(council=roles.council))
    admin = UserFactory(username="platform", is_superuser=True, is_staff=True)
    client = client_for(admin)
    html = client.get(reverse("enquiries:all", args=[roles.council.slug])).content.decode()
    cases = re.findall(r'href="(/enquiries/\d+/)"', html)
    assert all(client.get(case).status_code == 200 for case in cases), cases
    assert "ENQ-2026-" in html  # the reference is still shown


def test_the_admin_import_page_has_one_h1_and_underlined_breadcrumbs(db: None) -> None:
    client = client_for(UserFactory(username="platform", is_superuser=True, is_staff=True))
    response = client.get(reverse("admin:councils_member_import"))
    assert response.status_code == 200
    assert _Page(response.content.decode()).h1s == 1
    assert "web/admin.css" in response.content.decode()
    failed = client.post(
        reverse("admin:councils_member_import"), {"dry_run": "on"}
    ).content.decode()
    page = _Page(failed)
    links = re.findall(r'<li><a href="#([^"]+)">', failed.split("accord-admin-error-summary")[1])
    assert links and all(link in page.ids for link in links), links


@pytest.mark.cites("D 6.2")
def test_a_case_actions_confirmation_reads_naturally(roles: Roles) -> None:
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    category = CategoryFactory(council=roles.council, service=officer.service)
    enquiry = EnquiryFactory(council=roles.council, category=category)
    client = client_for(roles.user("officer"))
    response = client.post(reverse("enquiries:action", args=[enquiry.pk, "claim"]), follow=True)
    html = response.content.decode()
    assert "You have taken this enquiry." in html
    assert "Done:" not in html


# Panels of forms drawn inside a page: the page that includes one shows the failed form's summary at its top
# (the case page, `enquiries/detail.html`; a local matter's page, `matters/detail.html`).
PANELS = {"cases/templates/cases/_actions.html", "matters/templates/matters/_actions.html"}


def test_every_page_with_a_form_that_can_fail_shows_the_error_summary() -> None:
    """A template that posts a form includes an error summary: the shared GOV.UK one, or on an Accord page of
    the Django admin the admin-styled one (the sign-out button in the layout cannot fail)."""
    root = Path(__file__).resolve().parent.parent / "accord"
    missing = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if 'method="post"' not in text or template.name in (
            "base.html",
            "accord_error_summary.html",
        ):
            continue
        # allauth's form element (accounts/templates/allauth/elements/form.html) draws the summary itself.
        shows_summary = "error_summary.html" in text or "{% element form form=" in text
        if not shows_summary and str(template.relative_to(root)) not in PANELS:
            missing.append(str(template.relative_to(root)))
    assert not missing, missing
