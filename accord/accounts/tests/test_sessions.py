"""Sessions end after an idle period and an absolute lifetime (30 minutes and 12 hours unless the council
sets its own), and nothing a signed-in person sees is kept by a browser or proxy cache."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.models import CouncilSignIn
from accord.core import clock
from conftest import Roles

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=clock.LONDON)
HOME = "web:home"


def _at(client: Client, when: dt.datetime, url: str | None = None) -> int:
    with clock.frozen(when):
        return client.get(url or reverse(HOME)).status_code


def _signed_in(roles: Roles, role: str = "member") -> Client:
    client = Client()
    client.force_login(roles.user(role))
    assert _at(client, T0) == 200
    return client


@pytest.mark.django_db
def test_a_session_ends_after_thirty_idle_minutes(roles: Roles) -> None:
    client = _signed_in(roles)
    assert _at(client, T0 + dt.timedelta(minutes=29)) == 200
    assert _at(client, T0 + dt.timedelta(minutes=58)) == 200
    with clock.frozen(T0 + dt.timedelta(minutes=89)):
        ended = client.get(reverse(HOME))
    assert ended.status_code == 302
    assert ended["Location"].startswith(reverse("web:sign-in"))
    assert "_auth_user_id" not in client.session
    assert "Your session ended" in client.get(ended["Location"]).content.decode()


@pytest.mark.django_db
def test_a_busy_session_still_ends_after_twelve_hours(roles: Roles) -> None:
    client = _signed_in(roles)
    when = T0
    while when < T0 + dt.timedelta(hours=11, minutes=50):
        when += dt.timedelta(minutes=20)
        assert _at(client, when) == 200
    assert _at(client, T0 + dt.timedelta(hours=12, minutes=1)) == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_council_sets_its_own_limits(roles: Roles) -> None:
    CouncilSignIn.objects.create(
        council=roles.council, session_idle_minutes=5, session_absolute_hours=1
    )
    client = _signed_in(roles)
    assert _at(client, T0 + dt.timedelta(minutes=4)) == 200
    assert _at(client, T0 + dt.timedelta(minutes=10)) == 302
    # Another council's people keep the installation's defaults.
    other = _signed_in(roles, "other_council")
    assert _at(other, T0 + dt.timedelta(minutes=20)) == 200


@pytest.mark.django_db
def test_an_ended_session_is_a_401_from_the_api(roles: Roles) -> None:
    client = _signed_in(roles)
    assert _at(client, T0 + dt.timedelta(minutes=10), "/api/v1/councils") == 200
    assert _at(client, T0 + dt.timedelta(hours=1), "/api/v1/councils") == 401


@pytest.mark.django_db
def test_signed_in_pages_api_answers_csvs_and_attachments_are_not_stored(roles: Roles) -> None:
    from tests.routes import enquiry_attachment

    kwargs = enquiry_attachment(roles)
    client = Client()
    client.force_login(roles.user("democratic_services"))
    slug = roles.council.slug
    for url in (
        reverse(HOME),
        f"/councils/{slug}/",
        "/api/v1/councils",
        reverse("enquiries:export", kwargs={"slug": slug}),
        reverse("enquiries:report-csv", kwargs={"slug": slug}),
        reverse("enquiries:attachment", kwargs=kwargs),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store", url
    assert Client().get("/api/v1/councils")["Cache-Control"] == "no-store"
