"""The working-day calendar page (D 6.3): due dates with their working, and the year's non-working days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from conftest import Roles

URL = reverse("web:calendar", args=["testshire"])


def member_client(roles: Roles) -> Client:
    client = Client()
    user = roles.users["member"]
    assert user is not None
    client.force_login(user)
    return client


@pytest.mark.cites("D 6.3")
def test_due_date_over_christmas_for_a_district_council(roles: Roles) -> None:
    query = {
        "received_day": "19",
        "received_month": "12",
        "received_year": "2025",
        "received_time": "10:00",
        "working_days": "5",
    }
    html = member_client(roles).get(URL, query).content.decode()
    assert "Due by the end of Tuesday 30 December 2025" in html
    assert "Christmas Day" in html
    assert "Boxing Day" in html
    assert 'href="/councils/testshire/protocol/#para-6-3">D 6.3</a>' in html


@pytest.mark.cites("D 6.3")
def test_a_closure_day_is_not_counted(roles: Roles) -> None:
    roles.council.closure_days.create(date=dt.date(2025, 12, 29), reason="Office closed")
    query = {
        "received_day": "19",
        "received_month": "12",
        "received_year": "2025",
        "working_days": "5",
    }
    html = member_client(roles).get(URL, query).content.decode()
    assert "Due by the end of Wednesday 31 December 2025" in html
    assert "Office closed" in html


def test_an_impossible_date_is_an_error(roles: Roles) -> None:
    query = {"received_day": "31", "received_month": "2", "received_year": "2025"}
    html = member_client(roles).get(URL, {**query, "working_days": "5"}).content.decode()
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_received_day">Enter a real date</a>' in html
    assert "Due by the end of" not in html


def test_lists_bank_holidays_of_this_and_next_year(roles: Roles) -> None:
    with clock.frozen(dt.datetime(2025, 6, 1, 12, tzinfo=clock.LONDON)):
        html = member_client(roles).get(URL).content.decode()
    assert "Thursday 25 December 2025" in html
    assert "Friday 25 December 2026" in html
    assert "2027" not in html
