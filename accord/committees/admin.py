"""The admin may read decision records and advice, never change or delete advice on record (N 9, D 4.4)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import DecisionRecord, Meeting, OfficerAdvice


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OfficerAdvice)
class OfficerAdviceAdmin(ReadOnly):
    list_display = ("decision", "version", "author", "submitted_at")


@admin.register(DecisionRecord)
class DecisionRecordAdmin(ReadOnly):
    list_display = ("matter", "council", "maker", "state")
    list_filter = ("council", "state")


@admin.register(Meeting)
class MeetingAdmin(ReadOnly):
    list_display = ("committee", "council", "starts_at", "state")
    list_filter = ("council", "state")
