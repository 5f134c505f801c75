"""The admin for democratic services: each council's records, and only that council's.

A democratic services user (D 2.10, N 4-6: the council model every rule reads) sees, chooses and edits rows
of their own council only; another council's object is a 404, never a page that confirms it exists. A
platform administrator (superuser) sees every council. The scoping lives in one mixin used everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.contrib import admin
from django.db import models
from django.http import Http404, HttpRequest
from django.urls import URLPattern, path

from accord.accounts.models import User
from accord.core.errors import AccordError

from .admin_changes import admin_change_send, form_changes
from .calendars import council_calendar_changed
from .imports.admin_views import members_import_view
from .models import (
    Area,
    AreaPostcode,
    ClosureDay,
    Committee,
    Council,
    Member,
    Office,
    Officer,
    PoliticalGroup,
    Service,
    StatutoryRole,
)
from .postcodes import postcode_normalise


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def admin_council(request: HttpRequest) -> Council | None:
    """The council a non-superuser is confined to (None: they may see no council's rows)."""
    user = _user(request)
    if not user.is_authenticated or not user.is_democratic_services:
        return None
    return user.council


class SameCouncilForm(forms.ModelForm):
    """Refuses related objects of another council: a Member's group, an officer's line manager..."""

    def _form_council(self) -> Council | None:
        data = self.cleaned_data or {}
        if isinstance(data.get("council"), Council):
            return cast(Council, data["council"])
        if getattr(self.instance, "council_id", None):
            return cast(Council, self.instance.council)
        member = data.get("member")
        if isinstance(member, Member):
            return member.council
        return None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        council = self._form_council()
        if council is None:
            return data
        for name, value in list(data.items()):
            if name in ("council", "member") or value is None:
                continue
            values: Iterable[Any] = (
                value if isinstance(value, models.QuerySet | list | tuple) else [value]
            )
            for obj in values:
                if isinstance(obj, models.Model) and getattr(obj, "council_id", None) not in (
                    None,
                    council.pk,
                ):
                    self.add_error(name, f"{obj} belongs to another council, not {council}.")
                    break
        if isinstance(self.instance, Officer) and self.instance.pk:
            manager = data.get("line_manager")
            if manager is not None and manager.pk == self.instance.pk:
                self.add_error("line_manager", "An officer cannot be their own line manager.")
        return data


class CouncilScopedMixin:
    """Confines a ModelAdmin or inline to the signed-in user's council.

    `council_path` is the lookup from the model to its council ("council", "member__council", "pk").
    """

    council_path = "council"
    form: Any = SameCouncilForm

    def _scoped(self, request: HttpRequest) -> bool:
        return not _user(request).is_superuser

    def scoped_council(self, request: HttpRequest) -> Council | None:
        """The council a non-superuser's pages are confined to; None for a superuser (any council)."""
        return admin_council(request) if self._scoped(request) else None

    def get_queryset(self, request: HttpRequest) -> models.QuerySet[Any]:
        qs = super().get_queryset(request)  # type: ignore[misc]
        if not self._scoped(request):
            return qs
        council = admin_council(request)
        if council is None:
            return qs.none()
        return qs.filter(**{self.council_path: council.pk})

    def _allowed(self, request: HttpRequest) -> bool:
        return not self._scoped(request) or admin_council(request) is not None

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request) and super().has_module_permission(request)  # type: ignore[misc]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request) and super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._allowed(request) and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def _limit(
        self, request: HttpRequest, model: type[models.Model], kwargs: dict[str, Any]
    ) -> None:
        if not self._scoped(request):
            return
        council = admin_council(request)
        if model is Council:
            kwargs["queryset"] = Council.objects.filter(pk__in=[council.pk] if council else [])
        elif any(f.name == "council" for f in model._meta.get_fields()):
            kwargs["queryset"] = model._default_manager.filter(council=council)

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        self._limit(request, db_field.related_model, kwargs)  # type: ignore[arg-type]
        if db_field.name == "council" and self._scoped(request):
            council = admin_council(request)
            kwargs["initial"] = getattr(council, "pk", None)
            kwargs["widget"] = forms.HiddenInput
            kwargs["disabled"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(
        self, db_field: models.ManyToManyField[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        self._limit(request, db_field.related_model, kwargs)  # type: ignore[arg-type]
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]

    def get_list_filter(self, request: HttpRequest) -> Any:
        filters = super().get_list_filter(request)  # type: ignore[misc]
        if self._scoped(request):
            return [f for f in filters if f != "council"]
        return filters

    def get_list_display(self, request: HttpRequest) -> Any:
        columns = super().get_list_display(request)  # type: ignore[misc]
        if self._scoped(request):
            return [c for c in columns if c != "council"]
        return columns

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Any:
        """Not found, rather than the admin's redirect: another council's object stays invisible."""
        obj = super().get_object(request, object_id, from_field)  # type: ignore[misc]
        if obj is None:
            raise Http404("No such record.")
        return obj

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        admin_change_send(request, obj, "changed" if change else "added", form_changes(form))

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Each row an inline adds, changes or removes is announced with its old and new values."""
        deleted = [f.instance for f in getattr(formset, "deleted_forms", [])]
        changed = [
            (f, "changed" if f.instance.pk else "added")
            for f in formset.forms
            if f.has_changed() and f.instance not in deleted
        ]
        super().save_formset(request, form, formset, change)  # type: ignore[misc]
        for row_form, action in changed:
            admin_change_send(request, row_form.instance, action, form_changes(row_form))
        for obj in deleted:
            admin_change_send(request, obj, "deleted", {"record": [str(obj), ""]})

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        label = str(obj)
        super().delete_model(request, obj)  # type: ignore[misc]
        admin_change_send(request, obj, "deleted", {"record": [label, ""]})

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        doomed = list(queryset)
        super().delete_queryset(request, queryset)  # type: ignore[misc]
        for obj in doomed:
            admin_change_send(request, obj, "deleted", {"record": [str(obj), ""]})


class PlatformOnlyMixin:
    """A ModelAdmin of the platform's own set-up (permission groups, background tasks): platform
    administrators only, whatever permissions a council's staff hold."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _user(request).is_superuser and super().has_module_permission(request)  # type: ignore[misc]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _user(request).is_superuser and super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _user(request).is_superuser and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return _user(request).is_superuser and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _user(request).is_superuser and super().has_delete_permission(request, obj)  # type: ignore[misc]


def platform_only(model: type[models.Model]) -> None:
    """Re-register `model`'s admin (already registered by its app) as platform administrators' only."""
    current = type(admin.site._registry[model])
    admin.site.unregister(model)
    admin.site.register(
        model, type(f"PlatformOnly{current.__name__}", (PlatformOnlyMixin, current), {})
    )


class ScopedAdmin(CouncilScopedMixin, admin.ModelAdmin[Any]):
    pass


class ReadOnlyScopedAdmin(ScopedAdmin):
    """A record Accord writes itself (a case, the security log): read here, never added, changed or
    deleted, and no bulk actions."""

    actions = None

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ScopedTabularInline(CouncilScopedMixin, admin.TabularInline[Any, Any]):
    def get_queryset(self, request: HttpRequest) -> models.QuerySet[Any]:
        return admin.TabularInline.get_queryset(self, request)


class ClosureDayInline(ScopedTabularInline):
    model = ClosureDay
    extra = 0


class OfficeInline(ScopedTabularInline):
    model = Office
    extra = 0
    fields = ("kind", "portfolio", "committee")


@admin.register(Council)
class CouncilAdmin(ScopedAdmin):
    council_path = "pk"
    list_display = ("name", "slug", "profile", "area_noun", "nation")
    search_fields = ("name", "slug")
    list_filter = ("profile", "nation")
    inlines = (ClosureDayInline,)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return _user(request).is_superuser and super().has_add_permission(request, *args)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _user(request).is_superuser and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if self._scoped(request):
            return ("slug", "profile", "nation")
        return ()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Closure days added, changed or removed here re-date the council's open enquiries at once, in
        the same transaction, through each capability's registered handler (D 6.3)."""
        super().save_related(request, form, formsets, change)
        if not any(fs.model is ClosureDay and fs.has_changed() for fs in formsets):
            return
        from accord.core.access import actor_for

        moved = council_calendar_changed(actor=actor_for(_user(request)), council=form.instance)
        self.message_user(
            request,
            f"The closure days changed: {moved} open "
            f"{'enquiry was' if moved == 1 else 'enquiries were'} re-dated, with an event and an "
            "e-mail to the officer and the Member.",
        )


@admin.register(Area)
class AreaAdmin(ScopedAdmin):
    list_display = ("name", "code", "council")
    search_fields = ("name", "code")
    list_filter = ("council",)


class AreaPostcodeForm(SameCouncilForm):
    """Stores the postcode in its one form ("AC1 2AB"), so the lookup and the uniqueness check see it."""

    def clean_postcode(self) -> str:
        try:
            return postcode_normalise(self.cleaned_data.get("postcode") or "")
        except AccordError as exc:
            raise forms.ValidationError(exc.message) from exc


@admin.register(AreaPostcode)
class AreaPostcodeAdmin(ScopedAdmin):
    form = AreaPostcodeForm
    list_display = ("postcode", "area", "council")
    search_fields = ("postcode", "area__name")
    list_filter = (("area", admin.RelatedOnlyFieldListFilter), "council")
    list_select_related = ("area", "council")

    def get_search_results(
        self, request: HttpRequest, queryset: models.QuerySet[Any], search_term: str
    ) -> tuple[models.QuerySet[Any], bool]:
        """A postcode typed without its space or in lower case still finds it."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        try:
            postcode = postcode_normalise(search_term)
        except AccordError:
            return found, duplicates
        return found | queryset.filter(postcode=postcode), duplicates


@admin.register(PoliticalGroup)
class PoliticalGroupAdmin(ScopedAdmin):
    list_display = ("name", "status", "council")
    search_fields = ("name",)
    list_filter = ("status", "council")


@admin.register(Committee)
class CommitteeAdmin(ScopedAdmin):
    list_display = ("name", "kind", "council")
    search_fields = ("name",)
    list_filter = ("kind", "council")
    filter_horizontal = ("members",)


@admin.register(Member)
class MemberAdmin(ScopedAdmin):
    list_display = ("name", "group", "email", "is_active", "council")
    search_fields = ("name", "email", "external_id", "areas__name")
    list_filter = ("is_active", ("group", admin.RelatedOnlyFieldListFilter), "council")
    filter_horizontal = ("areas",)
    inlines = (OfficeInline,)
    change_list_template = "admin/councils/member/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(members_import_view(self))
        return [
            path("import/", view, name="councils_member_import"),
            *super().get_urls(),
        ]


@admin.register(Service)
class ServiceAdmin(ScopedAdmin):
    list_display = ("name", "kind", "directorate", "head", "council")
    search_fields = ("name",)
    list_filter = ("kind", "council")


@admin.register(Officer)
class OfficerAdmin(ScopedAdmin):
    list_display = ("name", "job_title", "grade", "service", "line_manager", "is_active", "council")
    search_fields = ("name", "email", "job_title")
    list_filter = ("grade", "is_active", ("service", admin.RelatedOnlyFieldListFilter), "council")


@admin.register(StatutoryRole)
class StatutoryRoleAdmin(ScopedAdmin):
    list_display = ("title", "role", "officer", "council")
    search_fields = ("title", "role", "officer__name")
    list_filter = ("council",)
