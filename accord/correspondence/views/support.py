"""The Members' ICT User Agreement (D 9): a Member reads and accepts the version in force; democratic
services upload a new version. Support requests for Council business only (D 9)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accord.core.errors import AccordError
from accord.correspondence import rules
from accord.correspondence.forms import AgreementForm, SupportDecideForm, SupportForm
from accord.correspondence.models import IctAcceptance, SupportRequest
from accord.correspondence.services import support
from accord.correspondence.services._common import profile_of
from accord.councils.models import Council
from accord.web.views.common import council_context, request_actor


def _council(request: HttpRequest) -> Council:
    actor = request_actor(request)
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


@login_required
def ict_agreement(request: HttpRequest) -> HttpResponse:
    """The version in force: a Member accepts it; democratic services upload a new one."""
    actor = request_actor(request)
    council = _council(request)
    current = support.ict_agreement_current(council.pk)
    accepted = (
        IctAcceptance.objects.filter(agreement=current, user=actor.user).first()
        if current is not None
        else None
    )
    upload = AgreementForm(request.POST or None) if actor.is_democratic_services else None
    accord_error = None
    if request.method == "POST":
        try:
            if "accept" in request.POST and current is not None:
                if request.POST["accept"] != str(current.pk):
                    raise AccordError(
                        f"Version {current.version} came into force while you were reading the "
                        "agreement: read this version, then accept it.",
                        citations=rules.citations_of(profile_of(council), rules.SUPPORT_SERVICES),
                    )
                support.ict_agreement_accept(actor=actor, agreement=current)
                messages.success(request, f"You have accepted version {current.version}.")
                return redirect("web:home")
            if upload is not None and upload.is_valid():
                published = support.ict_agreement_publish(
                    actor=actor, council=council, **upload.cleaned_data
                )
                messages.success(request, f"Version {published.version} is in force.")
                return redirect("correspondence:ict-agreement")
        except AccordError as error:
            accord_error = error
    context = council_context(
        council,
        current=current,
        accepted=accepted,
        is_member=actor.member is not None,
        form=upload,
        accord_error=accord_error,
        citations=rules.citations_of(profile_of(council), rules.SUPPORT_SERVICES),
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "correspondence/ict_agreement.html", context, status=status)


def _requests(request: HttpRequest) -> Any:
    actor = request_actor(request)
    qs = SupportRequest.objects.filter(council_id=actor.council_id or 0).select_related("member")
    if actor.is_democratic_services:
        return qs
    if actor.member is not None:
        return qs.filter(member=actor.member)
    return qs.none()


@login_required
def support_list(request: HttpRequest) -> HttpResponse:
    """A Member's own support requests and the form to ask; every request for democratic services, who
    provide or decline them."""
    actor = request_actor(request)
    council = _council(request)
    form = SupportForm(request.POST or None) if actor.member is not None else None
    accord_error = None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            made = support.support_request_make(actor=actor, council=council, **form.cleaned_data)
        except AccordError as error:
            accord_error = error
            if error.field:
                form.add_error(error.field, error.message)
        else:
            messages.success(request, f"{made.reference} is asked for.")
            return redirect("correspondence:support")
    context = council_context(
        council,
        requests=_requests(request)[:200],
        form=form,
        decide=actor.is_democratic_services,
        decide_form=SupportDecideForm(),
        accord_error=accord_error,
        citations=rules.citations_of(profile_of(council), rules.SUPPORT_SERVICES),
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "correspondence/support.html", context, status=status)


@login_required
def support_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Democratic services provide or decline a request (POST); anyone else gets a 404."""
    actor = request_actor(request)
    if not actor.is_democratic_services or request.method != "POST":
        raise Http404("Page not found")
    found = _requests(request).filter(pk=pk).first()
    if found is None:
        raise Http404("Support request not found")
    form = SupportDecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose whether it is provided or declined.")
        return redirect("correspondence:support")
    try:
        support.support_request_decide(
            actor=actor,
            support=found,
            provide=form.cleaned_data["decision"] == "provide",
            note=form.cleaned_data["note"],
        )
    except AccordError as error:
        messages.error(request, error.message)
    return redirect("correspondence:support")
