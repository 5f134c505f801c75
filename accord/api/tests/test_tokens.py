"""API tokens: stored as a hash, shown once by `accord api-token create`."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from accord.api.models import ApiToken
from accord.api.services import api_token_create, api_token_revoke
from accord.core.errors import AccordError
from accord.councils.tests.factories import UserFactory
from accord.securitylog.models import SecurityLogEntry
from conftest import Roles


def test_create_command_prints_the_token_once_and_stores_its_hash(roles: Roles) -> None:
    out, err = StringIO(), StringIO()
    call_command("api_token", "create", "member", "--name", "reporting", stdout=out, stderr=err)
    plaintext = out.getvalue().strip()
    token = ApiToken.objects.get(user__username="member")
    assert token.name == "reporting"
    assert token.token_hash == hashlib.sha256(plaintext.encode()).hexdigest()
    assert not ApiToken.objects.filter(token_hash=plaintext).exists()
    assert plaintext.startswith(token.prefix) and len(token.prefix) < len(plaintext)
    assert "will not be shown again" in err.getvalue()


def test_create_command_refuses_an_unknown_user(roles: Roles) -> None:
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("api_token", "create", "nobody", "--name", "x")


def test_revoke_command(roles: Roles) -> None:
    out = StringIO()
    call_command("api_token", "create", "member", "--name", "x", stdout=out, stderr=StringIO())
    token = ApiToken.objects.get()
    call_command("api_token", "revoke", token.prefix, stdout=StringIO())
    token.refresh_from_db()
    assert token.revoked is not None


def test_a_token_needs_a_name(roles: Roles) -> None:
    from accord.api.services import api_token_create

    with pytest.raises(AccordError):
        api_token_create(user=roles.users["member"], name="  ")  # type: ignore[arg-type]


def test_a_revoked_token_cannot_be_revived_in_the_admin(roles: Roles) -> None:
    """The admin's change form let a platform administrator clear `revoked`."""

    user = roles.user("member")
    assert user is not None
    token = api_token_revoke(token=api_token_create(user=user, name="old")[0])
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    root.user_permissions.set(Permission.objects.all())
    client = Client()
    client.force_login(root)
    url = reverse("admin:api_apitoken_change", args=[token.pk])
    client.post(url, {"revoked_0": "", "revoked_1": "", "name": "old"})
    assert ApiToken.objects.get(pk=token.pk).revoked == token.revoked
    assert 'name="revoked' not in client.get(url).text


def test_the_admin_revokes_and_logs_it(roles: Roles) -> None:

    user = roles.user("member")
    assert user is not None
    token = api_token_create(user=user, name="reporting")[0]
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    client.post(
        reverse("admin:api_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert ApiToken.objects.get(pk=token.pk).revoked is not None
    entry = SecurityLogEntry.objects.get(kind="admin-change")
    assert entry.council_id == roles.council.pk
    assert entry.data["action"] == "revoked"


@pytest.mark.postgres
def test_the_database_refuses_to_clear_a_revocation(roles: Roles) -> None:

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    user = roles.user("member")
    assert user is not None
    token = api_token_revoke(token=api_token_create(user=user, name="old")[0])
    for statement in ("UPDATE api_apitoken SET revoked = NULL", "DELETE FROM api_apitoken"):
        with (
            pytest.raises(DatabaseError, match="revocation is one-way"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert token.revoked is not None
