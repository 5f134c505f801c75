"""Democratic services' pages for their council's enquiry categories and settings (never another council's)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accord.core.access import Actor, is_democratic_services, require
from accord.core.errors import AccordError
from accord.councils.models import Council
from accord.enquiries import rules
from accord.enquiries.category_forms import CategoryForm, EnquirySettingsForm
from accord.enquiries.models import Category
from accord.enquiries.services import categories as services
from accord.enquiries.services._common import settings_for
from accord.web.views.common import council_context, council_profile, request_actor, request_council


def _democratic_services(request: HttpRequest, slug: str) -> tuple[Actor, Council]:
    council = request_council(request, slug)
    actor = request_actor(request)
    require(actor, is_democratic_services)
    return actor, council


def _refused(form: forms.Form, error: AccordError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def category_list(request: HttpRequest, slug: str) -> HttpResponse:
    _, council = _democratic_services(request, slug)
    categories = Category.objects.filter(council=council).select_related("service")
    profile = council_profile(council)
    citations = (
        rules.citations_of(profile, rules.ROUTING, rules.OUT_OF_HOURS, rules.EMPLOYMENT_MATTERS)
        if profile is not None
        else []
    )
    context = council_context(council, categories=categories, citations=citations, page=True)
    return render(request, "enquiries/categories.html", context)


def _category_form_page(request: HttpRequest, slug: str, pk: int | None) -> HttpResponse:
    """Add a category (`pk` None) or change one of the council's own (another council's is a 404)."""
    actor, council = _democratic_services(request, slug)
    category = get_object_or_404(Category, pk=pk, council=council) if pk is not None else None
    initial = CategoryForm.initial_of(category) if category is not None else None
    form = CategoryForm(
        request.POST if request.method == "POST" else None, initial=initial, council=council
    )
    if request.method == "POST" and form.is_valid():
        fields: dict[str, Any] = {
            "name": form.cleaned_data["name"],
            "service": form.chosen_service(),
            "is_service_failure": form.cleaned_data["is_service_failure"],
            "is_employment_matter": form.cleaned_data["is_employment_matter"],
        }
        try:
            if category is None:
                saved = services.category_create(actor=actor, council=council, **fields)
            else:
                saved = services.category_update(actor=actor, category=category, **fields)
        except AccordError as error:
            _refused(form, error)
        else:
            messages.success(request, f"Category “{saved.name}” saved.")
            return redirect("enquiries:categories", slug=council.slug)
    context = council_context(council, form=form, category=category, page=True)
    status = 400 if form.errors else 200
    return render(request, "enquiries/category_form.html", context, status=status)


@login_required
def category_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _category_form_page(request, slug, None)


@login_required
def category_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _category_form_page(request, slug, pk)


@login_required
def enquiry_settings_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The values the council's protocol leaves to it (N 16); a deadline the protocol fixes (D 6.3) is shown,
    not offered."""
    actor, council = _democratic_services(request, slug)
    profile = council_profile(council)
    fixed = profile is not None and rules.rule_or_none(profile, rules.RESPONSE_DEADLINE) is not None
    current = settings_for(council)
    initial = {
        "response_working_days": current.response_working_days,
        "reopen_working_days": current.reopen_working_days,
        "reminder_working_days": current.reminder_working_days,
        "complaints_contact": current.complaints_contact,
    }
    form = EnquirySettingsForm(
        request.POST if request.method == "POST" else None, initial=initial, deadline_fixed=fixed
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.enquiry_settings_update(
            actor=actor,
            council=council,
            response_working_days=data.get("response_working_days")
            if not fixed
            else current.response_working_days,
            reopen_working_days=data["reopen_working_days"],
            reminder_working_days=data["reminder_working_days"],
            complaints_contact=data["complaints_contact"],
        )
        messages.success(request, "Enquiry settings saved.")
        return redirect("enquiries:settings", slug=council.slug)
    level = (
        rules.service_level(profile, council_setting=current.response_working_days)
        if profile is not None
        else None
    )
    context = council_context(council, form=form, level=level, deadline_fixed=fixed, page=True)
    return render(request, "enquiries/settings.html", context, status=400 if form.errors else 200)
