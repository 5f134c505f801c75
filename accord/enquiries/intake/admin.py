from __future__ import annotations

from django.contrib import admin

from accord.councils.admin import CouncilScopedMixin
from accord.enquiries.intake.models import EnquiryMailbox


@admin.register(EnquiryMailbox)
class EnquiryMailboxAdmin(CouncilScopedMixin, admin.ModelAdmin[EnquiryMailbox]):
    """The mailbox's password is never stored: `password_env` names the environment variable holding it."""

    list_display = (
        "council",
        "address",
        "host",
        "folder",
        "is_active",
        "last_fetched",
        "last_error",
    )
    readonly_fields = ("last_fetched", "last_error")
