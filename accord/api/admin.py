from __future__ import annotations

from django.contrib import admin

from accord.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made with `accord api-token create`; the admin shows only the prefix, never the secret."""

    list_display = ("name", "user", "prefix", "created", "last_used", "revoked")
    list_filter = ("revoked",)
    search_fields = ("name", "user__username", "prefix")
    fields = ("user", "name", "prefix", "created", "last_used", "revoked")
    readonly_fields = ("user", "name", "prefix", "created", "last_used")

    def has_add_permission(self, request: object) -> bool:
        return False
