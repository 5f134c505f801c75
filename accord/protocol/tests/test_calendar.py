"""The working-day rule of D 6.3, table by table: each nation's bank holidays, substitute days, day zero."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from accord.protocol.calendar import WorkingCalendar

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
pytestmark = pytest.mark.cites("D 6.3")


def at(text: str, tz: dt.tzinfo = LONDON) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=tz)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


CASES = [
    # (why, nation, received, working days, day zero, due)
    ("Christmas 2025", "england", at("2025-12-19T10:00"), 5, "2025-12-19", "2025-12-30"),
    ("Christmas 2025", "wales", at("2025-12-19T10:00"), 5, "2025-12-19", "2025-12-30"),
    ("Christmas 2025", "scotland", at("2025-12-19T10:00"), 5, "2025-12-19", "2025-12-30"),
    ("Christmas 2025", "northern-ireland", at("2025-12-19T10:00"), 5, "2025-12-19", "2025-12-30"),
    ("New Year 2026", "england", at("2025-12-29T09:00"), 5, "2025-12-29", "2026-01-06"),
    ("New Year 2026", "wales", at("2025-12-29T09:00"), 5, "2025-12-29", "2026-01-06"),
    ("New Year 2026: 2 January", "scotland", at("2025-12-29T09:00"), 5, "2025-12-29", "2026-01-07"),
    ("New Year 2026", "northern-ireland", at("2025-12-29T09:00"), 5, "2025-12-29", "2026-01-06"),
    ("Easter 2025", "england", at("2025-04-17T10:00"), 1, "2025-04-17", "2025-04-22"),
    ("Easter 2025", "wales", at("2025-04-17T10:00"), 1, "2025-04-17", "2025-04-22"),
    (
        "Easter 2025: Monday worked",
        "scotland",
        at("2025-04-17T10:00"),
        1,
        "2025-04-17",
        "2025-04-21",
    ),
    ("Easter 2025", "northern-ireland", at("2025-04-17T10:00"), 1, "2025-04-17", "2025-04-22"),
    (
        "Christmas 2021 at a weekend",
        "england",
        at("2021-12-24T10:00"),
        1,
        "2021-12-24",
        "2021-12-29",
    ),
    (
        "Christmas 2022 on a Sunday",
        "england",
        at("2022-12-23T10:00"),
        1,
        "2022-12-23",
        "2022-12-28",
    ),
    (
        "St Andrew's Day 2025 moved",
        "scotland",
        at("2025-11-28T10:00"),
        1,
        "2025-11-28",
        "2025-12-02",
    ),
    (
        "St Andrew's Day is Scottish",
        "england",
        at("2025-11-28T10:00"),
        1,
        "2025-11-28",
        "2025-12-01",
    ),
    (
        "St Patrick's Day 2024 moved",
        "northern-ireland",
        at("2024-03-15T10:00"),
        1,
        "2024-03-15",
        "2024-03-19",
    ),
    (
        "St Patrick's Day is NI only",
        "england",
        at("2024-03-15T10:00"),
        1,
        "2024-03-15",
        "2024-03-18",
    ),
    (
        "12 July 2026 moved",
        "northern-ireland",
        at("2026-07-10T10:00"),
        1,
        "2026-07-10",
        "2026-07-14",
    ),
    ("12 July is NI only", "wales", at("2026-07-10T10:00"), 1, "2026-07-10", "2026-07-13"),
    ("received on a Saturday", "england", at("2025-06-07T10:00"), 5, "2025-06-09", "2025-06-16"),
    (
        "received on a bank holiday",
        "england",
        at("2025-05-26T09:00"),
        5,
        "2025-05-27",
        "2025-06-03",
    ),
    (
        "23:30 UTC in summer is tomorrow",
        "england",
        at("2025-06-05T23:30", UTC),
        5,
        "2025-06-06",
        "2025-06-13",
    ),
    (
        "Friday 23:30 UTC in summer is Saturday",
        "england",
        at("2025-06-06T23:30", UTC),
        5,
        "2025-06-09",
        "2025-06-16",
    ),
    (
        "23:30 UTC in winter is the same day",
        "england",
        at("2025-01-10T23:30", UTC),
        1,
        "2025-01-10",
        "2025-01-13",
    ),
    (
        "0 days: end of the day of receipt",
        "england",
        at("2025-06-04T10:00"),
        0,
        "2025-06-04",
        "2025-06-04",
    ),
    (
        "0 days on a Saturday: Monday",
        "england",
        at("2025-06-07T10:00"),
        0,
        "2025-06-09",
        "2025-06-09",
    ),
]


@pytest.mark.parametrize(("why", "nation", "received", "days", "day_zero", "due"), CASES)
def test_due_date(
    why: str, nation: str, received: dt.datetime, days: int, day_zero: str, due: str
) -> None:
    result = WorkingCalendar(nation).due(received, days)
    assert (result.day_zero, result.due) == (d(day_zero), d(due)), why


@pytest.mark.parametrize(("why", "nation", "received", "days", "day_zero", "due"), CASES)
def test_vectorised_due_dates_match(
    why: str, nation: str, received: dt.datetime, days: int, day_zero: str, due: str
) -> None:
    london = received.astimezone(LONDON).date()
    result = WorkingCalendar(nation).due_many(np.array([london], dtype="datetime64[D]"), days)
    assert result[0] == np.datetime64(due), why


def test_skipped_days_are_listed_with_reasons() -> None:
    result = WorkingCalendar("england").due(at("2021-12-24T10:00"), 1)
    assert [(s.date.isoformat(), s.reason) for s in result.skipped] == [
        ("2021-12-25", "Christmas Day"),
        ("2021-12-26", "Boxing Day"),
        ("2021-12-27", "Christmas Day (substitute day)"),
        ("2021-12-28", "Boxing Day (substitute day)"),
    ]


def test_skipped_days_include_a_non_working_day_of_receipt() -> None:
    result = WorkingCalendar("england").due(at("2025-06-07T10:00"), 5)
    assert [s.date.isoformat() for s in result.skipped] == [
        "2025-06-07",
        "2025-06-08",
        "2025-06-14",
        "2025-06-15",
    ]


def test_a_closure_day_is_not_a_working_day() -> None:
    closures = {
        d("2025-12-29"): "Christmas closure",
        d("2025-12-30"): "Christmas closure",
        d("2025-12-31"): "Christmas closure",
    }
    calendar = WorkingCalendar("england", closures)
    result = calendar.due(at("2025-12-19T10:00"), 5)
    assert result.due == d("2026-01-05")
    assert ("2025-12-30", "Christmas closure") in [
        (s.date.isoformat(), s.reason) for s in result.skipped
    ]
    vectorised = calendar.due_many(np.array(["2025-12-19"], dtype="datetime64[D]"), 5)
    assert vectorised[0] == np.datetime64("2026-01-05")


def test_reasons_use_the_holiday_names() -> None:
    calendar = WorkingCalendar("northern-ireland", {d("2026-08-03"): "Staff training day"})
    assert calendar.reason(d("2026-12-28")) == "Boxing Day (substitute day)"
    assert calendar.reason(d("2026-07-12")) == "Battle of the Boyne"
    assert calendar.reason(d("2026-08-03")) == "Staff training day"
    assert calendar.reason(d("2026-08-01")) == "Saturday"
    assert calendar.reason(d("2026-08-02")) == "Sunday"
    assert calendar.reason(d("2026-08-04")) is None
    assert calendar.is_working_day(d("2026-08-04"))
    assert not calendar.is_working_day(d("2026-08-03"))


def test_explanation_reads_as_the_working() -> None:
    lines = WorkingCalendar("england").due(at("2025-12-19T10:00"), 5).explain()
    assert lines[0] == "Received Friday 19 December 2025 at 10:00 (London time)."
    assert lines[1] == "Day zero is Friday 19 December 2025, the day of receipt."
    assert "Not counted: Thursday 25 December 2025, Christmas Day." in lines
    assert "Not counted: Saturday 20 December 2025, weekend." in lines
    assert lines[-1] == "Due by the end of Tuesday 30 December 2025: 5 working days after day zero."


def test_to_dict_shape() -> None:
    result = WorkingCalendar("england").due(at("2025-05-26T09:00"), 1)
    assert result.to_dict() == {
        "day_zero": "2025-05-27",
        "due": "2025-05-28",
        "skipped": [{"date": "2025-05-26", "reason": "Spring Bank Holiday"}],
    }


def test_overdue_from_midnight_after_the_due_date() -> None:
    result = WorkingCalendar("england").due(at("2025-06-04T10:00"), 1)
    assert not result.is_overdue(at("2025-06-05T23:59"))
    assert result.is_overdue(at("2025-06-06T00:00"))


@pytest.mark.parametrize(
    ("nation", "received", "days", "message"),
    [
        ("england", dt.datetime(2025, 6, 4, 10), 5, "has no timezone"),  # noqa: DTZ001
        ("england", at("2025-06-04T10:00"), -1, "cannot be negative"),
        ("england", at("2025-06-04T10:00"), True, "whole number"),
        ("atlantis", at("2025-06-04T10:00"), 5, "unknown nation 'atlantis'"),
    ],
)
def test_bad_input_is_refused_clearly(
    nation: str, received: dt.datetime, days: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        WorkingCalendar(nation).due(received, days)


def test_vectorised_refuses_negative_days() -> None:
    calendar = WorkingCalendar("wales")
    with pytest.raises(ValueError, match="negative"):
        calendar.due_many(np.array(["2025-06-04"], dtype="datetime64[D]"), np.array([-1]))
