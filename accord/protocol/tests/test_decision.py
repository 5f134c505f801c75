"""Decisions carry their citations into every message and API answer."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from accord.protocol import Decision, Outcome, WorkingCalendar, load_profile


def test_refusal_summary_names_the_paragraph() -> None:
    norfolk = load_profile("norfolk")
    decision = Decision.refused("only a Chief Officer is invited", [norfolk.cite("19(e)")])
    assert decision.outcome is Outcome.REFUSED
    assert decision.summary() == "Refused under para 19(e): only a Chief Officer is invited"
    assert str(decision) == decision.summary()


def test_summary_with_several_or_no_citations() -> None:
    district = load_profile("district")
    both = Decision.needs_action("reply", [district.cite("6.3"), district.cite("3.1(e)")])
    assert both.summary() == "Action needed under paras 6.3, 3.1(e): reply"
    assert Decision.allowed("fine").summary() == "Allowed: fine"


def test_to_dict_is_json_with_citations_and_due_date() -> None:
    district = load_profile("district")
    due = WorkingCalendar("england").due(
        dt.datetime(2025, 12, 19, 10, tzinfo=ZoneInfo("Europe/London")), 5
    )
    decision = Decision.needs_action(
        "respond", [district.cite("6.3")], due=due, route_to="head-of-service", action="respond"
    )
    data = json.loads(json.dumps(decision.to_dict()))
    assert data["outcome"] == "needs-action"
    assert data["citations"][0] == {
        "label": "D 6.3",
        "paragraph": "6.3",
        "text": district.paragraph("6.3").text,
        "profile": "district",
    }
    assert data["due"]["due"] == "2025-12-30"
    assert data["route_to"] == "head-of-service"
