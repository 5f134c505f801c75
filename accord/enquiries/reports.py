"""The enquiries KPI: the share answered within the deadline (D 6.3), by service and by month.

Everything is aggregated in the database from the figures stored when a case is answered
(`answered_on_time`, `working_days_to_answer`), so the report stays fast at millions of cases. Working days
to answer are small whole numbers, so the database returns a histogram and the exact median (the same as
PostgreSQL's `percentile_cont(0.5)`) is read from it for every breakdown at once, on any database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Sum

from accord.core import clock
from accord.councils.models import Council, Service
from accord.enquiries.models import Enquiry
from accord.enquiries.selectors import overdue_q

# Published figures shown beside the report as context, not as targets Accord sets.
COMPARATORS = (
    "The London Borough of Hillingdon answered 85% of Members' enquiries within 10 working days "
    "in 2022-23.",
    "The London Borough of Haringey answered 93% of Members' enquiries on time, against a target of 95%.",
)


@dataclass
class KpiRow:
    """One line of the report: answered (and how many on time), the median, and the open picture now."""

    key: Any
    label: str
    answered: int = 0
    on_time: int = 0
    median_days: float | None = None
    open_now: int = 0
    overdue_now: int = 0
    chasers: int = 0

    @property
    def share(self) -> float | None:
        """The share answered on time, as a percentage to one decimal place (None when nothing answered)."""
        if not self.answered:
            return None
        return round(100 * self.on_time / self.answered, 1)

    @property
    def late(self) -> int:
        return self.answered - self.on_time

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "answered": self.answered,
            "answered_on_time": self.on_time,
            "share_on_time": self.share,
            "median_working_days": self.median_days,
            "open_now": self.open_now,
            "overdue_now": self.overdue_now,
            "chasers": self.chasers,
        }


@dataclass
class ServiceMonths:
    """One service's line of the service x month table: a row per month of the period (None: none answered)."""

    label: str
    months: list[KpiRow | None]


@dataclass
class KpiReport:
    start: dt.date
    end: dt.date
    total: KpiRow
    by_service: list[KpiRow] = field(default_factory=list)
    by_month: list[KpiRow] = field(default_factory=list)
    by_council: list[KpiRow] = field(default_factory=list)
    months: list[dt.date] = field(default_factory=list)
    by_service_month: list[ServiceMonths] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "total": self.total.to_dict(),
            "by_service": [r.to_dict() for r in self.by_service],
            "by_month": [{"month": r.key.isoformat(), **r.to_dict()} for r in self.by_month],
            "by_council": [r.to_dict() for r in self.by_council],
            "by_service_month": [
                {"service": s.label, "month": r.key.isoformat(), **r.to_dict()}
                for s in self.by_service_month
                for r in s.months
                if r is not None
            ],
        }


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of each month from `start`'s to `end`'s, in order."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last twelve months: from the first day of the month eleven months ago to today."""
    today = today or clock.today()
    month = today.month - 11
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1), today


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return (
        dt.datetime.combine(start, dt.time(0), tzinfo=clock.LONDON),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=clock.LONDON),
    )


def histogram_median(counts: dict[int, int]) -> float | None:
    """The median of values given as {value: how many}, as `percentile_cont(0.5)` would give it."""
    total = sum(counts.values())
    if not total:
        return None
    low_rank, high_rank = (total - 1) // 2, total // 2
    seen, low, high = 0, None, None
    for value in sorted(counts):
        seen += counts[value]
        if low is None and seen > low_rank:
            low = value
        if seen > high_rank:
            high = value
            break
    assert low is not None and high is not None
    return (low + high) / 2


@dataclass
class _Tally:
    """Answered cases of one breakdown line: counts, chasers and the working-days histogram."""

    answered: int = 0
    on_time: int = 0
    chasers: int = 0
    days: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, *, n: int, on_time: bool, days: int | None, chasers: int) -> None:
        self.answered += n
        self.on_time += n if on_time else 0
        self.chasers += chasers
        if days is not None:
            self.days[days] += n

    def fill(self, row: KpiRow) -> KpiRow:
        row.answered, row.on_time = self.answered, self.on_time
        row.chasers += self.chasers
        median = histogram_median(self.days)
        row.median_days = None if median is None else round(median, 1)
        return row


def enquiry_kpi_report(
    *,
    councils: Iterable[Council] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> KpiReport:
    """The KPI of one council, several, or all (`councils=None`), for cases answered between two dates.

    Two queries whatever the size: the answered cases grouped by (council, service, month, working days,
    on time), a histogram small enough to hold every breakdown and its exact median; and the open cases by
    service. Open and overdue counts (and their chasers) are as of now, whatever the period.
    """
    default_start, default_end = default_period()
    start, end = start or default_start, end or default_end
    low, high = _bounds(start, end)
    base = Enquiry.objects.all()
    council_list = list(councils) if councils is not None else None
    if council_list is not None:
        base = base.filter(council_id__in=[c.pk for c in council_list])
    show_council = council_list is None or len(council_list) > 1

    total = _Tally()
    by_service: dict[int, _Tally] = defaultdict(_Tally)
    by_month: dict[dt.date, _Tally] = defaultdict(_Tally)
    by_council: dict[int, _Tally] = defaultdict(_Tally)
    by_service_month: dict[tuple[int, dt.date], _Tally] = defaultdict(_Tally)
    answered = (
        # The month bounds let the index find the rows; the exact period is the `answered_at` test.
        base.filter(
            answered_month__gte=start.replace(day=1),
            answered_month__lte=end.replace(day=1),
            answered_at__gte=low,
            answered_at__lt=high,
        )
        # In the order of the `enquiry_answered_kpi` index (migration 0004), so rows arrive grouped.
        .values(
            "council_id",
            "answered_month",
            "service_id",
            "working_days_to_answer",
            "answered_on_time",
        )
        .annotate(n=Count("*"), chasers=Sum("chaser_count"))
        .order_by()
    )
    for r in answered:
        month = r["answered_month"]
        kw = {
            "n": r["n"],
            "on_time": bool(r["answered_on_time"]),
            "days": r["working_days_to_answer"],
            "chasers": r["chasers"] or 0,
        }
        for tally in (
            total,
            by_service[r["service_id"]],
            by_month[month],
            by_council[r["council_id"]],
            by_service_month[(r["service_id"], month)],
        ):
            tally.add(**kw)

    open_rows = list(
        base.filter(state__in=Enquiry.OPEN_STATES)
        .values("council_id", "service_id")
        .annotate(
            open=Count("id"), overdue=Count("id", filter=overdue_q()), chasers=Sum("chaser_count")
        )
        .order_by()
    )
    open_by: dict[str, dict[Any, dict[str, int]]] = {
        "service": defaultdict(lambda: defaultdict(int)),
        "council": defaultdict(lambda: defaultdict(int)),
    }
    open_total: dict[str, int] = defaultdict(int)
    for r in open_rows:
        for bucket in (
            open_total,
            open_by["service"][r["service_id"]],
            open_by["council"][r["council_id"]],
        ):
            bucket["open"] += r["open"]
            bucket["overdue"] += r["overdue"]
            bucket["chasers"] += r["chasers"] or 0

    def line(key: Any, label: str, tally: _Tally | None, open_: dict[str, int] | None) -> KpiRow:
        row = KpiRow(key=key, label=label)
        if tally is not None:
            tally.fill(row)
        if open_:
            row.open_now, row.overdue_now = open_["open"], open_["overdue"]
            row.chasers += open_["chasers"]
        return row

    ids = set(by_service) | set(open_by["service"])
    services = Service.objects.filter(pk__in=ids).select_related("council")
    service_rows = [
        line(
            s.pk,
            f"{s.name} ({s.council.name})" if show_council else s.name,
            by_service.get(s.pk),
            open_by["service"].get(s.pk),
        )
        for s in services
    ]
    council_rows: list[KpiRow] = []
    if show_council:
        cids = set(by_council) | set(open_by["council"])
        council_rows = [
            line(c.pk, c.name, by_council.get(c.pk), open_by["council"].get(c.pk))
            for c in Council.objects.filter(pk__in=cids).order_by("name")
        ]
    months = months_between(start, end)
    service_months = [
        ServiceMonths(
            row.label,
            [
                line(m, f"{m:%B %Y}", by_service_month[(row.key, m)], None)
                if (row.key, m) in by_service_month
                else None
                for m in months
            ],
        )
        for row in sorted(service_rows, key=lambda r: r.label)
        if row.key in by_service
    ]
    return KpiReport(
        start=start,
        end=end,
        months=months,
        by_service_month=service_months,
        total=line(None, "All services", total, open_total),
        by_service=sorted(service_rows, key=lambda r: r.label),
        by_month=[line(m, f"{m:%B %Y}", by_month[m], None) for m in sorted(by_month)],
        by_council=council_rows,
    )


def kpi_csv_rows(report: KpiReport) -> list[list[str]]:
    """The report as CSV rows: one section per breakdown, each row labelled."""
    header = [
        "breakdown",
        "label",
        "answered",
        "answered_on_time",
        "share_on_time_percent",
        "median_working_days",
        "open_now",
        "overdue_now",
        "chasers",
    ]
    rows = [header]

    def line(kind: str, r: KpiRow) -> list[str]:
        return [
            kind,
            r.label,
            str(r.answered),
            str(r.on_time),
            "" if r.share is None else f"{r.share:.1f}",
            "" if r.median_days is None else f"{r.median_days:g}",
            str(r.open_now),
            str(r.overdue_now),
            str(r.chasers),
        ]

    rows.append(line("total", report.total))
    rows += [line("service", r) for r in report.by_service]
    rows += [line("month", r) for r in report.by_month]
    rows += [line("council", r) for r in report.by_council]
    for service in report.by_service_month:
        for r in service.months:
            if r is not None:
                rows.append(
                    line(
                        "service-month", dataclasses.replace(r, label=f"{service.label}: {r.label}")
                    )
                )
    return rows
