"""The pages of meetings, agendas and decision records (D 2.9, D 4.4, N 9-13).

Every refusal is shown with its citations; another council's meeting or decision is a 404. The published
agenda and the council's meetings feed are public (agendas are published documents); everything else needs
a sign-in at the council.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import Action, ActionRegistry, controls_for
from accord.core.access import Actor, council_for, request_actor
from accord.core.errors import AccordError
from accord.councils.models import Committee, Council, Member, Officer
from accord.notifications.ical import ical_feed
from accord.web.views.common import council_context

from . import rules, selectors, services
from .access import decision_for, meeting_for
from .actions import DECISION_ACTIONS, MEETING_ACTIONS
from .calendar import meeting_event
from .forms import DecisionCreateForm, MeetingCreateForm
from .models import DecisionRecord, Meeting
from .services._common import profile_of


def _council_of(actor: Actor) -> Council:
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


@login_required
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    council = council_for(actor, slug)
    meetings = Meeting.objects.filter(council=council).select_related("committee")
    return render(
        request,
        "committees/meetings.html",
        council_context(
            council,
            meetings=meetings.order_by("-starts_at")[:200],
            may_create=actor.is_democratic_services and actor.council_id == council.pk,
            citations=rules.cites(profile_of(council), rules.CHAIR_DECIDES),
        ),
    )


@login_required
def meeting_new(request: HttpRequest) -> HttpResponse:
    """Democratic services set a meeting (others: 404)."""
    actor = request_actor(request)
    if not actor.is_democratic_services:
        raise Http404("Page not found")
    council = _council_of(actor)
    form = MeetingCreateForm(request.POST or None, council=council)
    error = None
    if request.method == "POST" and form.is_valid():
        starts_at = form.starts_at()
        try:
            meeting = services.meeting_create(
                actor=actor,
                council=council,
                committee=get_object_or_404(
                    Committee, pk=form.cleaned_data["committee"], council=council
                ),
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=form.cleaned_data["hours"]),
                place=form.cleaned_data["place"],
                publication_date=form.cleaned_data["publication_date"],
            )
        except AccordError as exc:
            error = exc
        else:
            messages.success(request, "The meeting is set.")
            return redirect("committees:meeting", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "committees/meeting_new.html",
        council_context(council, form=form, accord_error=error),
        status=status,
    )


def _meeting_context(actor: Actor, meeting: Meeting, **extra: Any) -> dict[str, Any]:
    bound = extra.pop("action_forms", {})
    council = meeting.council
    items = [(i, selectors.item_citations(council, i)) for i in selectors.meeting_items(meeting)]
    profile = profile_of(council)
    return council_context(
        council,
        meeting=meeting,
        items=items,
        proposals=selectors.meeting_proposals(meeting),
        events=selectors.meeting_events(meeting),
        actions=controls_for(
            MEETING_ACTIONS,
            actor,
            meeting,
            post=lambda a: reverse("committees:meeting-action", args=(meeting.pk, a.name)),
            bound=bound,
        ),
        agenda_citations=rules.cites(profile, rules.CHAIR_DECIDES, rules.MUST_ADD),
        proposal_citations=rules.cites(profile, rules.MEMBERS_PROPOSAL),
        **extra,
    )


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    meeting = meeting_for(actor, pk)
    return render(request, "committees/meeting.html", _meeting_context(actor, meeting))


def _take(
    request: HttpRequest,
    registry: ActionRegistry[Any],
    case: Any,
    action: str,
) -> tuple[Action, Any, AccordError | None] | None:
    """Run one declared action from a page: None when it is done, else what to show again (the form
    with its errors, or the refusal with its citations)."""
    actor = request_actor(request)
    declared = registry.get(action)
    if declared is None or not declared.offered(actor, case):
        raise Http404("No such action")
    form: forms.Form = declared.form(request.POST, None, prefix=declared.name, case=case)
    if not form.is_valid():
        return declared, form, None
    try:
        declared.call(actor, case, form.cleaned_data)
    except AccordError as error:
        return declared, None, error
    messages.success(request, f"Done: {declared.label.lower()}.")
    return None


def _action_page(
    request: HttpRequest,
    registry: ActionRegistry[Any],
    fetch: Callable[[Actor, int], Any],
    context_of: Callable[..., dict[str, Any]],
    *,
    pk: int,
    action: str,
    page: str,
    template: str,
) -> HttpResponse:
    """Take one action from a case page; back to the page when done, else the page again with the form's
    errors or the refusal and its citations (a 400)."""
    actor = request_actor(request)
    outcome = _take(request, registry, fetch(actor, pk), action)
    if outcome is None:
        return redirect(page, pk=pk)
    declared, form, error = outcome
    context = context_of(
        actor,
        fetch(actor, pk),
        action_forms={declared.name: form} if form is not None else {},
        invalid_action=declared.name if form is not None else None,
        accord_error=error,
    )
    return render(request, template, context, status=400)


@login_required
@require_POST
def meeting_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return _action_page(
        request,
        MEETING_ACTIONS,
        meeting_for,
        _meeting_context,
        pk=pk,
        action=action,
        page="committees:meeting",
        template="committees/meeting.html",
    )


def _published(slug: str, pk: int) -> Meeting:
    council = get_object_or_404(Council, slug=slug)
    meeting = selectors.published_meetings(council).filter(pk=pk).first()
    if meeting is None:
        raise Http404("Agenda not found")
    return meeting


def agenda_public(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The published agenda, for anyone (a printable page: the print style drops the navigation)."""
    meeting = _published(slug, pk)
    council = meeting.council
    items = [(i, selectors.item_citations(council, i)) for i in selectors.meeting_agenda(meeting)]
    return render(
        request,
        "committees/agenda.html",
        council_context(council, meeting=meeting, items=items),
    )


def meetings_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The council's published meetings as an iCalendar feed (public, like the agendas)."""
    council = get_object_or_404(Council, slug=slug)
    events = [meeting_event(m) for m in selectors.published_meetings(council)]
    body = ical_feed(events, name=f"{council.name}: meetings")
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
def decision_list(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    council = council_for(actor, slug)
    decisions = DecisionRecord.objects.filter(council=council).select_related(
        "maker_member", "maker_committee", "advising_officer"
    )
    may_create = actor.council_id == council.pk and (
        actor.officer is not None or actor.is_democratic_services
    )
    profile = profile_of(council)
    return render(
        request,
        "committees/decisions.html",
        council_context(
            council,
            decisions=decisions[:200],
            may_create=may_create,
            citations=rules.cites(profile, rules.ADVICE_ON_RECORD, rules.ADVICE_CONSIDERED),
            guidance=rules.guidance(profile),
        ),
    )


@login_required
def decision_new(request: HttpRequest) -> HttpResponse:
    """An officer or democratic services open a decision record (others: 404)."""
    actor = request_actor(request)
    if actor.officer is None and not actor.is_democratic_services:
        raise Http404("Page not found")
    council = _council_of(actor)
    form = DecisionCreateForm(request.POST or None, council=council)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.decision_create(
                actor=actor,
                council=council,
                matter=data["matter"],
                maker=data["maker"],
                report=data["report"],
                advising_officer=get_object_or_404(Officer, pk=data["officer"], council=council),
                maker_member=Member.objects.filter(pk=data["maker_member"], council=council).first()
                if data["maker_member"]
                else None,
                maker_committee=Committee.objects.filter(
                    pk=data["maker_committee"], council=council
                ).first()
                if data["maker_committee"]
                else None,
            )
        except AccordError as exc:
            error = exc
        else:
            messages.success(
                request, "The decision record is open; the officer's advice is awaited."
            )
            return redirect("committees:decision", pk=decision.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "committees/decision_new.html",
        council_context(council, form=form, accord_error=error),
        status=status,
    )


def _decision_context(actor: Actor, decision: DecisionRecord, **extra: Any) -> dict[str, Any]:
    bound = extra.pop("action_forms", {})
    profile = profile_of(decision.council)
    return council_context(
        decision.council,
        decision=decision,
        advice=selectors.decision_advice(decision),
        events=selectors.decision_events(decision),
        guidance=rules.guidance(profile),
        scrutiny_citations=rules.cites(profile, rules.SCRUTINY_SAME_ADVICE),
        considered_citations=rules.cites(profile, rules.ADVICE_CONSIDERED),
        actions=controls_for(
            DECISION_ACTIONS,
            actor,
            decision,
            post=lambda a: reverse("committees:decision-action", args=(decision.pk, a.name)),
            bound=bound,
        ),
        **extra,
    )


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    decision = decision_for(actor, pk)
    return render(request, "committees/decision.html", _decision_context(actor, decision))


@login_required
def decision_scrutiny(request: HttpRequest, pk: int) -> HttpResponse:
    """Scrutiny's view: exactly the advice the decision maker had (N 13), no actions."""
    actor = request_actor(request)
    decision = decision_for(actor, pk)
    context = _decision_context(actor, decision, scrutiny=True)
    context["actions"] = []
    return render(request, "committees/decision_scrutiny.html", context)


@login_required
@require_POST
def decision_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return _action_page(
        request,
        DECISION_ACTIONS,
        decision_for,
        _decision_context,
        pk=pk,
        action=action,
        page="committees:decision",
        template="committees/decision.html",
    )
