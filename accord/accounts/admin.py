from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import CouncilSignIn, SignInFailure, User


def user_has_history(user: User) -> bool:
    """Whether any record keeps the user (every relation to a user that the record protects: the actor of
    a case's history, who raised or uploaded): their name stays in the record, so they are deactivated,
    not deleted (the database refuses the deletion too). Asked of the relations, so no capability is named."""
    for relation in User._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and relation.is_relation):
            continue
        related = relation.related_model
        if getattr(relation, "on_delete", None) is not models.PROTECT or isinstance(related, str):
            continue
        if related._default_manager.filter(**{relation.field.name: user}).exists():  # type: ignore[union-attr]
            return True
    return False


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
