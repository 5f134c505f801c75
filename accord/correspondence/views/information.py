"""Information requests (D 8.3): log one with its statutory deadline, see what Accord holds for it, export
the bundle and record the answer. Democratic services and the Monitoring Officer only; anyone else gets
a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.correspondence import rules, services
from accord.correspondence.access import handles_information_requests
from accord.correspondence.forms import InformationRequestForm, TextForm
from accord.correspondence.models import InformationRequest
from accord.correspondence.services._common import profile_of
from accord.correspondence.services.information import incomplete_note, statutory_citation
from accord.councils.models import Council
from accord.securitylog.services import Kind, security_log_record
from accord.web.views.common import council_context, request_actor


def _handler(request: HttpRequest) -> tuple[Actor, Council]:
    actor = request_actor(request)
    council = actor.user.council if actor.user is not None else None
    if council is None or not handles_information_requests(actor):
        raise Http404("Page not found")
    return actor, council


def _request_for(actor: Actor, council: Council, pk: int) -> InformationRequest:
    found = InformationRequest.objects.filter(council=council, pk=pk).first()
    if found is None:
        raise Http404("Information request not found")
    return found


def _answer_form(data: object = None) -> TextForm:
    return TextForm(
        data, label="The response sent to the requester", max_length=8000, prefix="answer"
    )


@login_required
def information_list(request: HttpRequest) -> HttpResponse:
    _actor, council = _handler(request)
    requests = InformationRequest.objects.filter(council=council).order_by("state", "due_date")
    citations = rules.citations_of(profile_of(council), rules.FREEDOM_OF_INFORMATION)
    return render(
        request,
        "correspondence/information_list.html",
        council_context(council, requests=requests[:200], citations=citations),
    )


@login_required
def information_new(request: HttpRequest) -> HttpResponse:
    """Log a request; its statutory deadline is worked out by the council's calendar."""
    actor, council = _handler(request)
    form = InformationRequestForm(request.POST or None)
    accord_error = None
    if request.method == "POST" and form.is_valid():
        try:
            info = services.information_request_log(
                actor=actor, council=council, **form.cleaned_data
            )
        except AccordError as error:
            accord_error = error
        else:
            messages.success(
                request, f"{info.reference} is logged, due by {info.due_date:%-d %B %Y}."
            )
            return redirect("correspondence:information-detail", pk=info.pk)
    context = council_context(
        council,
        form=form,
        accord_error=accord_error,
        statutes=[rules.FOIA_S10, rules.GDPR_ART12],
    )
    return render(
        request,
        "correspondence/information_new.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


def _detail(
    request: HttpRequest, actor: Actor, info: InformationRequest, **extra: object
) -> HttpResponse:
    hits = services.information_request_hits(actor, info)
    context = council_context(
        info.council,
        info=info,
        period=f"{info.date_from:%-d %B %Y} to {info.date_to:%-d %B %Y}",
        hits=hits,
        flagged=sum(1 for h in hits if h.confidential),
        incomplete=[incomplete_note(kind) for kind in hits.incomplete],
        statute=statutory_citation(info.regime),
        events=info.events.select_related("actor").order_by("seq"),
        answer_form=extra.pop("answer_form", None) or _answer_form(),
        **extra,
    )
    return render(
        request, "correspondence/information_detail.html", context, status=400 if extra else 200
    )


@login_required
def information_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor, council = _handler(request)
    return _detail(request, actor, _request_for(actor, council, pk))


@login_required
@require_POST
def information_answer(request: HttpRequest, pk: int) -> HttpResponse:
    actor, council = _handler(request)
    info = _request_for(actor, council, pk)
    form = _answer_form(request.POST)
    if not form.is_valid():
        return _detail(request, actor, info, answer_form=form, invalid=True)
    try:
        services.information_request_answer(
            actor=actor, info=info, response=form.cleaned_data["text"]
        )
    except AccordError as error:
        return _detail(request, actor, info, accord_error=error)
    messages.success(request, "The answer is recorded.")
    return redirect("correspondence:information-detail", pk=pk)


@login_required
def information_bundle_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The bundle (a ZIP of HTML records and `index.csv`), as the person downloading may see it."""
    actor, council = _handler(request)
    info = _request_for(actor, council, pk)
    data = services.information_bundle(actor, info)
    security_log_record(
        kind=Kind.EXPORT,
        description=f"Information request bundle {info.reference} downloaded.",
        user=actor.user,
        request=request,
        council_id=council.pk,
    )
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{info.reference}.zip"'
    return response
