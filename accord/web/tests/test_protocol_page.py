"""The protocol page: every paragraph of the council's profile, linkable, with its coverage and rules."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accord.protocol import load_profile
from accord.web.templatetags.accord_web import paragraph_anchor
from conftest import Roles


def page(roles: Roles, role: str, slug: str) -> str:
    client = Client()
    user = roles.users[role]
    assert user is not None
    client.force_login(user)
    response = client.get(reverse("web:protocol", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_anchor_ids_are_stable_and_linkable() -> None:
    assert paragraph_anchor("6.3") == "para-6-3"
    assert paragraph_anchor("19(e)") == "para-19-e"


def test_every_district_paragraph_has_an_anchor_and_label(roles: Roles) -> None:
    html = page(roles, "member", "testshire")
    profile = load_profile("district")
    assert profile.title in html
    for p in profile.paragraphs:
        assert f'id="{paragraph_anchor(p.id)}"' in html, p.label
        assert f">{p.label}</a>" in html, p.label


@pytest.mark.cites("D 6.3")
def test_d_6_3_shows_its_rule_and_state(roles: Roles) -> None:
    html = page(roles, "officer", "testshire")
    start = html.index('id="para-6-3"')
    block = html[start : html.index('class="accord-paragraph', start + 1)]
    assert "within five working days of receipt" in block
    assert "enquiry.response-deadline" in block
    assert ">Rule</strong>" in block


def test_norfolk_council_sees_its_own_protocol(roles: Roles) -> None:
    html = page(roles, "other_council", "otherton")
    profile = load_profile("norfolk")
    for p in profile.paragraphs:
        assert f'id="{paragraph_anchor(p.id)}"' in html, p.label
    assert 'id="para-19-e"' in html
    assert "Working Together for Local People" not in html
