"""N 17 disputes over a Member's right to a document: the list, recording a refusal, the dispute and its steps.

Each page shows the paragraph behind it; a council whose protocol has no such procedure (a district council)
is told so with D 6.8's citation. Who sees a dispute is `accord.enquiries.dispute_access`; another person's
dispute is "not found".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accord.core.access import Actor, is_chief_officer, require
from accord.core.errors import AccordError
from accord.councils.models import Council, Member
from accord.enquiries import services
from accord.enquiries.access import enquiry_for
from accord.enquiries.dispute_access import dispute_actions_for, dispute_for, disputes_visible_to
from accord.enquiries.dispute_forms import DisputeDecisionForm, DisputeOpenForm
from accord.enquiries.forms import TextForm
from accord.enquiries.models import Enquiry, InformationDispute
from accord.protocol import Citation
from accord.web.views.common import council_context, request_actor

Call = Callable[[Actor, InformationDispute, dict[str, Any]], Any]


@dataclass(frozen=True)
class Step:
    """One step of a dispute: its button, its form and the service it calls (N 17)."""

    button: str
    done: str  # the confirmation shown once it is done, in the past tense
    form: Callable[..., forms.Form]
    call: Call


STEPS: dict[str, Step] = {
    "dispute": Step(
        "Dispute the decision",
        "Your dispute of the decision is recorded.",
        lambda *a, **kw: TextForm(*a, label="Your grounds for disputing the decision", **kw),
        lambda a, d, data: services.information_dispute_dispute(
            actor=a, dispute=d, grounds=data["text"]
        ),
    ),
    "decide": Step(
        "Record the decision",
        "The decision is recorded.",
        lambda *a, **kw: DisputeDecisionForm(*a, label="The reasons for the decision", **kw),
        lambda a, d, data: services.information_dispute_decide(
            actor=a, dispute=d, entitled=data["entitled"], decision=data["decision"]
        ),
    ),
    "refer": Step(
        "Refer to the Council",
        "The dispute is referred to the Council.",
        lambda *a, **kw: TextForm(*a, label="Why the dispute is still unresolved", **kw),
        lambda a, d, data: services.information_dispute_refer_to_council(
            actor=a, dispute=d, reason=data["text"]
        ),
    ),
    "council-decide": Step(
        "Record the Council's decision",
        "The Council's decision is recorded.",
        lambda *a, **kw: DisputeDecisionForm(
            *a, label="The Council's decision (the meeting and minute)", **kw
        ),
        lambda a, d, data: services.information_dispute_council_decide(
            actor=a, dispute=d, entitled=data["entitled"], decision=data["decision"]
        ),
    ),
}


def procedure_citations(council: Council) -> tuple[list[Citation], AccordError | None]:
    """N 17's citations where the council's protocol has the procedure; otherwise none, and the refusal
    with D 6.8's citation (the Member's statutory rights apply instead)."""
    try:
        return services.information_dispute_citations(council), None
    except AccordError as error:
        return [], error


def _council(actor: Actor) -> Council:
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


@login_required
def dispute_list(request: HttpRequest) -> HttpResponse:
    """The disputes the signed-in person may see (N 17), newest first."""
    actor = request_actor(request)
    council = _council(actor)
    cites, refusal = procedure_citations(council)
    context = council_context(
        council,
        disputes=disputes_visible_to(actor),
        citations=cites,
        refusal=refusal,
        may_open=is_chief_officer(actor),
    )
    return render(request, "enquiries/disputes.html", context)


@login_required
def dispute_open(request: HttpRequest) -> HttpResponse:
    """A Chief Officer records declining a document, on its own or against the Member's enquiry (N 17)."""
    actor = request_actor(request)
    require(actor, is_chief_officer)
    council = _council(actor)
    enquiry: Enquiry | None = None
    if request.GET.get("enquiry"):
        enquiry = enquiry_for(actor, request.GET["enquiry"])
    form = DisputeOpenForm(
        request.POST or None, council=council, member=enquiry.member if enquiry else None
    )
    cites, refusal = procedure_citations(council)
    error: AccordError | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = (
            enquiry.member
            if enquiry is not None
            else get_object_or_404(Member, pk=data["member"], council=council)
        )
        try:
            dispute = services.information_dispute_open(
                actor=actor,
                member=member,
                document=data["document"],
                reason=data["reason"],
                enquiry=enquiry,
            )
        except AccordError as exc:
            error = exc
        else:
            messages.success(request, f"Your decision to decline {dispute.document} is recorded.")
            return redirect("enquiries:dispute", pk=dispute.pk)
    context = council_context(
        council, form=form, enquiry=enquiry, citations=cites, refusal=refusal, accord_error=error
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "enquiries/dispute_open.html", context, status=status)


def _dispute_context(actor: Actor, dispute: InformationDispute, **extra: Any) -> dict[str, Any]:
    step_forms = extra.pop("step_forms", {})
    steps = [
        (name, STEPS[name], step_forms.get(name) or STEPS[name].form(prefix=name))
        for name in dispute_actions_for(actor, dispute)
    ]
    cites, _ = procedure_citations(dispute.council)
    history = [{**s, "at": dt.datetime.fromisoformat(s["at"])} for s in dispute.history]
    return council_context(
        dispute.council, dispute=dispute, history=history, steps=steps, citations=cites, **extra
    )


@login_required
def dispute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One dispute: the document, where it stands, every step with its words and paragraph (N 17)."""
    actor = request_actor(request)
    dispute = dispute_for(actor, pk)
    return render(request, "enquiries/dispute.html", _dispute_context(actor, dispute))


@login_required
@require_POST
def dispute_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one step of the dispute; a refusal is shown with its citations (N 17, D 6.8)."""
    actor = request_actor(request)
    dispute = dispute_for(actor, pk)
    if action not in STEPS:
        raise Http404("No such step")
    form = STEPS[action].form(request.POST, prefix=action)
    if form.is_valid():
        try:
            STEPS[action].call(actor, dispute, form.cleaned_data)
        except AccordError as error:
            context = _dispute_context(actor, dispute_for(actor, pk), accord_error=error)
            return render(request, "enquiries/dispute.html", context, status=400)
        messages.success(request, STEPS[action].done)
        return redirect("enquiries:dispute", pk=pk)
    context = _dispute_context(actor, dispute, step_forms={action: form}, invalid_action=action)
    return render(request, "enquiries/dispute.html", context, status=400)
