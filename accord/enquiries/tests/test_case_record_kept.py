"""No case record is deletable by anyone: the models protect it, the admin offers no deletion and on
PostgreSQL the database refuses it; democratic services edit only their own council's set-up."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from accord.councils.tests import factories as cf
from accord.enquiries.models import Attachment, Category, Enquiry, EnquiryEvent

from .conftest import Scene

pytestmark = pytest.mark.django_db


def test_deleting_a_case_is_refused_and_keeps_its_history(scene: Scene) -> None:
    """It used to cascade: the case's whole history went with it."""
    enquiry = scene.submit()
    with pytest.raises(ProtectedError):
        enquiry.delete()
    assert EnquiryEvent.objects.filter(enquiry=enquiry).exists()


def test_deleting_a_council_with_cases_is_refused(scene: Scene) -> None:
    scene.submit()
    with pytest.raises(ProtectedError):
        scene.council.delete()


@pytest.mark.postgres
@pytest.mark.parametrize("table", ["enquiries_enquiry", "enquiries_attachment"])
def test_the_database_refuses_to_delete_a_case_record(scene: Scene, table: str) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    enquiry = scene.submit()
    Attachment.objects.create(
        enquiry=enquiry,
        file="enquiries/x.txt",
        name="x.txt",
        content_type="text/plain",
        size=1,
        uploaded_at=enquiry.received_at,
        uploaded_by=scene.users["member"],
    )
    with (
        pytest.raises(DatabaseError, match="the case record is kept"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"DELETE FROM {table}")
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()


def test_democratic_services_cannot_rename_another_councils_category(scene: Scene) -> None:
    """Democratic services of one council, given the permission, renamed another council's category."""
    other = cf.CouncilFactory(slug="elsewhere", name="Elsewhere Council")
    user = cf.UserFactory(
        username="dem-elsewhere", council=other, is_staff=True, is_democratic_services=True
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="enquiries"))
    client = Client()
    client.force_login(user)
    url = reverse("admin:enquiries_category_change", args=[scene.category.pk])
    response = client.post(url, {"name": "Renamed", "service": scene.category.service_id})
    assert response.status_code == 404
    assert Category.objects.get(pk=scene.category.pk).name == scene.category.name
    listed = client.get(reverse("admin:enquiries_category_changelist"))
    assert scene.category.name not in listed.text
