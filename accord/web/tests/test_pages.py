"""The site's pages as each role sees them: sign-in, home, council pages and 404s for other councils."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.models import User
from conftest import Roles

COUNCIL_PAGES = ("web:council", "web:areas", "web:members", "web:officers", "web:calendar")
SIGNED_IN = ("member", "officer", "chief_officer", "monitoring_officer", "democratic_services")


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_sign_in_takes_a_member_home(roles: Roles) -> None:
    response = Client().post(
        reverse("web:sign-in"),
        {"username": "member", "password": "correct-horse-battery"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("web:home")
    assert "Alex Member" in response.content.decode()


def test_wrong_password_shows_the_error_summary(roles: Roles) -> None:
    response = Client().post(
        reverse("web:sign-in"), {"username": "member", "password": "wrong-password"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in html
    assert "Enter a correct username and password" in html
    assert "<title>Error: Sign in \N{EN DASH} Accord</title>" in html


def test_empty_sign_in_links_each_error_to_its_field(roles: Roles) -> None:
    html = Client().post(reverse("web:sign-in"), {}).content.decode()
    assert '<a href="#id_username">Enter your username</a>' in html
    assert '<a href="#id_password">Enter your password</a>' in html


def test_sign_out_is_post_only(roles: Roles) -> None:
    client = client_for(roles.user("member"))
    assert client.get(reverse("web:sign-out")).status_code == 405
    response = client.post(reverse("web:sign-out"))
    assert response.status_code == 302
    assert client.get(reverse("web:home")).status_code == 302


def test_anonymous_is_sent_to_sign_in(roles: Roles) -> None:
    slug = roles.council.slug
    for name in (*COUNCIL_PAGES, "web:protocol"):
        response = Client().get(reverse(name, args=[slug]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("web:sign-in"))
    assert Client().get(reverse("web:home"))["Location"].startswith(reverse("web:sign-in"))


def test_member_home_shows_ward_group_and_protocol_link(roles: Roles) -> None:
    html = client_for(roles.user("member")).get(reverse("web:home")).content.decode()
    assert "Testshire District Council" in html
    assert "Your wards" in html
    assert "Abbey" in html
    assert reverse("web:protocol", args=["testshire"]) in html


def test_officer_home_shows_service_line_manager_and_roles(roles: Roles) -> None:
    html = client_for(roles.user("officer")).get(reverse("web:home")).content.decode()
    assert "Waste and Recycling" in html
    assert "Chris Chief" in html
    html = client_for(roles.user("monitoring_officer")).get(reverse("web:home")).content.decode()
    assert "Monitoring Officer" in html


def test_democratic_services_home_shows_counts_and_admin(roles: Roles) -> None:
    html = client_for(roles.user("democratic_services")).get(reverse("web:home")).content.decode()
    assert "Democratic services" in html
    assert reverse("admin:index") in html
    assert reverse("admin:councils_member_import") in html
    assert "Democratic services" not in (
        client_for(roles.user("member")).get(reverse("web:home")).content.decode()
    )


def test_platform_admin_home_lists_every_council(roles: Roles) -> None:
    admin = User.objects.create_superuser("root", "root@example.org", "a-long-password")
    html = client_for(admin).get(reverse("web:home")).content.decode()
    assert "Testshire District Council" in html
    assert "Otherton County Council" in html


@pytest.mark.parametrize("role", SIGNED_IN)
@pytest.mark.parametrize("name", (*COUNCIL_PAGES, "web:protocol"))
def test_council_pages_render_for_each_role(roles: Roles, role: str, name: str) -> None:
    response = client_for(roles.user(role)).get(reverse(name, args=["testshire"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'href="#main-content"' in html
    assert "\N{EN DASH} Testshire District Council \N{EN DASH} Accord</title>" in html


@pytest.mark.parametrize("name", (*COUNCIL_PAGES, "web:protocol"))
def test_another_councils_pages_are_not_found(roles: Roles, name: str) -> None:
    response = client_for(roles.user("other_council")).get(reverse(name, args=["testshire"]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unknown_council_is_not_found(roles: Roles) -> None:
    response = client_for(roles.user("member")).get(reverse("web:council", args=["nowhere"]))
    assert response.status_code == 404


def test_areas_page_uses_the_councils_noun(roles: Roles) -> None:
    page = client_for(roles.user("member")).get(reverse("web:areas", args=["testshire"]))
    assert '<h1 class="govuk-heading-l">Wards</h1>' in page.content.decode()
    other = client_for(roles.user("other_council"))
    html = other.get(reverse("web:areas", args=["otherton"])).content.decode()
    assert "Divisions" in html
    assert "Olive Other" in html


def test_members_and_officers_pages_list_people(roles: Roles) -> None:
    client = client_for(roles.user("officer"))
    members = client.get(reverse("web:members", args=["testshire"])).content.decode()
    assert "Alex Member" in members
    assert "Olive Other" not in members
    officers = client.get(reverse("web:officers", args=["testshire"])).content.decode()
    assert "Morgan Monitoring" in officers
    assert "Head of Paid Service" in officers


def test_inline_script_carries_the_csp_nonce(roles: Roles) -> None:
    response = client_for(roles.user("member")).get(reverse("web:home"))
    html = response.content.decode()
    assert '<script nonce="' in html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert 'type="module"' in html
