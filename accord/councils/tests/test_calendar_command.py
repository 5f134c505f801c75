"""`accord calendar due`: the D 6.3 working-day deadline from the command line, with its working."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accord.councils.models import ClosureDay, Council, Nation

pytestmark = pytest.mark.cites("D 6.3")


def run(*args: str) -> str:
    out = StringIO()
    call_command("calendar", "due", *args, stdout=out)
    return out.getvalue()


def test_json_is_one_object_with_the_working() -> None:
    out = run("--nation", "england", "--from", "2025-12-19T10:00", "--working-days", "5", "--json")
    data = json.loads(out)
    assert set(data) == {"day_zero", "due", "skipped"}
    assert data["day_zero"] == "2025-12-19"
    assert data["due"] == "2025-12-30"
    assert {"date": "2025-12-25", "reason": "Christmas Day"} in data["skipped"]
    assert all(set(s) == {"date", "reason"} for s in data["skipped"])


def test_text_names_the_due_date_and_each_day_not_counted() -> None:
    out = run("--nation", "scotland", "--from", "2025-11-28T10:00", "--working-days", "1")
    assert out.splitlines()[0] == "Due: 2025-12-02 (end of Tuesday 2 December 2025)"
    assert "Saint Andrew's Day (substitute day)" in out
    assert "Day zero is Friday 28 November 2025" in out


def test_a_naive_time_is_london_time() -> None:
    out = run("--nation", "england", "--from", "2025-06-06T00:30", "--working-days", "0", "--json")
    assert json.loads(out)["due"] == "2025-06-06"
    utc = run(
        "--nation", "england", "--from", "2025-06-05T23:30+00:00", "--working-days", "0", "--json"
    )
    assert json.loads(utc)["due"] == "2025-06-06"


@pytest.mark.django_db
def test_a_council_brings_its_nation_and_closure_days() -> None:
    council = Council.objects.create(
        slug="belfastish", name="Belfastish", nation=Nation.NORTHERN_IRELAND, profile="district"
    )
    ClosureDay.objects.create(council=council, date=dt.date(2026, 7, 14), reason="Summer closure")
    out = run(
        "--council", "belfastish", "--from", "2026-07-10T10:00", "--working-days", "1", "--json"
    )
    data = json.loads(out)
    assert data["due"] == "2026-07-15"
    assert {"date": "2026-07-13", "reason": "Battle of the Boyne (substitute day)"} in data[
        "skipped"
    ]
    assert {"date": "2026-07-14", "reason": "Summer closure"} in data["skipped"]


@pytest.mark.django_db
def test_an_unknown_council_is_named() -> None:
    with pytest.raises(CommandError, match="no council with slug 'nowhere'"):
        run("--council", "nowhere", "--from", "2025-12-19T10:00", "--working-days", "5")


def test_a_bad_date_is_named() -> None:
    with pytest.raises(CommandError, match="--from '19/12/2025' is not an ISO date"):
        run("--nation", "england", "--from", "19/12/2025", "--working-days", "5")


def test_negative_days_are_refused() -> None:
    with pytest.raises(CommandError, match="cannot be negative"):
        run("--nation", "england", "--from", "2025-12-19T10:00", "--working-days", "-1")
