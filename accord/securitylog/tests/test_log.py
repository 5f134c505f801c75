"""The security and access log: each kind of entry is written with who, when and where from; democratic
services and the Monitoring Officer read and export their own council's; nobody edits or deletes it."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from accord.api.services import api_token_create
from accord.councils.models import Area
from accord.councils.tests.factories import UserFactory
from accord.securitylog.models import SecurityLogEntry
from accord.securitylog.services import Kind, security_log_record
from conftest import Roles
from tests.routes import roles_enquiry

pytestmark = pytest.mark.django_db
AGENT = "Mozilla/5.0 (Test) Accord"


def browser(roles: Roles, role: str) -> Client:
    client = Client(HTTP_USER_AGENT=AGENT, REMOTE_ADDR="203.0.113.7")
    user = roles.user(role)
    if user is not None:
        client.force_login(user)
    return client


def only(kind: str) -> SecurityLogEntry:
    return SecurityLogEntry.objects.get(kind=kind)


def test_a_sign_in_and_a_failed_one_are_logged_with_where_from(roles: Roles) -> None:
    user = roles.user("officer")
    assert user is not None
    user.set_password("correct-horse-battery")
    user.save()
    client = Client(HTTP_USER_AGENT=AGENT, REMOTE_ADDR="203.0.113.7")
    client.post(reverse("web:sign-in"), {"username": "officer", "password": "hunter2-typo"})
    client.post(
        reverse("web:sign-in"), {"username": "officer", "password": "correct-horse-battery"}
    )
    failed, signed_in = only(Kind.SIGN_IN_FAILED), only(Kind.SIGN_IN)
    assert (failed.username, failed.user, failed.council_id) == ("officer", None, roles.council.pk)
    assert (signed_in.user, signed_in.ip, signed_in.user_agent) == (user, "203.0.113.7", AGENT)
    assert "hunter2" not in str(failed.data) + failed.description


def test_api_token_use_is_logged(roles: Roles) -> None:
    user = roles.user("member")
    assert user is not None
    _, plaintext = api_token_create(user=user, name="reporting")
    Client(REMOTE_ADDR="198.51.100.2").get(
        "/api/v1/councils", HTTP_AUTHORIZATION=f"Bearer {plaintext}"
    )
    entry = only(Kind.TOKEN_USED)
    assert (entry.user, entry.ip, entry.council_id) == (user, "198.51.100.2", roles.council.pk)
    assert entry.data["token"] == plaintext[:12]


def test_a_csv_export_and_an_attachment_download_are_logged(roles: Roles) -> None:
    enquiry = roles_enquiry(roles)
    client = browser(roles, "democratic_services")
    client.get(reverse("enquiries:export", args=[roles.council.slug]) + "?state=received")
    attachment = enquiry.attachments.get()
    client.get(reverse("enquiries:attachment", args=[enquiry.pk, attachment.pk]))
    export, download = only(Kind.EXPORT), only(Kind.DOWNLOAD)
    assert export.data == {"filters": "state=received", "with_personal_data": True}
    assert download.data == {"enquiry": enquiry.reference, "attachment": attachment.pk}
    assert {export.ip, download.ip} == {"203.0.113.7"}


def test_an_admin_change_keeps_the_old_and_new_values(roles: Roles) -> None:
    dem = roles.user("democratic_services")
    assert dem is not None
    dem.is_staff = True
    dem.save()
    dem.user_permissions.set(Permission.objects.filter(content_type__app_label="councils"))
    area = Area.objects.get(council=roles.council, name="Abbey")
    browser(roles, "democratic_services").post(
        reverse("admin:councils_area_change", args=[area.pk]),
        {"name": "Abbey and Priory", "code": area.code},
    )
    entry = only(Kind.ADMIN_CHANGE)
    assert entry.data["changes"] == {"name": ["Abbey", "Abbey and Priory"]}
    assert (entry.user, entry.council_id, entry.data["action"]) == (
        dem,
        roles.council.pk,
        "changed",
    )


def log_some(roles: Roles) -> None:
    for role in ("member", "officer", "other_council"):
        security_log_record(kind=Kind.SIGN_IN, description="Signed in.", user=roles.user(role))
    security_log_record(
        kind=Kind.SIGN_IN_FAILED,
        description="Sign-in failed.",
        user=None,
        username="=HYPERLINK(1)",
        council_id=roles.council.pk,
    )


@pytest.mark.parametrize("role", ["democratic_services", "monitoring_officer"])
def test_the_page_shows_the_councils_entries_only(roles: Roles, role: str) -> None:
    log_some(roles)
    page = browser(roles, role).get(reverse("securitylog:log", args=[roles.council.slug]))
    assert page.status_code == 200
    assert "officer" in page.text and "=HYPERLINK(1)" in page.text
    assert ">other<" not in page.text


def test_the_filters_and_their_errors(roles: Roles) -> None:
    log_some(roles)
    url = reverse("securitylog:log", args=[roles.council.slug])
    client = browser(roles, "democratic_services")
    page = client.get(url, {"kind": "sign-in-failed"})
    assert "=HYPERLINK(1)" in page.text and "Alex" not in page.text
    bad = client.get(url, {"date_from": "2026-02-31", "date_to": "2026-01-01", "kind": "x"})
    assert bad.status_code == 200
    assert "Enter a real date, like 2026-01-31" in bad.text
    assert "Select a valid choice" in bad.text


def test_the_page_is_paginated(roles: Roles) -> None:
    for _ in range(51):
        security_log_record(kind=Kind.SIGN_IN, description="Signed in.", user=roles.user("member"))
    url = reverse("securitylog:log", args=[roles.council.slug])
    client = browser(roles, "democratic_services")
    assert "Showing 1 to 50 of 5" in client.get(url).text  # 51 and the viewer's own sign-in
    assert "Showing 51 to 52 of 52" in client.get(url, {"page": 2}).text


def test_the_export_is_the_councils_neutralised_and_itself_logged(roles: Roles) -> None:
    log_some(roles)
    response = browser(roles, "monitoring_officer").get(
        reverse("securitylog:export", args=[roles.council.slug])
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "When (UTC)"
    users = {row[2] for row in rows[1:]}
    assert "'=HYPERLINK(1)" in users and "other" not in users
    assert SecurityLogEntry.objects.filter(kind=Kind.EXPORT, council=roles.council).count() == 1


def test_nobody_edits_or_deletes_an_entry_in_the_admin(roles: Roles) -> None:
    log_some(roles)
    entry = SecurityLogEntry.objects.filter(council=roles.council).first()
    assert entry is not None
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    change = reverse("admin:securitylog_securitylogentry_change", args=[entry.pk])
    client.post(change, {"description": "nothing happened"})
    delete = reverse("admin:securitylog_securitylogentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert SecurityLogEntry.objects.get(pk=entry.pk).description == entry.description


@pytest.mark.postgres
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE securitylog_securitylogentry SET description = 'x'",
        "DELETE FROM securitylog_securitylogentry",
    ],
)
def test_the_database_refuses_to_change_the_log(roles: Roles, statement: str) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    log_some(roles)
    with (
        pytest.raises(DatabaseError, match="the security log is append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert SecurityLogEntry.objects.count() == 4


def test_a_file_removed_under_retention_is_a_clear_404(roles: Roles) -> None:
    enquiry = roles_enquiry(roles)
    attachment = enquiry.attachments.get()
    attachment.file.delete(save=True)
    response = browser(roles, "member").get(
        reverse("enquiries:attachment", args=[enquiry.pk, attachment.pk])
    )
    assert response.status_code == 404
