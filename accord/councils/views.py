"""The council model's pages: overview, wards or divisions, Members, officers and the working-day calendar.

Mounted by the site's wiring under the same URL names as before (`web:council`, `web:calendar`, ...)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.core import clock
from accord.councils import selectors
from accord.councils.boundaries import council_has_boundaries
from accord.councils.calendars import (
    calendar_for,
    council_case_deadline,
    council_non_working_day_list,
)
from accord.councils.forms import PlaceForm
from accord.councils.maps import area_map
from accord.web.forms import DueDateForm
from accord.web.views.common import council_context, council_profile, request_council

DEFAULT_WORKING_DAYS = 5


@login_required
def council_overview(request: HttpRequest, slug: str) -> HttpResponse:
    council = request_council(request, slug)
    context = council_context(
        council,
        profile=council_profile(council),
        counts=selectors.council_counts(council),
    )
    return render(request, "councils/overview.html", context)


@login_required
def council_areas(request: HttpRequest, slug: str) -> HttpResponse:
    """The wards or divisions with their Members and, when the council has boundaries, their map and
    "which areas does this place affect?" (D 5.3, N 21): the answer is marked on the map and listed."""
    council = request_council(request, slug)
    context: dict[str, Any] = council_context(council, areas=selectors.council_area_list(council))
    if council_has_boundaries(council):
        form = PlaceForm(request.GET if "place" in request.GET else None)
        found = form.lookup(council) if form.is_bound else None
        context.update(
            place_form=form,
            found=found,
            citations=found.citations if found else getattr(form, "citations", ()),
            area_map=area_map(
                council,
                marked=[a.pk for a in found.areas] if found else (),
                labels={a.pk: "affected by the place" for a in found.areas} if found else None,
            ),
        )
    status = 400 if context.get("place_form") is not None and context["place_form"].errors else 200
    return render(request, "councils/areas.html", context, status=status)


@login_required
def council_members(request: HttpRequest, slug: str) -> HttpResponse:
    council = request_council(request, slug)
    context = council_context(council, members=selectors.council_member_list(council))
    return render(request, "councils/members.html", context)


@login_required
def council_officers(request: HttpRequest, slug: str) -> HttpResponse:
    council = request_council(request, slug)
    context = council_context(council, officers=selectors.council_officer_list(council))
    return render(request, "councils/officers.html", context)


@login_required
def council_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """Non-working days of this year and next, and "when is a request received on … due?", pre-filled with
    the deadline a capability registered for the council's cases (enquiries: D 6.3, or the council's
    setting under N 16)."""
    council = request_council(request, slug)
    deadline = council_case_deadline(council)
    default_days = deadline.working_days if deadline is not None else DEFAULT_WORKING_DAYS
    today = clock.today()
    context: dict[str, Any] = council_context(
        council,
        today=today,
        non_working_days=council_non_working_day_list(
            council, start=dt.date(today.year, 1, 1), end=dt.date(today.year + 1, 12, 31)
        ),
        citations=deadline.citations if deadline is not None else (),
        default_working_days=default_days,
    )
    if "received_year" in request.GET or "working_days" in request.GET:
        form = DueDateForm(request.GET)
        if form.is_valid():
            due = calendar_for(council).due(form.received(), form.cleaned_data["working_days"])
            context["due"] = due
            context["explanation"] = due.explain()
    else:
        form = DueDateForm(
            initial={
                "received_day": today.day,
                "received_month": today.month,
                "received_year": today.year,
                "working_days": default_days,
            }
        )
    context["form"] = form
    return render(request, "councils/calendar.html", context)
