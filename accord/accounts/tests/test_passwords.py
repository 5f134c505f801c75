"""Members and officers change their own password, and reset a forgotten one by e-mail: the link goes
through the outbox and a real SMTP conversation (aiosmtpd on 127.0.0.1), and signs in with the new one."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accord.notifications.models import OutboxMessage
from accord.notifications.tests.conftest import SmtpServer, smtp_server
from conftest import Roles

from .conftest import PASSWORD

__all__ = ["smtp_server"]
NEW_PASSWORD = "a-new-long-passphrase-for-accord"


def _signs_in(username: str, password: str) -> bool:
    client = Client()
    client.post(reverse("web:sign-in"), {"username": username, "password": password})
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_a_member_changes_their_own_password(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("member"))
    wrong = client.post(
        reverse("account_change_password"),
        {"oldpassword": "not-it", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert "Enter your correct current password" in wrong.content.decode()
    short = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "short", "password2": "short"},
    )
    assert "This password is too short" in short.content.decode()
    done = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    # Still signed in on this browser; the old password no longer works.
    assert client.get(reverse("web:home")).status_code == 200
    assert _signs_in("member", NEW_PASSWORD)
    assert not _signs_in("member", PASSWORD)


@pytest.mark.django_db(transaction=True)
def test_a_forgotten_password_is_reset_through_an_emailed_link(
    roles: Roles, smtp_server: SmtpServer
) -> None:
    officer = roles.user("officer")
    officer.email = "olu.officer@testshire.gov.uk"
    officer.save()
    client = Client()
    asked = client.post(
        reverse("account_reset_password"), {"email": "Olu.Officer@testshire.gov.uk"}
    )
    assert asked.status_code == 302
    queued = OutboxMessage.objects.get()
    assert queued.recipient == "olu.officer@testshire.gov.uk"
    assert queued.council == roles.council

    call_command("worker", "--once")

    assert len(smtp_server.messages) == 1
    mail = smtp_server.messages[0]
    assert mail.rcpt_tos == ["olu.officer@testshire.gov.uk"]
    assert mail.subject == "Accord: Reset your password"
    link = re.search(r"http://testserver(/account/password/reset/key/\S+/)", mail.body)
    assert link is not None, mail.body
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    action = form.redirect_chain[-1][0]
    done = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert _signs_in("officer", NEW_PASSWORD)
    assert not _signs_in("officer", PASSWORD)
    # The link works once.
    assert "This link has expired" in Client().get(link.group(1), follow=True).content.decode()


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(roles: Roles) -> None:
    response = Client().post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert not OutboxMessage.objects.exists()
