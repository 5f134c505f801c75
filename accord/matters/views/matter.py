"""Local matters' pages: recording a matter, its page (who was informed, when, how, under which paragraph),
the actions on it, the council's list and a Member's own matters (D 5.1-5.4, N 20-24)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import controls_for
from accord.core.access import Actor, request_actor
from accord.core.errors import AccordError
from accord.matters import rules, selectors, services
from accord.matters.access import matter_for, records_matters, sees_every_matter
from accord.matters.actions import MATTER_ACTIONS
from accord.matters.forms import MatterFilterForm, MatterRecordForm
from accord.matters.models import Matter
from accord.web.views.common import council_context, council_profile, request_council

CONFIRMATIONS = {
    "update": "The matter is updated and its Members are informed again.",
    "area-add": "The areas are added and their Members are informed.",
    "inform-outstanding": "The Members not yet informed are informed.",
    "consultation-start": "The consultation is marked as started.",
    "respond": "Your view is recorded on the matter.",
    "meeting-change": "The meeting is changed and the invitations are updated.",
    "meeting-cancel": "The meeting is cancelled and the invited Members are told.",
    "close": "The matter is closed.",
}


def error_to_form(form: forms.Form, error: AccordError) -> bool:
    """Show a refusal about one input against its field; True when it was so placed."""
    if error.field and error.field in form.fields:
        form.add_error(error.field, error.message)
        return True
    return False


def _detail_context(actor: Actor, matter: Matter, **extra: Any) -> dict[str, Any]:
    bound = extra.pop("action_forms", {})
    profile = council_profile(matter.council)
    informed = selectors.matter_informed_list(matter)
    return council_context(
        matter.council,
        matter=matter,
        areas=matter.matter_areas.select_related("area"),
        informed=informed,
        not_opened=[i for i in informed if i.informed and i.opened_at is None],
        not_informed=[i for i in informed if not i.informed],
        responses=matter.responses.select_related("member"),
        events=matter.events.select_related("actor").order_by("at", "id"),
        actions=controls_for(
            MATTER_ACTIONS,
            actor,
            matter,
            post=lambda action: reverse("matters:action", args=(matter.pk, action.name)),
            bound=bound,
        ),
        citations=rules.citations_of(
            profile, *rules.kind_rules(matter.kind), rules.ACCOUNTABLE, rules.IN_TIME
        )
        if profile
        else [],
        in_time_days=rules.in_time_working_days(profile) if profile else 5,
        consultation=rules.consultation_mode(profile) if profile else None,
        show_officer_view=sees_every_matter(actor),
        affected_area_ids=[a.area_id for a in matter.matter_areas.all()],
        **extra,
    )


@login_required
def matter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    matter = matter_for(actor, pk)
    services.receipts_open(actor=actor, matter=matter)
    return render(request, "matters/detail.html", _detail_context(actor, matter))


@login_required
@require_POST
def matter_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Run one action from the matter's page; a refusal is shown with its citations."""
    actor = request_actor(request)
    matter = matter_for(actor, pk)
    declared = MATTER_ACTIONS.get(action)
    if declared is None or not declared.offered(actor, matter):
        raise Http404("No such action")
    form = declared.form(request.POST, None, prefix=action, case=matter)
    if form.is_valid():
        try:
            declared.call(actor, matter, form.cleaned_data)
        except AccordError as error:
            matter = matter_for(actor, pk)
            if error_to_form(form, error):
                context = _detail_context(
                    actor, matter, action_forms={action: form}, invalid_action=action
                )
            else:
                context = _detail_context(actor, matter, accord_error=error)
            return render(request, "matters/detail.html", context, status=400)
        messages.success(request, CONFIRMATIONS.get(action, "Done."))
        return redirect("matters:detail", pk=pk)
    context = _detail_context(actor, matter, action_forms={action: form}, invalid_action=action)
    return render(request, "matters/detail.html", context, status=400)


@login_required
def matter_record_page(request: HttpRequest, slug: str) -> HttpResponse:
    """An officer records a local matter; its Members are informed at once (D 5.2-5.4, N 20-24)."""
    actor = request_actor(request)
    council = request_council(request, slug)
    if not records_matters(actor) or actor.council_id != council.pk:
        raise Http404("Page not found")
    form = MatterRecordForm(request.POST or None, council=council)
    error: AccordError | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            matter = services.matter_record(
                actor=actor,
                council=council,
                title=data["title"],
                summary=data["summary"],
                kind=data["kind"],
                service=council.services.get(pk=data["service"]),
                responsible_officer=council.officers.get(pk=data["responsible_officer"]),
                starts_on=data.get("starts_on"),
                areas=data["area_objects"],
                place=data.get("place"),
                whole_council=data["whole_council"],
                meeting_start=data.get("meeting_start"),
                meeting_end=data.get("meeting_end"),
                location=data.get("location", ""),
            )
        except AccordError as exc:
            if not error_to_form(form, exc):
                error = exc
        else:
            told = matter.receipts.count()
            messages.success(
                request,
                f"{matter.reference} recorded: {told} Member{'s' if told != 1 else ''} informed.",
            )
            return redirect("matters:detail", pk=matter.pk)
    profile = council_profile(council)
    context = council_context(
        council,
        form=form,
        accord_error=error,
        citations=rules.citations_of(
            profile, rules.ACCOUNTABLE, rules.INFORM, rules.CONSULTATION, rules.PUBLIC_MEETING
        )
        if profile
        else [],
    )
    return render(
        request, "matters/record.html", context, status=400 if request.method == "POST" else 200
    )


def _filtered(request: HttpRequest, actor: Actor, council: Any) -> tuple[MatterFilterForm, Any]:
    form = MatterFilterForm(request.GET or None, council=council)
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    page = Paginator(selectors.matter_list_for_member(actor, kind=kind), 25).get_page(
        request.GET.get("page")
    )
    return form, page


@login_required
def matter_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Every matter of the council, newest first, for its officers and democratic services."""
    actor = request_actor(request)
    council = request_council(request, slug)
    if not sees_every_matter(actor):
        raise Http404("Page not found")
    form, page = _filtered(request, actor, council)
    return render(
        request,
        "matters/list.html",
        council_context(council, form=form, page=page, may_record=records_matters(actor)),
    )


@login_required
def matter_mine(request: HttpRequest) -> HttpResponse:
    """A Member's view: matters affecting their wards or divisions, newest first, filterable by kind."""
    actor = request_actor(request)
    if actor.member is None:
        raise Http404("Page not found")
    council = actor.member.council
    form, page = _filtered(request, actor, council)
    return render(
        request,
        "matters/mine.html",
        council_context(council, form=form, page=page, member_areas=actor.member.areas.all()),
    )
