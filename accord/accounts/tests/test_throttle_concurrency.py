"""Guesses sent at the same moment are counted together: the limit holds with the shared database cache
that production uses (PostgreSQL; SQLite serialises writers and is skipped here)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from accord.accounts.models import SignInFailure
from conftest import Roles

from .conftest import PASSWORD

GUESSERS = 12


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_guesses_check_no_more_passwords_than_the_limit(
    roles: Roles, settings: Any
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "accord_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    member = roles.user("member")
    member.set_password(PASSWORD)
    member.save()
    barrier = threading.Barrier(GUESSERS)

    def guess(number: int) -> None:
        try:
            barrier.wait()
            Client().post(
                reverse("web:sign-in"),
                {"username": "member", "password": f"guess-{number}"},
                REMOTE_ADDR=f"10.1.0.{number + 1}",
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(GUESSERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    checked = SignInFailure.objects.filter(reason="wrong username or password")
    assert checked.count() <= 5
    assert SignInFailure.objects.filter(username="member").count() == GUESSERS
    client = Client()
    client.post(reverse("web:sign-in"), {"username": "member", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
