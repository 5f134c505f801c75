"""The council calendar's pre-election periods (D 10.4): everyone of the council sees them; democratic
services add one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accord.core import clock
from accord.core.errors import AccordError
from accord.correspondence import rules
from accord.correspondence.forms import PeriodForm
from accord.correspondence.models import PreElectionPeriod
from accord.correspondence.services import pre_election_period_add
from accord.correspondence.services._common import period_on, profile_of
from accord.web.views.common import council_context, request_actor, request_council


@login_required
def period_list(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    council = request_council(request, slug)
    may_add = actor.is_democratic_services and actor.council_id == council.pk
    form = PeriodForm(request.POST or None, council=council) if may_add else None
    accord_error = None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            period = pre_election_period_add(actor=actor, council=council, **form.cleaned_data)
        except AccordError as error:
            accord_error = error
        else:
            messages.success(request, f"The pre-election period is added: {period}.")
            return redirect("correspondence:periods", slug=council.slug)
    context = council_context(
        council,
        periods=PreElectionPeriod.objects.filter(council=council).prefetch_related("standing"),
        current=period_on(council, clock.today()),
        citations=rules.citations_of(profile_of(council), rules.PRE_ELECTION),
        form=form,
        accord_error=accord_error,
    )
    status = 400 if request.method == "POST" and form is not None else 200
    return render(request, "correspondence/periods.html", context, status=status)
