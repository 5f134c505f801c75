"""The pages with work on them, full of data: home task lists, the service x month KPI table, a shared answer,
the categories and the print view pass axe and reflow at 320 CSS pixels (WCAG 2.2 AA, 1.4.10)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from accord.core import clock
from accord.enquiries import services
from accord.enquiries.tests.conftest import at, make_scene
from tests.browser.conftest import PageProblems, axe_violations


def _page_width(page: Page) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


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
        "officer": [reverse("web:home"), reverse("enquiries:print", args=[late.pk])],
        "member": [reverse("web:home"), reverse("enquiries:print", args=[late.pk])],
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
        if _page_width(page) > 320:
            found.append(f"the page is {_page_width(page)} pixels wide at 320")
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
        assert _page_width(page) <= 320, (url, _page_width(page))
