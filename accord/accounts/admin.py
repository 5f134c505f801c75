from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import QuerySet
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.http import HttpRequest

from accord.councils.admin import CouncilScopedMixin, PlatformOnlyMixin, platform_only
from accord.councils.admin_changes import admin_change_send

from .models import CouncilSignIn, SignInFailure, User

# What only a platform administrator may give: democratic services manage their council's people, not
# the platform's privileges.
PLATFORM_FIELDS = ("is_staff", "is_superuser", "groups", "user_permissions", "council")


def user_has_history(user: User) -> bool:
    """Whether any record keeps the user (every relation to a user that the record protects: the actor of
    a case's history, who raised or uploaded): their name stays in the record, so they are deactivated,
    not deleted (the database refuses the deletion too). Asked of the relations, so no capability is named."""
    for relation in User._meta.get_fields(include_hidden=True):  # hidden: `related_name="+"` too
        if not isinstance(relation, ForeignObjectRel) or relation.on_delete is not models.PROTECT:
            continue
        related = relation.related_model
        if isinstance(related, str):
            continue
        if related._default_manager.filter(**{relation.field.name: user}).exists():
            return True
    return False


@admin.register(User)
class AccordUserAdmin(CouncilScopedMixin, UserAdmin):
    """Users of the signed-in user's council only (a platform administrator sees all)."""

    form = UserChangeForm
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

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = tuple(super().get_readonly_fields(request, obj))
        return (*readonly, *PLATFORM_FIELDS) if self._scoped(request) else readonly

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        """A user added by democratic services belongs to their council."""
        council = self.scoped_council(request)
        if council is not None and not change:
            obj.council = council
        super().save_model(request, obj, form, change)

    @admin.action(description="Deactivate the selected users (they can no longer sign in)")
    def deactivate(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        active = list(queryset.filter(is_active=True))
        count = queryset.filter(pk__in=[u.pk for u in active]).update(is_active=False)
        for user in active:
            admin_change_send(request, user, "deactivated", {"is_active": ["True", "False"]})
        self.message_user(request, f"{count} user(s) deactivated.", messages.SUCCESS)


@admin.register(CouncilSignIn)
class CouncilSignInAdmin(CouncilScopedMixin, admin.ModelAdmin):
    """A council's sessions and single sign-on: its own democratic services only (a superuser sees all)."""

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
class SignInFailureAdmin(PlatformOnlyMixin, admin.ModelAdmin):
    """Read only, for platform administrators (a failure may name no council): evidence, never edited or
    deleted here. A council reads its own in the security and access log."""

    list_display = ("at", "path", "username", "ip_address", "reason")
    list_filter = ("path",)
    search_fields = ("username", "ip_address")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


platform_only(Group)


def allauth_admin_unregister() -> None:
    """allauth's own admin pages (e-mail addresses, authenticators, social apps, accounts and tokens) are not
    offered: a council configures single sign-on as a `CouncilSignIn`, and a person's factors are theirs to
    manage; a lost authenticator is replaced with a recovery code (docs/operations.md)."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken

    for model in (EmailAddress, Authenticator, SocialAccount, SocialApp, SocialToken):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
