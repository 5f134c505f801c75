"""The vectorised calendar gives exactly the answer of the one-at-a-time rule (D 6.3)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.protocol.calendar import NATIONS, WorkingCalendar

LONDON = ZoneInfo("Europe/London")


@pytest.mark.cites("D 6.3")
@settings(max_examples=150, deadline=None)
@given(
    nation=st.sampled_from(sorted(NATIONS)),
    received=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)),
    days=st.integers(min_value=0, max_value=60),
    closure_offsets=st.lists(st.integers(min_value=0, max_value=90), max_size=6),
)
def test_due_many_matches_due(
    nation: str, received: dt.date, days: int, closure_offsets: list[int]
) -> None:
    closures = {received + dt.timedelta(days=n): "Closure" for n in closure_offsets}
    calendar = WorkingCalendar(nation, closures)
    one = calendar.due(dt.datetime.combine(received, dt.time(12), tzinfo=LONDON), days)
    many = calendar.due_many(np.array([received], dtype="datetime64[D]"), days)
    assert many[0] == np.datetime64(one.due)


@pytest.mark.cites("D 6.3")
@pytest.mark.parametrize("nation", sorted(NATIONS))
def test_due_many_matches_due_for_every_day_of_three_years(nation: str) -> None:
    calendar = WorkingCalendar(nation, {dt.date(2025, 12, 29): "Christmas closure"})
    start = dt.date(2024, 1, 1)
    dates = [start + dt.timedelta(days=n) for n in range(3 * 366)]
    days = np.arange(len(dates)) % 11
    many = calendar.due_many(np.array(dates, dtype="datetime64[D]"), days)
    expected = [
        calendar.due(dt.datetime.combine(day, dt.time(9), tzinfo=LONDON), int(n)).due
        for day, n in zip(dates, days, strict=True)
    ]
    assert many.tolist() == expected
