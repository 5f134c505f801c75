"""Lists of enquiries: a Member's own, an officer's queue, a service's queue, and the council's (D 6.2, D 6.3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from accord.core import clock
from accord.core.access import (
    Actor,
    is_member,
    is_monitoring_officer,
    is_officer,
    is_platform_admin,
    predicate,
    require,
)
from accord.core.csv import csv_response
from accord.enquiries import rules, selectors
from accord.enquiries.access import sees_whole_council
from accord.enquiries.forms import EnquiryFilterForm, SearchForm
from accord.enquiries.search import enquiry_search
from accord.securitylog.services import Kind, security_log_record
from accord.web.views.common import (
    council_context,
    council_profile,
    request_actor,
    request_council,
)

# Chief Officers, the Monitoring Officer and democratic services see every enquiry of their council; only
# democratic services, who keep the council's records, get constituents' details in the export.
can_see_all = predicate(sees_whole_council) | is_platform_admin


def page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _searched(request: HttpRequest, qs: Any) -> tuple[Any, dict[str, Any]]:
    """`qs` narrowed by the page's search box, and the context the box and the paging need."""
    form = SearchForm(request.GET)
    form.is_valid()
    text = form.text()
    query = urlencode({"q": text}) if text else ""
    return enquiry_search(qs, text), {"search_form": form, "query": query, "searched": text}


@login_required
def enquiry_mine(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    require(actor, is_member)
    assert actor.member is not None
    qs, search = _searched(request, selectors.enquiry_list_for_member(actor.member))
    page = selectors.page_of(qs, number=page_number(request))
    return render(request, "enquiries/mine.html", {"page": page, **search})


def _queue(request: HttpRequest, *, scope: str) -> HttpResponse:
    actor = request_actor(request)
    require(actor, is_officer)
    officer = actor.officer
    assert officer is not None
    citations: list[Any] = []
    if scope == "monitoring-officer":
        require(actor, is_monitoring_officer)
        qs = selectors.enquiry_queue_for_monitoring_officer(officer.council)
        heading = "Monitoring Officer: enquiries routed to you"
        caption = "Enquiries routed to the Monitoring Officer, oldest first"
        profile = council_profile(officer.council)
        citations = (
            rules.citations_of(profile, rules.EMPLOYMENT_MATTERS) if profile is not None else []
        )
    elif scope == "service" and officer.service is not None:
        qs = selectors.enquiry_queue_for_service(officer.service)
        heading = f"{officer.service.name}: service queue"
        caption = f"Open enquiries for {officer.service.name}, earliest due first"
    else:
        qs = selectors.enquiry_queue_for_officer(officer)
        heading, caption = "My queue", "Open enquiries assigned to you, earliest due first"
    overdue = qs.filter(selectors.overdue_q()).count()
    qs, search = _searched(request, qs)
    context = {
        "page": selectors.page_of(qs, number=page_number(request)),
        "overdue": overdue,
        "heading": heading,
        "caption": caption,
        "scope": scope,
        "service": officer.service,
        "citations": citations,
        "is_monitoring_officer": is_monitoring_officer(actor),
        **search,
    }
    return render(request, "enquiries/queue.html", context)


@login_required
def enquiry_queue(request: HttpRequest) -> HttpResponse:
    return _queue(request, scope="mine")


@login_required
def enquiry_service_queue(request: HttpRequest) -> HttpResponse:
    return _queue(request, scope="service")


@login_required
def enquiry_monitoring_officer_queue(request: HttpRequest) -> HttpResponse:
    """The cases routed to the Monitoring Officer (D 4.2, D 2.4): theirs alone to answer."""
    return _queue(request, scope="monitoring-officer")


def _filtered(request: HttpRequest, slug: str) -> tuple[Actor, Any, EnquiryFilterForm]:
    council = request_council(request, slug)
    actor = request_actor(request)
    require(actor, can_see_all)
    form = EnquiryFilterForm(request.GET or None, council=council)
    if form.is_bound:
        form.is_valid()
    return actor, council, form


@login_required
def enquiry_all(request: HttpRequest, slug: str) -> HttpResponse:
    """Democratic services: every enquiry of the council, filtered, 50 a page."""
    actor, council, form = _filtered(request, slug)
    filters = form.filters()
    qs = selectors.enquiry_list_for_council(council, filters=filters)
    context = council_context(
        council,
        form=form,
        page=selectors.page_of(qs, number=page_number(request)),
        query=urlencode(filters.query_items()),
        with_personal_data=actor.is_democratic_services,
        actor_logs=actor.is_democratic_services,
        # The platform administrator sees the list, but a case page only opens for the council's own people.
        plain_references=actor.council_id != council.pk,
    )
    return render(request, "enquiries/all.html", context)


@login_required
def enquiry_export(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """The filtered list as CSV (D 8.3). Constituents' details only for democratic services."""
    actor, council, form = _filtered(request, slug)
    personal = actor.is_democratic_services
    qs = selectors.enquiry_list_for_council(council, filters=form.filters())
    security_log_record(
        kind=Kind.EXPORT,
        description="Enquiries exported as CSV"
        + (" with constituents' details." if personal else "."),
        user=actor.user,
        request=request,
        council_id=council.pk,
        filters=request.GET.urlencode(),
        with_personal_data=personal,
    )

    def rows() -> Iterator[list[str]]:
        yield selectors.enquiry_csv_header(with_personal_data=personal)
        yield from selectors.enquiry_csv_rows(qs, with_personal_data=personal)

    return csv_response(rows(), f"{council.slug}-enquiries-{clock.today():%Y-%m-%d}.csv")
