"""Bearer tokens as a way in: a bad one is a 401 whatever the method, guessing is throttled per address
before any token is looked up, and each failure is kept for the security log."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from accord.accounts.models import SignInFailure
from accord.api.services import TOKEN_PREFIX, api_token_create, api_token_revoke
from conftest import Roles

BASE = "/api/v1"
TOKEN_LIMIT = 20  # api_token_failed: 20/m/ip


@pytest.fixture(autouse=True)
def no_counted_attempts() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _bearer(value: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {value}"}


@pytest.mark.django_db
def test_a_post_with_a_bad_or_revoked_token_is_told_to_send_a_valid_token(roles: Roles) -> None:
    token, plaintext = api_token_create(user=roles.user("member"), name="old")
    api_token_revoke(token=token)
    client = Client(enforce_csrf_checks=True)
    for value in (plaintext, TOKEN_PREFIX + secrets.token_urlsafe(32), "nonsense"):
        response = client.post(
            f"{BASE}/enquiries", {}, content_type="application/json", **_bearer(value)
        )
        assert response.status_code == 401, value
        assert "send a valid token" in response.json()["detail"]


@pytest.mark.django_db
def test_a_signed_in_browser_post_without_a_token_still_needs_its_csrf_token(roles: Roles) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(roles.user("member"))
    response = client.post(f"{BASE}/enquiries", {}, content_type="application/json")
    assert response.status_code == 403


@pytest.mark.django_db
def test_random_tokens_are_throttled_per_address_before_any_lookup(
    roles: Roles, django_assert_num_queries: Any
) -> None:
    _, plaintext = api_token_create(user=roles.user("member"), name="reporting")
    client = Client()
    for _ in range(TOKEN_LIMIT):
        guess = TOKEN_PREFIX + secrets.token_urlsafe(32)
        assert client.get(f"{BASE}/councils", **_bearer(guess)).status_code == 401
    with django_assert_num_queries(0):
        refused = client.get(f"{BASE}/councils", **_bearer(plaintext))
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Too many failed sign-in attempts" in refused.json()["detail"]
    # Another address with the real token is not held back.
    other = Client(REMOTE_ADDR="192.0.2.8").get(f"{BASE}/councils", **_bearer(plaintext))
    assert other.status_code == 200
    failures = SignInFailure.objects.filter(path=SignInFailure.Path.API_TOKEN)
    assert failures.count() == TOKEN_LIMIT
    assert set(failures.values_list("ip_address", flat=True)) == {"127.0.0.1"}


@pytest.mark.django_db
def test_a_string_not_shaped_like_a_token_is_refused_without_a_lookup(
    roles: Roles, django_assert_num_queries: Any
) -> None:
    # One query: the failure is recorded; the token table is never read.
    with django_assert_num_queries(1):
        response = Client().get(f"{BASE}/councils", **_bearer("accord_" + "x" * 5000))
    assert response.status_code == 401
