"""The pages: the register of premises, visits (N 25-27) with the permission-giver's tokened page, and
appointments with officers (D 4.7). Thin: each validates its form, calls one service or selector, renders."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import ActionRegistry, controls_for
from accord.core.access import Actor, council_for, is_member, require
from accord.core.errors import AccordError
from accord.councils.models import Committee, Council, Member, Officer
from accord.visits import appointments, rules, services
from accord.visits.access import (
    appointment_for,
    appointments_visible_to,
    keeps_register,
    premises_for,
    premises_visible_to,
    visit_for,
    visits_visible_to,
)
from accord.visits.actions import APPOINTMENT_ACTIONS, VISIT_ACTIONS
from accord.visits.forms import AppointmentBookForm, PermissionForm, PremisesForm, VisitRequestForm
from accord.web.views.common import council_context, council_profile, request_actor


def _council(actor: Actor) -> Council:
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


def _form_error(form: forms.Form, error: AccordError) -> AccordError | None:
    """Put a refusal naming a field of the form on that field; otherwise it is shown above the form."""
    if error.field and error.field in form.fields:
        form.add_error(error.field, error.message)
        return error if error.citations else None
    return error


def _guidance(council: Council, *rule_ids: str) -> list[Any]:
    profile = council_profile(council)
    return rules.citations_of(profile, *rule_ids) if profile is not None else []


@login_required
def premises_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The council's register of premises (N 25-27), for everyone of the council."""
    actor = request_actor(request)
    council = council_for(actor, slug)
    return render(
        request,
        "visits/premises_list.html",
        council_context(
            council,
            premises=premises_visible_to(actor).filter(council=council),
            may_add=keeps_register(actor),
        ),
    )


@login_required
def premises_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    actor = request_actor(request)
    council = council_for(actor, slug)
    premises = premises_for(actor, pk)
    return render(
        request, "visits/premises_detail.html", council_context(council, premises=premises)
    )


@login_required
def premises_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Democratic services add premises to the register; the division is found from the postcode."""
    actor = request_actor(request)
    council = council_for(actor, slug)
    require(actor, lambda a: keeps_register(a))  # type: ignore[arg-type]
    form = PremisesForm(request.POST or None, council=council)
    error = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            premises = services.premises_add(
                actor=actor,
                council=council,
                name=d["name"],
                address=d["address"],
                postcode=d["postcode"],
                kind=d["kind"],
                tenure=d["tenure"],
                manager_name=d["manager_name"],
                manager_email=d["manager_email"],
                cabinet_member=get_object_or_404(Member, pk=d["cabinet_member"], council=council)
                if d["cabinet_member"]
                else None,
                committee=get_object_or_404(Committee, pk=d["committee"], council=council)
                if d["committee"]
                else None,
            )
        except AccordError as exc:
            error = _form_error(form, exc)
        else:
            messages.success(request, f"{premises.name} is added to the register.")
            return redirect("visits:premises-detail", slug=slug, pk=premises.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "visits/premises_add.html",
        council_context(council, form=form, accord_error=error),
        status=status,
    )


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    """The visits the person may see: a Member's own; every visit of the council for democratic
    services, Chief Officers and the Monitoring Officer."""
    actor = request_actor(request)
    council = _council(actor)
    visits = visits_visible_to(actor).select_related("premises", "member")
    return render(
        request,
        "visits/visit_list.html",
        council_context(council, visits=visits, may_request=actor.member is not None),
    )


@login_required
def visit_request(request: HttpRequest) -> HttpResponse:
    """A Member asks to visit premises; the profile decides at once, with its citations (N 25-27)."""
    actor = request_actor(request)
    require(actor, is_member)
    council = _council(actor)
    form = VisitRequestForm(request.POST or None, council=council)
    error = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        premises = premises_for(actor, d["premises"])
        try:
            done = services.visit_request(
                actor=actor,
                premises=premises,
                visit_on=d["visit_on"],
                purpose=d["purpose"],
                details=d["details"],
                safety_acknowledged=d["safety_acknowledged"],
            )
        except AccordError as exc:
            error = _form_error(form, exc)
        else:
            messages.success(request, done.visit.decision)
            return redirect("visits:detail", pk=done.visit.pk)
    profile = council_profile(council)
    context = council_context(
        council,
        form=form,
        accord_error=error,
        has_visits=profile is not None and rules.has_visits(profile),
        guidance=_guidance(
            council, rules.PREMISES, rules.SCHOOL_PERMISSION, rules.NO_RIGHT, rules.SAFETY
        ),
    )
    return render(
        request,
        "visits/visit_request.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


def _case_context(
    actor: Actor,
    case: Any,
    registry: ActionRegistry[Any],
    url: str,
    **extra: Any,
) -> dict[str, Any]:
    bound = extra.pop("action_forms", {})
    return council_context(
        case.council,
        actions=controls_for(
            registry,
            actor,
            case,
            post=lambda action: reverse(url, args=(case.pk, action.name)),
            bound=bound,
        ),
        events=case.events.select_related("actor").order_by("at", "id"),
        **extra,
    )


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    visit = visit_for(actor, pk)
    return render(
        request,
        "visits/visit_detail.html",
        _case_context(actor, visit, VISIT_ACTIONS, "visits:action", visit=visit),
    )


def _take(
    request: HttpRequest,
    registry: ActionRegistry[Any],
    case: Any,
    name: str,
    render_case: Any,
) -> HttpResponse | None:
    """Run one declared action from a case page: None when done, else the page again with the error."""
    actor = request_actor(request)
    declared = registry.get(name)
    if declared is None or not declared.offered(actor, case):
        raise Http404("No such action")
    form = declared.form(request.POST, None, prefix=declared.name, case=case)
    if form.is_valid():
        try:
            declared.call(actor, case, form.cleaned_data)
        except AccordError as error:
            if error.field and error.field in form.fields:
                form.add_error(error.field, error.message)
            else:
                return render_case(accord_error=error)
        else:
            messages.success(request, f"Done: {declared.label.lower()}.")
            return None
    return render_case(action_forms={name: form}, invalid_action=name)


@login_required
@require_POST
def visit_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    actor = request_actor(request)
    visit = visit_for(actor, pk)

    def again(**extra: Any) -> HttpResponse:
        fresh = visit_for(actor, pk)
        context = _case_context(actor, fresh, VISIT_ACTIONS, "visits:action", visit=fresh, **extra)
        return render(request, "visits/visit_detail.html", context, status=400)

    return _take(request, VISIT_ACTIONS, visit, action, again) or redirect("visits:detail", pk=pk)


def visit_permission(request: HttpRequest, token: str) -> HttpResponse:
    """The permission-giver's page, reached from their e-mail without an account: the request, and their
    answer (single use, expiring). A link that names no visit is a 404; one used, expired or withdrawn
    says so (410)."""
    found = services.visit_for_link(token)
    visit = found.visit
    form = PermissionForm(request.POST or None)
    error = None
    status = 200 if found.status == "open" else 410
    if request.method == "POST" and found.status == "open":
        if form.is_valid():
            try:
                services.visit_permission_answer(
                    token=token,
                    agree=form.cleaned_data["decision"] == "agree",
                    note=form.cleaned_data["note"],
                )
            except AccordError as exc:
                error, status = exc, 410
            else:
                found = services.visit_for_link(token)
                return render(
                    request,
                    "visits/permission.html",
                    council_context(visit.council, visit=found.visit, status="done", form=None),
                )
        else:
            status = 400
    return render(
        request,
        "visits/permission.html",
        council_context(
            visit.council,
            visit=visit,
            status=found.status,
            refusal=services.LINK_REFUSALS.get(found.status, ""),
            form=form if found.status == "open" else None,
            accord_error=error,
        ),
        status=status,
    )


@login_required
def appointment_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    council = _council(actor)
    return render(
        request,
        "visits/appointment_list.html",
        council_context(
            council,
            appointments=appointments_visible_to(actor).select_related("member", "officer"),
            may_book=actor.member is not None,
        ),
    )


@login_required
def appointment_book(request: HttpRequest) -> HttpResponse:
    """A Member books a meeting with an officer, in person or online (D 4.7)."""
    actor = request_actor(request)
    require(actor, is_member)
    council = _council(actor)
    form = AppointmentBookForm(request.POST or None, council=council)
    error = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        officer = get_object_or_404(Officer, pk=d["officer"], council=council, is_active=True)
        try:
            appointment = appointments.appointment_book(
                actor=actor,
                officer=officer,
                subject=d["subject"],
                starts_at=d["starts_at"],
                ends_at=d["ends_at"],
                mode=d["mode"],
                location=d["location"],
                meeting_link=d["meeting_link"],
                note=d["note"],
            )
        except AccordError as exc:
            error = _form_error(form, _on_form_fields(exc))
        else:
            messages.success(request, f"Your request is sent to {officer.name}.")
            return redirect("visits:appointment", pk=appointment.pk)
    return render(
        request,
        "visits/appointment_book.html",
        council_context(
            council,
            form=form,
            accord_error=error,
            guidance=_guidance(council, rules.APPOINTMENT),
        ),
        status=400 if request.method == "POST" else 200,
    )


def _on_form_fields(error: AccordError) -> AccordError:
    """The services name times as `starts_at`/`ends_at`; the page asks for a start and an end time."""
    field = {"starts_at": "start", "ends_at": "end"}.get(error.field or "", error.field)
    return AccordError(error.message, citations=error.citations, field=field)


@login_required
def appointment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    appointment = appointment_for(actor, pk)
    return render(
        request,
        "visits/appointment_detail.html",
        _case_context(
            actor,
            appointment,
            APPOINTMENT_ACTIONS,
            "visits:appointment-action",
            appointment=appointment,
            citations=appointments.appointment_citations(appointment),
        ),
    )


@login_required
@require_POST
def appointment_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    actor = request_actor(request)
    appointment = appointment_for(actor, pk)

    def again(**extra: Any) -> HttpResponse:
        fresh = appointment_for(actor, pk)
        context = _case_context(
            actor,
            fresh,
            APPOINTMENT_ACTIONS,
            "visits:appointment-action",
            appointment=fresh,
            citations=appointments.appointment_citations(fresh),
            **extra,
        )
        return render(request, "visits/appointment_detail.html", context, status=400)

    done = _take(request, APPOINTMENT_ACTIONS, appointment, action, again)
    return done or redirect("visits:appointment", pk=pk)
