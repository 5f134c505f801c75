"""The security and access log pages: read (filtered, 50 a page) and export as CSV, one council's only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from accord.core import clock
from accord.core.access import Actor
from accord.core.csv import csv_response
from accord.councils.models import Council
from accord.securitylog.forms import LogFilterForm
from accord.securitylog.models import SecurityLogEntry
from accord.securitylog.selectors import security_log_csv_rows, security_log_for
from accord.securitylog.services import Kind, security_log_record
from accord.web.views.common import council_context, request_actor, request_council

PAGE_SIZE = 50


def _filtered(
    request: HttpRequest, slug: str
) -> tuple[Council, Actor, LogFilterForm, QuerySet[SecurityLogEntry]]:
    council = request_council(request, slug)
    actor = request_actor(request)
    form = LogFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    return council, actor, form, security_log_for(actor, council, filters=form.filters())


@login_required
def security_log(request: HttpRequest, slug: str) -> HttpResponse:
    """Democratic services and the Monitoring Officer: the council's log, newest first."""
    council, _, form, entries = _filtered(request, slug)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = council_context(council, form=form, page=page, query=query.urlencode())
    return render(request, "securitylog/log.html", context)


@login_required
def security_log_export(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """The filtered log as CSV; the export is itself logged (it holds who did what, from where)."""
    council, actor, _, entries = _filtered(request, slug)
    security_log_record(
        kind=Kind.EXPORT,
        description="Security log exported as CSV.",
        user=actor.user,
        request=request,
        council_id=council.pk,
        filters=request.GET.urlencode(),
    )
    return csv_response(
        security_log_csv_rows(entries), f"{council.slug}-security-log-{clock.today():%Y-%m-%d}.csv"
    )
