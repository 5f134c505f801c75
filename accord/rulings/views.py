"""The pages for asking about the protocol (D 1.3, D 1.4) and the Monitoring Officer's rulings (D 12)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import controls_for
from accord.core.access import (
    Actor,
    council_for,
    is_member,
    is_monitoring_officer,
    is_officer,
    require,
)
from accord.core.errors import AccordError
from accord.councils.models import Council
from accord.rulings import rules, selectors, services
from accord.rulings.access import question_for, questions_visible_to
from accord.rulings.actions import QUESTION_ACTIONS
from accord.rulings.forms import QuestionAskForm, RulingForm
from accord.rulings.models import Question, Ruling
from accord.web.views.common import council_context, request_actor


def _council(actor: Actor) -> Council:
    if actor.user is None or actor.council_id is None:
        raise Http404("No council")
    return Council.objects.get(pk=actor.council_id)


@login_required
def ruling_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Every ruling of the council on the interpretation of its protocol, the superseded ones kept (D 12).
    Everyone of the council reads them (a platform administrator any council's)."""
    actor = request_actor(request)
    council = council_for(actor, slug)
    profile = services.profile_for(council)
    rulings = list(selectors.ruling_list(council.pk))
    context = council_context(
        council,
        rulings=[(r, profile.label(r.paragraph)) for r in rulings],
        may_record=is_monitoring_officer(actor) and rules.INTERPRETATION in profile.rules,
        may_ask=actor.member is not None or actor.officer is not None,
        citations=rules.citations_of(profile, rules.INTERPRETATION),
    )
    return render(request, "rulings/list.html", context)


@login_required
def ruling_record(request: HttpRequest) -> HttpResponse:
    """The Monitoring Officer records a ruling, or one superseding an earlier ruling (`?supersedes=<id>`)."""
    actor = request_actor(request)
    require(actor, is_monitoring_officer)
    council = _council(actor)
    profile = services.profile_for(council)
    if rules.INTERPRETATION not in profile.rules:
        raise Http404("No rulings at this council")
    supersedes: Ruling | None = None
    raw = request.GET.get("supersedes") or request.POST.get("supersedes")
    if raw:
        supersedes = Ruling.objects.filter(
            pk=int(raw) if raw.isdigit() and len(raw) < 10 else 0, council=council
        ).first()
        if supersedes is None:
            raise Http404("No such ruling")
    initial = {"paragraph": supersedes.paragraph} if supersedes is not None else {}
    form = RulingForm(
        request.POST if request.method == "POST" else None, profile=profile, initial=initial
    )
    error: AccordError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            ruling = services.ruling_record(
                actor=actor,
                paragraph=form.cleaned_data["paragraph"],
                interpretation=form.cleaned_data["interpretation"],
                supersedes=supersedes,
            )
        except AccordError as exc:
            error = exc
        else:
            messages.success(
                request, f"Your ruling on {profile.label(ruling.paragraph)} is recorded."
            )
            return redirect(f"{reverse('rulings:list', args=(council.slug,))}#ruling-{ruling.pk}")
    context = council_context(
        council,
        form=form,
        supersedes=supersedes,
        supersedes_label=profile.label(supersedes.paragraph) if supersedes else "",
        accord_error=error,
        citations=rules.citations_of(profile, rules.INTERPRETATION),
    )
    return render(
        request, "rulings/record.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def question_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    council = _council(actor)
    questions = list(
        questions_visible_to(actor).select_related("holder").order_by("-asked_at")[:200]
    )
    may_ask = actor.member is not None or actor.officer is not None
    return render(
        request,
        "rulings/questions.html",
        council_context(council, questions=questions, may_ask=may_ask),
    )


@login_required
def question_ask(request: HttpRequest) -> HttpResponse:
    """A Member asks the Monitoring Officer (D 1.3); an officer their line manager (D 1.4)."""
    actor = request_actor(request)
    require(actor, is_member | is_officer)
    council = _council(actor)
    profile = services.profile_for(council)
    rule = rules.QUESTION_MEMBER if actor.member is not None else rules.QUESTION_OFFICER
    form = QuestionAskForm(request.POST if request.method == "POST" else None, profile=profile)
    error: AccordError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_ask(
                actor=actor,
                question=form.cleaned_data["question"],
                paragraph=form.cleaned_data.get("paragraph") or "",
            )
        except AccordError as exc:
            error = exc
        else:
            messages.success(request, f"Your question is sent to {question.holder.name}.")
            return redirect("rulings:question", pk=question.pk)
    context = council_context(
        council,
        form=form,
        accord_error=error,
        offered=rule in profile.rules,
        citations=rules.citations_of(profile, rule),
    )
    return render(
        request, "rulings/ask.html", context, status=400 if request.method == "POST" else 200
    )


def _question_context(actor: Actor, question: Question, **extra: Any) -> dict[str, Any]:
    bound = extra.pop("action_forms", {})
    profile = services.profile_for(question.council)
    return council_context(
        question.council,
        question=question,
        paragraph=profile.cite(question.paragraph) if question.paragraph else None,
        events=list(question.events.select_related("actor").order_by("seq")),
        actions=controls_for(
            QUESTION_ACTIONS,
            actor,
            question,
            post=lambda action: reverse("rulings:question-action", args=(question.pk, action.name)),
            bound=bound,
        ),
        **extra,
    )


@login_required
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    question = question_for(actor, pk)
    return render(request, "rulings/question.html", _question_context(actor, question))


@login_required
@require_POST
def question_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    actor = request_actor(request)
    question = question_for(actor, pk)
    declared = QUESTION_ACTIONS.get(action)
    if declared is None or not declared.offered(actor, question):
        raise Http404("No such action")
    form = declared.form(request.POST, None, prefix=declared.name, case=question)
    if form.is_valid():
        try:
            declared.call(actor, question, form.cleaned_data)
        except AccordError as error:
            context = _question_context(actor, question_for(actor, pk), accord_error=error)
            return render(request, "rulings/question.html", context, status=400)
        messages.success(request, "Done: " + declared.label.lower() + ".")
        return redirect("rulings:question", pk=pk)
    context = _question_context(actor, question, action_forms={action: form}, invalid_action=action)
    return render(request, "rulings/question.html", context, status=400)
