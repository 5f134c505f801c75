"""The enquiries KPI page: the share answered within the deadline (D 6.3), a chart and the data beside it."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from accord.core import clock
from accord.core.csv import csv_response
from accord.enquiries.report_forms import KpiPeriodForm
from accord.enquiries.reports import COMPARATORS, KpiRow, enquiry_kpi_report, kpi_csv_rows
from accord.protocol.deadlines import RESPONSE_DEADLINE
from accord.web.views.common import council_context, council_profile, request_council


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label and the share answered on time, a percentage (0-100)."""

    label: str
    share: float


def chart_bars(rows: list[KpiRow]) -> list[Bar]:
    """The rows that have a share to draw (a row with nothing answered yet has none)."""
    return [Bar(label=row.label, share=row.share) for row in rows if row.share is not None]


@login_required
def enquiry_report(request: HttpRequest, slug: str) -> HttpResponse:
    """Any of the council's people may see how it performs: the figures hold no personal data."""
    council = request_council(request, slug)
    form = KpiPeriodForm(request.GET or None)
    start, end = form.period()
    report = enquiry_kpi_report(councils=[council], start=start, end=end)
    profile = council_profile(council)
    rule = profile.rules.get(RESPONSE_DEADLINE) if profile is not None else None
    context = council_context(
        council,
        report=report,
        citations=rule.citations if rule is not None else (),
        comparators=COMPARATORS,
        service_bars=chart_bars(report.by_service),
        month_bars=chart_bars(report.by_month),
        today=clock.today(),
        form=form,
        query=form.query(),
    )
    return render(request, "enquiries/report.html", context, status=400 if form.errors else 200)


@login_required
def enquiry_report_csv(request: HttpRequest, slug: str) -> HttpResponse | StreamingHttpResponse:
    """The KPI figures as CSV for the period asked; a bad period is a 400 naming each field and what is
    wrong with it (plain text, one "field: message" a line), never a silently different period."""
    council = request_council(request, slug)
    form = KpiPeriodForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        lines = [
            f"{field}: {message}" for field, messages in form.errors.items() for message in messages
        ]
        return HttpResponse(
            "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    start, end = form.period()
    report = enquiry_kpi_report(councils=[council], start=start, end=end)
    return csv_response(kpi_csv_rows(report), f"{council.slug}-enquiries-kpi-{report.end}.csv")
