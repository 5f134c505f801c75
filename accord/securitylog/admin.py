"""The security log in the admin: read-only, one council's entries (platform administrators see all)."""

from __future__ import annotations

from django.contrib import admin

from accord.councils.admin import ReadOnlyScopedAdmin
from accord.securitylog.models import SecurityLogEntry


@admin.register(SecurityLogEntry)
class SecurityLogEntryAdmin(ReadOnlyScopedAdmin):
    list_display = ("at", "kind", "username", "description", "ip", "council")
    list_filter = ("kind", "council")
    search_fields = ("username", "description", "ip")
    date_hierarchy = "at"
