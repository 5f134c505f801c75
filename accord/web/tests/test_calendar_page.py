"""The calendar page pre-fills the council's own enquiry deadline, with the paragraph behind it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accord.councils.tests import factories as cf
from accord.enquiries.models import EnquirySettings

pytestmark = pytest.mark.django_db


def _prefilled(profile: str, setting: int | None = None) -> tuple[str, str]:
    council = cf.CouncilFactory(slug=f"{profile}-cal", profile=profile)
    if setting is not None:
        EnquirySettings.objects.create(council=council, response_working_days=setting)
    client = Client()
    client.force_login(cf.UserFactory(council=council, is_democratic_services=True))
    html = client.get(reverse("web:calendar", args=[council.slug])).content.decode()
    start = html.index('name="working_days"')
    tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
    return tag, html


@pytest.mark.cites("N 16")
def test_norfolk_pre_fills_its_councils_enquiry_deadline_not_five() -> None:
    tag, html = _prefilled("norfolk")
    assert 'value="10"' in tag
    assert "N 16" in html
    tag, _ = _prefilled("norfolk", setting=15)
    assert 'value="15"' in tag


@pytest.mark.cites("D 6.3")
def test_the_district_pre_fills_five_working_days() -> None:
    tag, html = _prefilled("district")
    assert 'value="5"' in tag
    assert "D 6.3" in html
