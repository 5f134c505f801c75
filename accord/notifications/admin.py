"""Read-only outbox in the admin: democratic services see their council's messages, superusers all."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django_tasks_db.models import DBTaskResult

from accord.councils.admin import ScopedAdmin, platform_only

from .alerts import outbox_installation_faults
from .models import OutboxMessage
from .queue import outbox_retry
from .selectors import outbox_list_for_user


def _may_view(request: HttpRequest) -> bool:
    user: Any = request.user
    return bool(
        user.is_active
        and user.is_staff
        and (user.is_superuser or (user.is_democratic_services and user.council_id))
    )


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ScopedAdmin):
    """Another council's message is a 404 (`ScopedAdmin.get_object`); the list comes from the selector."""

    list_display = (
        "created_at",
        "recipient",
        "subject",
        "status",
        "attempts",
        "fault",
        "sent_at",
        "sender",
    )
    list_filter = ("status", "fault", "sender", "event_type")
    search_fields = ("recipient", "subject", "idempotency_key", "subject_id")
    date_hierarchy = "created_at"
    actions = ["retry_now"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[OutboxMessage]:
        return outbox_list_for_user(user=request.user).select_related("council")  # type: ignore[arg-type]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """Messages held by a fault of the installation are announced above the list until it is fixed."""
        for error, count in outbox_installation_faults(self.get_queryset(request)):
            self.message_user(
                request,
                f"{count} message(s) are held because Accord's mail settings were refused: {error}. "
                "Ask whoever runs Accord to correct the settings; the messages are retried "
                "automatically and none is lost.",
                messages.ERROR,
            )
        return super().changelist_view(request, extra_context)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_view(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_view(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Retry now (failed messages only)")
    def retry_now(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        failed = list(
            queryset.filter(status=OutboxMessage.Status.FAILED).values_list("id", flat=True)
        )
        count = outbox_retry(message_ids=failed)
        self.message_user(request, f"{count} message(s) will be sent again.", messages.SUCCESS)


platform_only(DBTaskResult)
