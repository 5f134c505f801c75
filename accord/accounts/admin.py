from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from .models import CouncilSignIn, SignInFailure, User


@admin.register(User)
class AccordUserAdmin(UserAdmin):
    list_display = ("username", "email", "council", "member", "officer", "is_democratic_services")
    list_filter = ("council", "is_democratic_services", "is_staff", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Council", {"fields": ("council", "member", "officer", "is_democratic_services")}),
    )
    raw_id_fields = ("member", "officer")


@admin.register(CouncilSignIn)
class CouncilSignInAdmin(admin.ModelAdmin):
    list_display = ("council", "session_idle_minutes", "session_absolute_hours", "oidc_name")
    fieldsets = (
        ("Sessions", {"fields": ("council", "session_idle_minutes", "session_absolute_hours")}),
        (
            "Single sign-on (OpenID Connect)",
            {
                "fields": (
                    "oidc_name",
                    "oidc_issuer",
                    "oidc_client_id",
                    "oidc_secret_env",
                    "oidc_email_trusted",
                )
            },
        ),
    )


@admin.register(SignInFailure)
class SignInFailureAdmin(admin.ModelAdmin):
    """Read only: a failure is evidence and is never edited or deleted here."""

    list_display = ("at", "path", "username", "ip_address", "reason")
    list_filter = ("path",)
    search_fields = ("username", "ip_address")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
