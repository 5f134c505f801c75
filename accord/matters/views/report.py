"""The council's informed-in-time report (D 5.2, N 20): a page with a chart and its table, and the CSV."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from accord.core.access import request_actor
from accord.core.csv import csv_response
from accord.matters.selectors import REPORT_HEADER, informed_in_time_report, report_csv_rows
from accord.web.views.common import council_context, request_council


def _chart(rows: list[tuple[dt.date, int, int, int]]) -> list[dict[str, object]]:
    """Bars per month as percentages of the widest month (the table beside it gives the numbers)."""
    widest = max((a + b + c for _, a, b, c in rows), default=0) or 1
    return [
        {
            "month": month,
            "in_time": in_time,
            "late": late,
            "missing": missing,
            "in_time_pc": round(100 * in_time / widest),
            "late_pc": round(100 * late / widest),
            "missing_pc": round(100 * missing / widest),
        }
        for month, in_time, late, missing in rows
    ]


@login_required
def matter_report(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    council = request_council(request, slug)
    report = informed_in_time_report(actor, council)
    return render(
        request,
        "matters/report.html",
        council_context(
            council, report=report, chart=_chart(report.by_month), header=REPORT_HEADER
        ),
    )


@login_required
def matter_report_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    actor = request_actor(request)
    council = request_council(request, slug)
    report = informed_in_time_report(actor, council)
    return csv_response(report_csv_rows(report), f"{council.slug}-informed-in-time.csv")
