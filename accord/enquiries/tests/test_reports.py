"""The KPI report on a small known dataset: the numbers a reader would check by hand (D 6.3)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.councils.tests.factories import CouncilFactory, ServiceFactory
from accord.enquiries.models import Enquiry
from accord.enquiries.reports import default_period, enquiry_kpi_report, kpi_csv_rows
from accord.enquiries.tests.factories import (
    AnsweredEnquiryFactory,
    AssignedEnquiryFactory,
    CategoryFactory,
)

NOW = dt.datetime(2026, 3, 18, 12, 0, tzinfo=clock.LONDON)


def _answered(category, *, on_time: bool, days: int, at: dt.datetime, chasers: int = 0):  # type: ignore[no-untyped-def]
    return AnsweredEnquiryFactory(
        council=category.council,
        category=category,
        answered_at=at,
        received_at=at - dt.timedelta(days=7),
        answered_on_time=on_time,
        working_days_to_answer=days,
        chaser_count=chasers,
    )


@pytest.fixture
def dataset(db: None):  # type: ignore[no-untyped-def]
    """Waste: 3 on time (2, 3, 4 working days), 1 late (9); Planning: 1 on time; one overdue now."""
    council = CouncilFactory(slug="kpi", name="KPI District Council")
    waste = CategoryFactory(
        council=council, name="Bins", service=ServiceFactory(council=council, name="Waste")
    )
    planning = CategoryFactory(
        council=council,
        name="Applications",
        service=ServiceFactory(council=council, name="Planning"),
    )
    feb = dt.datetime(2026, 2, 10, 10, 0, tzinfo=clock.LONDON)
    mar = dt.datetime(2026, 3, 10, 10, 0, tzinfo=clock.LONDON)
    with clock.frozen(NOW):
        _answered(waste, on_time=True, days=2, at=feb)
        _answered(waste, on_time=True, days=3, at=feb, chasers=1)
        _answered(waste, on_time=True, days=4, at=mar)
        _answered(waste, on_time=False, days=9, at=mar, chasers=2)
        _answered(planning, on_time=True, days=1, at=mar)
        AssignedEnquiryFactory(
            council=council, category=planning, due_date=dt.date(2026, 3, 16), chaser_count=1
        )
        AssignedEnquiryFactory(council=council, category=planning, due_date=dt.date(2026, 3, 25))
        other = CouncilFactory(slug="elsewhere")
        _answered(CategoryFactory(council=other), on_time=False, days=20, at=mar)
    return council


def test_default_period_is_twelve_months_to_today() -> None:
    assert default_period(dt.date(2026, 3, 18)) == (dt.date(2025, 4, 1), dt.date(2026, 3, 18))
    assert default_period(dt.date(2026, 12, 5)) == (dt.date(2026, 1, 1), dt.date(2026, 12, 5))


@pytest.mark.cites("D 6.3")
def test_share_on_time_by_service(dataset) -> None:  # type: ignore[no-untyped-def]
    with clock.frozen(NOW):
        report = enquiry_kpi_report(councils=[dataset])
    waste = next(r for r in report.by_service if r.label == "Waste")
    assert (waste.answered, waste.on_time, waste.share) == (4, 3, 75.0)
    assert waste.median_days == 3.5
    assert waste.chasers == 3
    planning = next(r for r in report.by_service if r.label == "Planning")
    assert (planning.answered, planning.share, planning.open_now, planning.overdue_now) == (
        1,
        100.0,
        2,
        1,
    )
    assert report.total.answered == 5  # the other council's case is not counted
    assert report.total.share == 80.0
    assert report.total.median_days == 3
    assert report.total.overdue_now == 1
    assert report.total.chasers == 4


def test_by_month(dataset) -> None:  # type: ignore[no-untyped-def]
    with clock.frozen(NOW):
        report = enquiry_kpi_report(councils=[dataset])
    assert [(r.label, r.answered, r.share) for r in report.by_month] == [
        ("February 2026", 2, 100.0),
        ("March 2026", 3, 66.7),
    ]


def test_all_councils_break_down_by_council(dataset) -> None:  # type: ignore[no-untyped-def]
    with clock.frozen(NOW):
        report = enquiry_kpi_report()
    assert report.total.answered == 6
    assert {r.label: r.answered for r in report.by_council} == {
        "KPI District Council": 5,
        **{r.label: 1 for r in report.by_council if r.label != "KPI District Council"},
    }
    assert len(report.by_council) == 2


def test_csv_rows(dataset) -> None:  # type: ignore[no-untyped-def]
    with clock.frozen(NOW):
        rows = kpi_csv_rows(enquiry_kpi_report(councils=[dataset]))
    assert rows[0][:5] == [
        "breakdown",
        "label",
        "answered",
        "answered_on_time",
        "share_on_time_percent",
    ]
    assert ["service", "Waste", "4", "3", "75.0", "3.5", "0", "0", "3"] in rows


@pytest.mark.parametrize(
    "values", [[1], [1, 2], [3, 1, 2], [0, 0, 5, 9], [4, 4, 4, 7, 8, 8], [2, 9, 9, 9, 10, 11, 30]]
)
def test_histogram_median_is_the_median(values: list[int]) -> None:
    import statistics
    from collections import Counter

    from accord.enquiries.reports import histogram_median

    assert histogram_median(dict(Counter(values))) == statistics.median(values)
    assert histogram_median({}) is None


def test_bench_refuses_a_database_other_than_postgresql(db: None) -> None:
    from django.core.management import CommandError, call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("the refusal is for other databases")
    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("bench", "enquiries", "--councils", "1", "--enquiries", "10")


@pytest.mark.django_db
def test_an_answer_late_on_the_last_evening_of_a_summer_month_counts_in_that_month() -> None:
    """23:30 on 30 June in London is 22:30 UTC: June, not July, by the London month the case records."""
    category = CategoryFactory.create()
    late = dt.datetime(2026, 6, 30, 23, 30, tzinfo=clock.LONDON)
    first = dt.datetime(2026, 7, 1, 0, 30, tzinfo=clock.LONDON)  # 23:30 UTC on 30 June
    with clock.frozen(dt.datetime(2026, 7, 20, 12, 0, tzinfo=clock.LONDON)):
        _answered(category, on_time=True, days=1, at=late)
        _answered(category, on_time=True, days=1, at=first)
        report = enquiry_kpi_report(councils=[category.council])
    assert [(r.label, r.answered) for r in report.by_month] == [
        ("June 2026", 1),
        ("July 2026", 1),
    ]


@pytest.mark.django_db
def test_the_answered_month_follows_the_answer_on_every_save() -> None:
    enquiry = AnsweredEnquiryFactory.create(
        received_at=dt.datetime(2026, 3, 20, 10, 0, tzinfo=clock.LONDON),
        answered_at=dt.datetime(2026, 3, 31, 23, 30, tzinfo=clock.LONDON),
    )
    assert enquiry.answered_month == dt.date(2026, 3, 1)
    enquiry.answered_at = dt.datetime(2026, 4, 2, 9, 0, tzinfo=clock.LONDON)
    enquiry.save(update_fields=["answered_at"])
    enquiry.refresh_from_db()
    assert enquiry.answered_month == dt.date(2026, 4, 1)
    enquiry.answered_at, enquiry.state = None, Enquiry.State.ASSIGNED  # reopened
    enquiry.save(update_fields=["answered_at", "state"])
    enquiry.refresh_from_db()
    assert enquiry.answered_month is None
