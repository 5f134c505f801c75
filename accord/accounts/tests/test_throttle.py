"""Guessing passwords: an account and an address are locked out after a few failures, the right password
included, and the admin's sign-in is the same page; every failure is kept for the security log."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.models import SignInFailure
from accord.councils.tests.factories import UserFactory
from conftest import Roles

from .conftest import PASSWORD

SIGN_IN = "web:sign-in"
LOCKED = "Too many failed attempts to sign in to this account or from this address"
# More than 30 sign-in requests a minute from one address get the "Too many attempts" page at once.
BUSY = "Too many attempts"


def _sign_in(client: Client, username: str, password: str, **extra: str) -> str:
    response = client.post(reverse(SIGN_IN), {"username": username, "password": password}, **extra)
    return response.content.decode()


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_a_hundred_wrong_passwords_then_the_right_one_does_not_sign_a_member_in(
    roles: Roles,
) -> None:
    member = roles.user("member")
    member.set_password(PASSWORD)
    member.save()
    client = Client()
    for attempt in range(100):
        _sign_in(client, "member", f"guess-{attempt}")
    page = _sign_in(client, "member", PASSWORD)
    assert not _signed_in(client)
    assert BUSY in page
    # Five were checked and wrong, the next 25 refused unchecked; after 30 in a minute the address is
    # turned away before the form is read.
    failures = SignInFailure.objects.filter(path=SignInFailure.Path.SITE, username="member")
    assert failures.filter(reason="wrong username or password").count() == 5
    assert failures.exclude(reason="wrong username or password").count() == 25
    assert set(failures.values_list("ip_address", flat=True)) == {"127.0.0.1"}


@pytest.mark.django_db
def test_the_lock_is_per_account_from_any_address(roles: Roles) -> None:
    member = roles.user("member")
    member.set_password(PASSWORD)
    member.save()
    for attempt in range(5):
        _sign_in(Client(), "member", f"guess-{attempt}", REMOTE_ADDR=f"10.0.0.{attempt + 1}")
    client = Client()
    assert LOCKED in _sign_in(client, "member", PASSWORD, REMOTE_ADDR="192.0.2.7")
    assert not _signed_in(client)


@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_locked_out(roles: Roles) -> None:
    officer = roles.user("officer")
    officer.set_password(PASSWORD)
    officer.save()
    for attempt in range(20):
        _sign_in(Client(), f"someone-{attempt}", "guess")
    client = Client()
    assert LOCKED in _sign_in(client, "officer", PASSWORD)
    assert not _signed_in(client)
    # Another address is not held back by the first one's guesses.
    other = Client()
    _sign_in(other, "officer", PASSWORD, REMOTE_ADDR="192.0.2.9")
    assert _signed_in(other)


@pytest.mark.django_db
def test_the_right_password_still_works_after_a_few_mistakes(roles: Roles) -> None:
    member = roles.user("member")
    member.set_password(PASSWORD)
    member.save()
    client = Client()
    for attempt in range(4):
        _sign_in(client, "member", f"guess-{attempt}")
    _sign_in(client, "member", PASSWORD)
    assert _signed_in(client)


@pytest.mark.django_db
def test_the_admin_sign_in_is_the_sites_and_is_locked_the_same_way() -> None:
    UserFactory(username="admin", is_staff=True, is_superuser=True, password=PASSWORD)
    client = Client()
    # The admin's own form does not check passwords: it sends the browser to the site's sign-in.
    response = client.post(
        reverse("admin:login"), {"username": "admin", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(SIGN_IN))
    assert not _signed_in(client)
    for attempt in range(100):
        _sign_in(client, "admin", f"guess-{attempt}")
    assert BUSY in _sign_in(client, "admin", PASSWORD)
    # Within the per-address request limit, the account's own lock holds.
    assert LOCKED in _sign_in(Client(), "admin", PASSWORD, REMOTE_ADDR="192.0.2.44")
    assert not _signed_in(client)
    assert client.get("/admin/").status_code == 302
