"""API tokens in the admin: listed and revoked, never un-revoked, never deleted, one council's at a time."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from accord.api.models import ApiToken
from accord.api.services import api_token_revoke
from accord.councils.admin import ScopedAdmin
from accord.councils.admin_changes import admin_change_send


@admin.register(ApiToken)
class ApiTokenAdmin(ScopedAdmin):
    """Tokens are made with `accord api-token create`; the admin shows only the prefix, never the secret.

    Revocation is one-way: the only write here is the *Revoke* action (`api_token_revoke`); the `revoked`
    time is never a field anyone can clear, and on PostgreSQL the database refuses to clear it too."""

    council_path = "user__council"
    list_display = ("name", "user", "prefix", "created", "last_used", "revoked")
    list_filter = ("revoked",)
    search_fields = ("name", "user__username", "prefix")
    fields = ("user", "name", "prefix", "created", "last_used", "revoked")
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Revoke the selected tokens (this cannot be undone)")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = 0
        for token in queryset.filter(revoked__isnull=True):
            revoked = api_token_revoke(token=token)
            admin_change_send(request, revoked, "revoked", {"revoked": ["", str(revoked.revoked)]})
            count += 1
        self.message_user(request, f"{count} token(s) revoked.", messages.SUCCESS)
