"""The informed-in-time report: Members informed after the matter started, or too close to it to contribute
(the profile's working days), or not at all, by service and month (D 5.2, N 20)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.core import clock
from accord.councils.calendars import calendar_for
from accord.councils.tests import factories as cf
from accord.matters.selectors import informed_in_time_report, informed_late

from .factories import Scene, at


@pytest.mark.cites("D 5.2")
@pytest.mark.parametrize(
    ("informed", "starts", "late"),
    [
        (
            at(2026, 11, 2),
            dt.date(2026, 11, 10),
            False,
        ),  # Mon to Tue next week: 5 working days between
        (at(2026, 11, 3), dt.date(2026, 11, 10), True),  # 4 working days between: too close
        (at(2026, 11, 10), dt.date(2026, 11, 10), True),  # the day it starts
        (at(2026, 11, 12), dt.date(2026, 11, 10), True),  # after it started
        # Christmas and New Year: 22 December leaves 5 working days (23, 24, 29, 30, 31); 23 December 4.
        (at(2026, 12, 22), dt.date(2027, 1, 4), False),
        (at(2026, 12, 23), dt.date(2027, 1, 4), True),
    ],
)
def test_late_is_counted_in_working_days(
    district: Scene, informed: dt.datetime, starts: dt.date, late: bool
) -> None:
    assert informed_late(calendar_for(district.council), informed, starts, 5) is late


@pytest.mark.cites("D 5.2", "D 5.3")
def test_the_report_by_service_and_month(district: Scene) -> None:
    with clock.frozen(at(2026, 11, 2)):
        district.record(title="In time", starts_on=dt.date(2026, 11, 20))
        district.record(title="Too close", starts_on=dt.date(2026, 11, 4), areas=[district.south])
    cf.MemberFactory(council=district.council, name="Nia New", areas=[district.north])
    actor = district.actor("dem")
    report = informed_in_time_report(actor, district.council)
    (row,) = report.rows
    assert (row.service, row.month) == ("Highways", dt.date(2026, 11, 1))
    assert row.matters == 2 and row.members == 4  # Ann, Bob and Nia (North); Cat (South)
    assert (row.in_time, row.late, row.not_informed) == (2, 1, 1)
    assert row.matters_late == 2
    assert [c.label for c in report.citations] == ["D 5.2", "D 5.3"]
    page = district.client("dem").get(f"/councils/{district.council.slug}/matters/report/")
    assert "Too close" in page.content.decode() and "accord-chart" in page.content.decode()
    csv = b"".join(
        district.client("dem")
        .get(f"/councils/{district.council.slug}/matters/report.csv")
        .streaming_content  # type: ignore[attr-defined]
    ).decode()
    assert csv.splitlines()[1] == "2026-11,Highways,2,2,4,2,1,1"


@pytest.mark.cites("N 20")
def test_norfolk_report_cites_n_20(norfolk: Scene) -> None:
    norfolk.record()
    report = informed_in_time_report(norfolk.actor("dem"), norfolk.council)
    assert [c.label for c in report.citations] == ["N 20"]
    assert report.rows[0].in_time == 2
