"""The concern pages (D 11, N 3): the list, raising a concern, the case page and its actions, the CSV."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import controls_for
from accord.concerns import rules, selectors, services
from accord.concerns.access import concern_for, reads_details
from accord.concerns.actions import CONCERN_ACTIONS
from accord.concerns.forms import ConcernRaiseForm
from accord.concerns.models import Concern
from accord.core import clock
from accord.core.access import Actor, is_member, is_officer, require
from accord.core.csv import csv_response
from accord.core.errors import AccordError
from accord.councils.models import Council
from accord.web.views.common import council_context, request_actor

CONFIRMATIONS = {
    "meeting-arrange": "The informal meeting is arranged and the invitations are sent.",
    "meeting-change": "The meeting is changed and the updated invitations are sent.",
    "resolve": "The concern is recorded as resolved.",
    "formal-complaint": "It now proceeds as a formal Member complaint.",
    "disciplinary": "The Disciplinary Procedure is recorded as invoked.",
    "note": "Your note is added.",
    "withdraw": "The concern is withdrawn.",
}


# The services name the meeting's start `starts_at`; the page asks for its date and start time.
FORM_FIELDS = {"starts_at": "date"}


class ListFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=selectors.QUERY_MAX)
    state = forms.ChoiceField(
        label="State", required=False, choices=[("", "Any state"), *Concern.State.choices]
    )


def _council(actor: Actor) -> Council:
    if actor.user is None or actor.council_id is None:
        raise Http404("No council")
    return Council.objects.get(pk=actor.council_id)


@login_required
def concern_list(request: HttpRequest) -> HttpResponse:
    """The concerns the person may see, with a count and a search of their words."""
    actor = request_actor(request)
    council = _council(actor)
    form = ListFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    concerns = list(
        selectors.concern_list(actor, query=data.get("q", ""), state=data.get("state", ""))[:200]
    )
    may_raise = actor.member is not None or actor.officer is not None
    rows = [(c, reads_details(actor, c)) for c in concerns]
    context = council_context(council, rows=rows, form=form, may_raise=may_raise)
    return render(request, "concerns/list.html", context, status=200 if form.is_valid() else 400)


@login_required
def concern_export(request: HttpRequest) -> StreamingHttpResponse:
    """The person's visible concerns as CSV: no details for an invitee to a meeting."""
    actor = request_actor(request)
    council = _council(actor)

    def rows() -> Iterator[list[object]]:
        yield ["id", "raised", "kind", "state", "about", "sent to", "summary"]
        for c in selectors.concern_list(actor):
            summary = c.summary if reads_details(actor, c) else ""
            yield [
                c.pk,
                c.raised_at.astimezone(clock.LONDON).date().isoformat(),
                c.get_kind_display(),
                c.get_state_display(),
                str(c.about),
                c.handler.name,
                summary,
            ]

    return csv_response(rows(), f"{council.slug}-concerns-{clock.today():%Y-%m-%d}.csv")


@login_required
def concern_raise(request: HttpRequest) -> HttpResponse:
    """A Member or an officer raises a concern in private; the guidance on constructive criticism is shown
    (D 4.5-4.6, D 11.1, N 3)."""
    actor = request_actor(request)
    require(actor, is_member | is_officer)
    council = _council(actor)
    profile = services.profile_for(council)
    form = ConcernRaiseForm(
        request.POST if request.method == "POST" else None,
        council=council,
        whistleblowing=rules.WHISTLEBLOWING in profile.rules,
    )
    error: AccordError | None = None
    if request.method == "POST" and form.is_valid():
        about_member, about_officer = form.about_person(council)
        try:
            concern = services.concern_raise(
                actor=actor,
                summary=form.cleaned_data["summary"],
                details=form.cleaned_data["details"],
                about_member=about_member,
                about_officer=about_officer,
                unlawful_conduct=bool(form.cleaned_data.get("unlawful_conduct")),
            )
        except AccordError as exc:
            error = exc
        else:
            messages.success(request, f"Your concern is sent in private. {concern.route}")
            return redirect("concerns:detail", pk=concern.pk)
    context = council_context(
        council,
        form=form,
        accord_error=error,
        guidance=rules.guidance_paragraphs(profile),
        private=rules.citations_of(profile, rules.PRIVATE),
    )
    return render(
        request, "concerns/raise.html", context, status=400 if request.method == "POST" else 200
    )


def _case_context(actor: Actor, concern: Concern, **extra: Any) -> dict[str, Any]:
    bound = extra.pop("action_forms", {})
    details = reads_details(actor, concern)
    actions = controls_for(
        CONCERN_ACTIONS,
        actor,
        concern,
        post=lambda action: reverse("concerns:action", args=(concern.pk, action.name)),
        bound=bound,
    )
    return council_context(
        concern.council,
        concern=concern,
        reads_details=details,
        meeting=selectors.concern_meeting(concern),
        events=selectors.concern_event_list(actor, concern),
        actions=actions if details else [],
        **extra,
    )


@login_required
def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    concern = concern_for(actor, pk)
    return render(request, "concerns/detail.html", _case_context(actor, concern))


@login_required
@require_POST
def concern_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one declared action from the case page; a refusal is shown with its citations."""
    actor = request_actor(request)
    concern = concern_for(actor, pk)
    declared = CONCERN_ACTIONS.get(action)
    if declared is None or not declared.offered(actor, concern):
        raise Http404("No such action")
    form = declared.form(request.POST, None, prefix=declared.name, case=concern)
    if form.is_valid():
        try:
            declared.call(actor, concern, form.cleaned_data)
        except AccordError as error:
            concern = concern_for(actor, pk)
            field = FORM_FIELDS.get(error.field or "", error.field)
            if not (field and field in form.fields):
                context = _case_context(actor, concern, accord_error=error)
                return render(request, "concerns/detail.html", context, status=400)
            form.add_error(field, error.message)
        else:
            messages.success(request, CONFIRMATIONS.get(action, "Done."))
            return redirect("concerns:detail", pk=pk)
    context = _case_context(actor, concern, action_forms={action: form}, invalid_action=action)
    return render(request, "concerns/detail.html", context, status=400)
