"""API tokens: stored as a hash, shown once by `accord api-token create`."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accord.api.models import ApiToken
from accord.core.errors import AccordError
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
