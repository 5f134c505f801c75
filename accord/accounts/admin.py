from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from accord.enquiries.models import Attachment, Enquiry, EnquiryEvent

from .models import User


def user_has_history(user: User) -> bool:
    """Whether the user acted on any case: their name stays in the record, so they are deactivated, not
    deleted (the database refuses the deletion too)."""
    return (
        EnquiryEvent.objects.filter(actor=user).exists()
        or Enquiry.objects.filter(raised_by=user).exists()
        or Attachment.objects.filter(uploaded_by=user).exists()
    )


@admin.register(User)
class AccordUserAdmin(UserAdmin):
    list_display = ("username", "email", "council", "member", "officer", "is_democratic_services")
    list_filter = ("council", "is_democratic_services", "is_staff", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Council", {"fields": ("council", "member", "officer", "is_democratic_services")}),
    )
    raw_id_fields = ("member", "officer")
    actions = ["deactivate"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and user_has_history(obj):
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description="Deactivate the selected users (they can no longer sign in)")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = queryset.filter(is_active=True).update(is_active=False)
        self.message_user(request, f"{count} user(s) deactivated.", messages.SUCCESS)
