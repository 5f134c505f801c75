"""The KPI by service and month, and a bounded period on the page and in the CSV (D 6.3)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.enquiries.reports import enquiry_kpi_report, kpi_csv_rows
from accord.enquiries.tests.test_reports import NOW, dataset  # noqa: F401 (the fixture)


@pytest.mark.cites("D 6.3")
def test_service_by_month_gives_each_services_share_in_each_month(dataset) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with clock.frozen(NOW):
        report = enquiry_kpi_report(councils=[dataset])
    assert report.months[-3:] == [dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)]
    table = {s.label: s.months[-3:] for s in report.by_service_month}
    jan, feb, mar = table["Waste"]
    assert jan is None
    assert (feb.answered, feb.on_time, feb.share) == (2, 2, 100.0)  # type: ignore[union-attr]
    assert (mar.answered, mar.on_time, mar.share) == (2, 1, 50.0)  # type: ignore[union-attr]
    assert [r and r.share for r in table["Planning"]] == [None, None, 100.0]
    rows = [r for r in kpi_csv_rows(report) if r[0] == "service-month"]
    assert [r[1] for r in rows] == [
        "Planning: March 2026",
        "Waste: February 2026",
        "Waste: March 2026",
    ]
    assert rows[2][:5] == ["service-month", "Waste: March 2026", "2", "1", "50.0"]


@pytest.mark.cites("D 6.3")
def test_the_period_narrows_the_page_and_the_csv(dataset) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from accord.accounts.models import User

    user = User.objects.create(username="kpi-reader", council=dataset)
    client = Client()
    client.force_login(user)
    with clock.frozen(NOW):
        page = client.get(
            reverse("enquiries:report", args=[dataset.slug]),
            {"from_month": "2026-02", "to_month": "2026-02"},
        )
        body = page.content.decode()
        assert page.status_code == 200
        assert "1 February 2026 and 28 February 2026" in body
        assert "from_month=2026-02&amp;to_month=2026-02" in body  # the CSV link keeps the period
        exported = client.get(
            reverse("enquiries:report-csv", args=[dataset.slug]),
            {"from_month": "2026-02", "to_month": "2026-02"},
        )
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))  # type: ignore[attr-defined]
    total = next(r for r in rows if r[0] == "total")
    assert total[2:4] == ["2", "2"]  # only February's two Waste answers
    assert not [r for r in rows if r[0] == "service-month" and "March" in r[1]]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from_month": "2026-13"}, "Enter from month as a year and month"),
        ({"to_month": "2026-04"}, "must not be after this month"),
        ({"from_month": "2026-03", "to_month": "2026-01"}, "on or before the to month"),
        ({"from_month": "2020-01"}, "at most 36 months"),
        ({"to_month": "1999-12"}, "Enter to month as a year and month from 2000"),
    ],
)
def test_a_bad_period_is_refused_naming_the_field(dataset, query, message) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from accord.accounts.models import User

    client = Client()
    client.force_login(User.objects.create(username="kpi-reader", council=dataset))
    with clock.frozen(NOW):
        page = client.get(reverse("enquiries:report", args=[dataset.slug]), query)
        exported = client.get(reverse("enquiries:report-csv", args=[dataset.slug]), query)
    assert page.status_code == 400
    assert message in page.content.decode()
    # The CSV refuses the same period, naming the field, rather than exporting another one.
    assert exported.status_code == 400
    text = exported.content.decode()
    assert message in text and f"{next(iter(query))}: " in text
