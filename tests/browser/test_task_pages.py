"""The pages with work on them, full of data: home task lists, the service x month KPI table, a shared answer,
the categories, the print view and the lists of cases pass axe and reflow at 320 and 640 CSS pixels (WCAG 2.2
AA, 1.4.10); a list shows each case's State without scrolling, and the KPI chart's text keeps its size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from accord.core import clock
from accord.enquiries import services
from accord.enquiries.tests.conftest import at, make_scene
from tests.browser.conftest import PageProblems, axe_violations, reflow_problems

# The KPI chart's words and figures are text at a readable size on a narrow screen, not a scaled-down picture.
CHART_TEXT_JS = """() => [...document.querySelectorAll('.accord-chart__label, .accord-chart__value')]
  .map((el) => el.getBoundingClientRect().height)"""


def _state_off_screen(page: Page) -> list[str]:
    """A list of cases shows each case's State on screen at 320 px, without scrolling sideways."""
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('td[data-label="State"]')]
        .map((cell) => cell.getBoundingClientRect().right)"""
    )
    return [f"a State cell ends at {right}px" for right in boxes if right > 320]


@pytest.mark.cites("D 6.3", "D 6.5")
@pytest.mark.parametrize("who", ["officer", "member", "neighbour", "monitoring", "dem"])
def test_pages_with_work_pass_axe_and_reflow_at_320_pixels(
    who: str,
    transactional_db: None,
    live_server: object,
    sign_in: Callable[[object | None], Page],
) -> None:
    scene = make_scene()
    with clock.frozen(at(2026, 3, 2)):
        late = scene.submit(subject="Late one")
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=late.pk)
        shared = scene.submit(subject="About Brook", area=scene.other_ward)
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=shared.pk)
        shared.refresh_from_db()
        services.enquiry_answer(actor=scene.actor("officer"), enquiry=shared, answer="Done.")
        scene.submit(subject="Nobody has it")
        scene.submit(subject="About a member of staff", constituent_is_employee=True)
    slug = scene.council.slug
    urls = {
        "officer": [
            reverse("web:home"),
            reverse("enquiries:print", args=[late.pk]),
            reverse("enquiries:queue"),
        ],
        "member": [
            reverse("web:home"),
            reverse("enquiries:print", args=[late.pk]),
            reverse("enquiries:mine"),
        ],
        "neighbour": [
            reverse("web:home"),
            reverse("enquiries:shared"),
            reverse("enquiries:shared-detail", args=[shared.pk]),
        ],
        "monitoring": [reverse("web:home"), reverse("enquiries:monitoring-officer-queue")],
        "dem": [
            reverse("web:home"),
            reverse("enquiries:report", args=[slug]) + "?from_month=2026-01",
            reverse("enquiries:categories", args=[slug]),
            reverse("enquiries:settings", args=[slug]),
            reverse("enquiries:all", args=[slug]),
        ],
    }[who]
    page = sign_in(scene.users[who])
    page.set_viewport_size({"width": 320, "height": 800})
    failures: dict[str, list[str]] = {}
    for url in urls:
        problems = PageProblems(page)
        response = page.goto(f"{live_server.url}{url}")  # type: ignore[attr-defined]
        assert response is not None and response.status == 200, url
        found = axe_violations(page) + [f"console: {e}" for e in problems.errors]
        found += reflow_problems(page)
        found += [f"chart text {h}px high" for h in page.evaluate(CHART_TEXT_JS) if h < 16]
        found += _state_off_screen(page)
        if found:
            failures[url] = found
    assert not failures, failures


LONG_WORD = '=HYPERLINK("http://evil.example/' + "a" * 80 + '","x")'


@pytest.mark.parametrize("who", ["member", "officer"])
def test_a_subject_of_one_long_word_wraps_at_320_pixels(
    who: str,
    transactional_db: None,
    live_server: object,
    sign_in: Callable[[object | None], Page],
) -> None:
    scene = make_scene()
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit(subject=LONG_WORD)
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    page = sign_in(scene.users[who])
    page.set_viewport_size({"width": 320, "height": 800})
    for url in (reverse("enquiries:detail", args=[enquiry.pk]), reverse("web:home")):
        response = page.goto(f"{live_server.url}{url}")  # type: ignore[attr-defined]
        assert response is not None and response.status == 200, url
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
