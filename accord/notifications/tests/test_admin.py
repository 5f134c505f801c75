"""The outbox in the admin: scoped to the user's council, read-only, with a retry action."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from accord.accounts.models import User
from accord.notifications.admin import OutboxMessageAdmin
from accord.notifications.models import OutboxMessage

from .factories import OutboxMessageFactory


def _request(user: User | None) -> Any:
    request: Any = RequestFactory().get("/admin/notifications/outboxmessage/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


@pytest.fixture
def model_admin() -> OutboxMessageAdmin:
    return OutboxMessageAdmin(OutboxMessage, admin.site)


@pytest.mark.django_db
def test_democratic_services_see_only_their_councils_messages(
    roles: Any, model_admin: OutboxMessageAdmin
) -> None:
    ours = OutboxMessageFactory.create(council=roles.council)
    OutboxMessageFactory.create(council=roles.other_council)
    OutboxMessageFactory.create(council=None)
    dem = roles.user("democratic_services")
    dem.is_staff = True
    dem.save()

    request = _request(dem)
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_change_permission(request)
    assert list(model_admin.get_queryset(request)) == [ours]


@pytest.mark.django_db
def test_superuser_sees_every_message_and_a_member_sees_none(
    roles: Any, model_admin: OutboxMessageAdmin
) -> None:
    OutboxMessageFactory.create(council=roles.council)
    OutboxMessageFactory.create(council=roles.other_council)
    root = User.objects.create_superuser("root", "root@example.org", "x")
    assert model_admin.get_queryset(_request(root)).count() == 2

    member = roles.user("member")
    member.is_staff = True
    member.save()
    assert not model_admin.has_view_permission(_request(member))
    assert model_admin.get_queryset(_request(member)).count() == 0


@pytest.mark.django_db
def test_retry_now_sends_failed_messages_again(roles: Any, model_admin: OutboxMessageAdmin) -> None:
    failed = OutboxMessageFactory.create(
        council=roles.council, status=OutboxMessage.Status.FAILED, attempts=10
    )
    sent = OutboxMessageFactory.create(council=roles.council, status=OutboxMessage.Status.SENT)
    root = User.objects.create_superuser("root", "root@example.org", "x")
    request = _request(root)

    model_admin.retry_now(request, model_admin.get_queryset(request))

    failed.refresh_from_db()
    sent.refresh_from_db()
    assert (failed.status, failed.attempts) == (OutboxMessage.Status.PENDING, 0)
    assert sent.status == OutboxMessage.Status.SENT
