"""Signing in and out, and the home page each role lands on."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from allauth.account.views import LoginView
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from accord.accounts.sso import council_sign_in_apps
from accord.cases.nav import nav_sections_for
from accord.core.access import council_list_for, is_monitoring_officer
from accord.councils import selectors
from accord.councils.models import Council
from accord.enquiries.home import home_tasks_for
from accord.matters.selectors import matter_home_list
from accord.web.views.common import request_actor

IMPORT_URL_NAMES = ("admin:councils_member_import",)


class SignInView(LoginView):
    """Username and password (throttled per account and per address, then a second factor where the
    person has one), or a council's own identity provider."""

    template_name = "web/sign_in.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        apps = council_sign_in_apps()
        names = dict(
            Council.objects.filter(slug__in=[a.provider_id for a in apps]).values_list(
                "slug", "name"
            )
        )
        context["providers"] = [
            {
                "council": names.get(app.provider_id, ""),
                "name": app.name,
                "url": reverse("openid_connect_login", kwargs={"provider_id": app.provider_id}),
                "origin": _origin(app.settings["server_url"]),
            }
            for app in apps
        ]
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        """The page's Content Security Policy lets its forms lead on to the councils' providers (a
        browser applies `form-action` to the redirect that follows the button)."""
        response = super().render_to_response(context, **kwargs)
        origins = sorted({provider["origin"] for provider in context.get("providers", [])})
        if origins:
            response._csp_update = {"form-action": origins}
        return response


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _import_url() -> str | None:
    for name in IMPORT_URL_NAMES:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """One home page, with a section for each role the person holds."""
    actor = request_actor(request)
    context: dict[str, Any] = {"actor": actor}
    council = actor.user.council if actor.user is not None else None
    if council is not None:
        context["home_council"] = council
        context["area_nouns"] = f"{council.area_noun}s"
    context["enquiry_tasks"] = home_tasks_for(actor, council)
    context["nav_sections"] = nav_sections_for(actor, council)
    context["matter_home"] = matter_home_list(actor)
    if actor.member is not None:
        context["member"] = actor.member
        context["member_areas"] = list(actor.member.areas.order_by("name"))
        context["member_offices"] = list(selectors.member_office_list(actor.member))
    if actor.officer is not None:
        context["officer"] = actor.officer
        context["statutory_roles"] = list(selectors.officer_statutory_role_list(actor.officer))
        context["is_monitoring_officer"] = is_monitoring_officer(actor)
    if actor.is_democratic_services and council is not None:
        context["counts"] = selectors.council_counts(council)
        context["import_url"] = _import_url()
    if actor.is_platform_admin:
        context["councils"] = council_list_for(actor)
    return render(request, "web/home.html", context)
