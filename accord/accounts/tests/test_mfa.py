"""Multi-factor authentication: democratic services (and the other senior roles) are sent to enrol before
anything else, enrol with a real TOTP code, and are then asked for a code each time they sign in."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accord.accounts.models import SignInFailure
from conftest import Roles

from .conftest import PASSWORD


def _sign_in(client: Client, username: str) -> Any:
    return client.post(reverse("web:sign-in"), {"username": username, "password": PASSWORD})


@pytest.fixture
def mfa_required(settings: object) -> None:
    settings.ACCORD_MFA_REQUIRED = True  # type: ignore[attr-defined]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["democratic_services", "chief_officer", "monitoring_officer", "platform_admin"]
)
def test_senior_roles_are_sent_to_enrol_before_anything_else(
    roles: Roles, mfa_required: None, role: str
) -> None:
    from accord.councils.tests.factories import UserFactory

    user = (
        UserFactory(username="admin", is_staff=True, is_superuser=True)
        if role == "platform_admin"
        else roles.user(role)
    )
    client = Client()
    client.force_login(user)
    for url in (reverse("web:home"), f"/councils/{roles.council.slug}/", "/admin/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_index")
    api = client.get("/api/v1/councils")
    assert api.status_code == 403
    assert "multi-factor" in api.json()["detail"]
    assert client.get(reverse("mfa_index")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "officer"])
def test_members_and_officers_may_go_without(roles: Roles, mfa_required: None, role: str) -> None:
    client = Client()
    client.force_login(roles.user(role))
    assert client.get(reverse("web:home")).status_code == 200


@pytest.mark.django_db
def test_enrolment_and_the_challenge_with_a_real_totp_code(
    roles: Roles, mfa_required: None
) -> None:
    client = Client()
    _sign_in(client, "demservices")
    assert client.get(reverse("web:home"))["Location"] == reverse("mfa_index")

    # Setting up a factor asks for the password again.
    ask = client.get(reverse("mfa_activate_totp"))
    assert ask["Location"].startswith(reverse("account_reauthenticate"))
    client.post(ask["Location"], {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content.decode())
    if secret is None:
        secret = re.search(r'value="([A-Z2-7]{16,})"', page.content.decode())
    assert secret is not None
    totp = pyotp.TOTP(secret.group(1))
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200 and "There is a problem" in wrong.content.decode()
    done = client.post(reverse("mfa_activate_totp"), {"code": totp.now()})
    assert done.status_code == 302
    assert client.get(reverse("web:home")).status_code == 200

    client.post(reverse("web:sign-out"))
    # allauth refuses a code twice; the enrolment used this period's code.
    cache.clear()
    challenged = _sign_in(client, "demservices")
    assert challenged.status_code == 302
    assert challenged["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.post(reverse("mfa_authenticate"), {"code": "123456"}).status_code == 200
    assert "_auth_user_id" not in client.session
    wrong_codes = SignInFailure.objects.filter(path=SignInFailure.Path.MFA, username="demservices")
    assert wrong_codes.count() == 1
    client.post(reverse("mfa_authenticate"), {"code": totp.now()})
    assert client.session["_auth_user_id"] == str(roles.user("democratic_services").pk)
    assert client.get(reverse("web:home")).status_code == 200


@pytest.mark.django_db
def test_guessing_codes_locks_the_second_step(roles: Roles, mfa_required: None) -> None:
    from allauth.mfa.totp.internal.auth import TOTP

    user = roles.user("democratic_services")
    secret = pyotp.random_base32()
    TOTP.activate(user, secret)
    client = Client()
    assert _sign_in(client, "demservices")["Location"] == reverse("mfa_authenticate")
    for guess in ("111111", "222222", "333333", "444444", "555555"):
        client.post(reverse("mfa_authenticate"), {"code": guess})
    refused = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()})
    assert "_auth_user_id" not in client.session
    assert "Too many" in refused.content.decode()
