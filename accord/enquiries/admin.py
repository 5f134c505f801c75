"""Admin for councils' enquiry set-up (categories, settings); cases are read-only here: writes go through services.

Every page is confined to the user's council (`ScopedAdmin`: another council's row is a 404), and no case
record can be deleted from here by anyone: the case, its history and its files are the council's record
(D 8.3; ADR 11). The database refuses the deletion as well (PROTECT, and on PostgreSQL a trigger).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from accord.councils.admin import ReadOnlyScopedAdmin, ScopedAdmin
from accord.enquiries.models import Category, Enquiry, EnquiryEvent, EnquirySettings


@admin.register(Category)
class CategoryAdmin(ScopedAdmin):
    list_display = ("name", "council", "service", "is_service_failure", "is_employment_matter")
    list_filter = ("council", "is_service_failure", "is_employment_matter")
    search_fields = ("name",)


@admin.register(EnquirySettings)
class EnquirySettingsAdmin(ScopedAdmin):
    list_display = (
        "council",
        "response_working_days",
        "reopen_working_days",
        "reminder_working_days",
        "retention_months",
    )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class EventInline(admin.TabularInline[EnquiryEvent, Enquiry]):
    model = EnquiryEvent
    extra = 0
    can_delete = False
    fields = ("at", "kind", "description", "actor")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Enquiry)
class EnquiryAdmin(ReadOnlyScopedAdmin):
    list_display = ("reference", "subject", "council", "state", "due_date", "assigned_to")
    list_filter = ("council", "state")
    search_fields = ("reference", "subject")
    inlines = [EventInline]
