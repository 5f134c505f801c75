"""D 6.3's deadline read from the profile, not from code."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from accord.protocol import WorkingCalendar, load_profile
from accord.protocol.deadlines import RESPONSE_DEADLINE, response_due

LONDON = ZoneInfo("Europe/London")


@pytest.mark.cites("D 6.3", "D 3.1(e)")
def test_district_response_is_due_in_five_working_days() -> None:
    decision = response_due(
        load_profile("district"),
        WorkingCalendar("england"),
        dt.datetime(2025, 12, 19, 10, tzinfo=LONDON),
    )
    assert decision.due is not None
    assert decision.due.due == dt.date(2025, 12, 30)
    assert [c.label for c in decision.citations] == ["D 6.3", "D 3.1(e)"]
    assert decision.action == "substantive-response"
    assert "Tuesday 30 December 2025" in decision.message


@pytest.mark.cites("D 6.3")
def test_the_number_of_days_comes_from_the_profile() -> None:
    district = load_profile("district")
    rule = district.rule(RESPONSE_DEADLINE)
    revised = replace(
        district, rules={RESPONSE_DEADLINE: replace(rule, params={"working_days": 10})}
    )
    decision = response_due(
        revised, WorkingCalendar("england"), dt.datetime(2025, 6, 2, 9, tzinfo=LONDON)
    )
    assert decision.due is not None
    assert decision.due.due == dt.date(2025, 6, 16)


def test_norfolk_needs_the_council_setting() -> None:
    norfolk = load_profile("norfolk")
    received = dt.datetime(2025, 6, 2, 9, tzinfo=LONDON)
    with pytest.raises(ValueError, match="fixes no enquiry response deadline"):
        response_due(norfolk, WorkingCalendar("england"), received)
    decision = response_due(norfolk, WorkingCalendar("england"), received, working_days=10)
    assert decision.due is not None
    assert decision.due.due == dt.date(2025, 6, 16)
    assert decision.citations == ()
