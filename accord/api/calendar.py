"""Due dates by the one working-day calendar (D 6.3), for a council or for a nation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from accord.api.auth import api_actor
from accord.api.inputs import Slug, input_error
from accord.api.schemas import DueOut
from accord.core.access import council_for
from accord.core.clock import LONDON
from accord.core.dates import DATE_RANGE_WORDS, date_problem
from accord.councils.calendars import calendar_for
from accord.protocol import DueDate, ProfileError, WorkingCalendar, load_profile
from accord.protocol.deadlines import RESPONSE_DEADLINE

router = Router(tags=["calendar"])
MAX_WORKING_DAYS = 260
RECEIVED_WORDS = f"ISO 8601 date or datetime of receipt, {DATE_RANGE_WORDS}."


def parse_received(value: str) -> dt.datetime:
    """An ISO 8601 date or datetime; without an offset it is London time, a bare date is its start.

    A value that is not one, or lies outside the project's date range, is a 422 for `from`."""
    try:
        received = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise input_error(
            "query", "from", f"{value!r} is not an ISO 8601 date or datetime, like 2025-12-19T10:00"
        ) from None
    problem = date_problem(received.date())
    if problem is not None:
        raise input_error("query", "from", problem)
    if received.tzinfo is None:
        received = received.replace(tzinfo=LONDON)
    return received


def _answer(due: DueDate, citations: list[dict[str, str]]) -> dict[str, Any]:
    return {**due.to_dict(), "working_days": due.working_days, "citations": citations}


def _due(calendar: WorkingCalendar, received: str, working_days: int) -> DueDate:
    try:
        return calendar.due(parse_received(received), working_days)
    except ValueError as exc:
        raise input_error("query", "from", str(exc)) from None


@router.get("/councils/{slug}/calendar/due", response=DueOut)
def council_due(
    request: HttpRequest,
    slug: Slug,
    received: str = Query(..., alias="from", description=RECEIVED_WORDS),
    working_days: int = Query(..., ge=0, le=MAX_WORKING_DAYS),
) -> dict[str, Any]:
    """When a request received at `from` is due, `working_days` working days later, at this council."""
    council = council_for(api_actor(request), slug)
    due = _due(calendar_for(council), received, working_days)
    citations: list[dict[str, str]] = []
    try:
        profile = load_profile(council.profile)
    except ProfileError:
        profile = None
    if profile is not None and RESPONSE_DEADLINE in profile.rules:
        citations = [c.to_dict() for c in profile.rule(RESPONSE_DEADLINE).citations]
    return _answer(due, citations)


@router.get("/calendar/due", response=DueOut)
def nation_due(
    request: HttpRequest,
    nation: str = Query(..., description="england, wales, scotland or northern-ireland."),
    received: str = Query(..., alias="from", description=RECEIVED_WORDS),
    working_days: int = Query(..., ge=0, le=MAX_WORKING_DAYS),
) -> dict[str, Any]:
    """The same calculation with a nation's bank holidays only (no council closure days)."""
    try:
        calendar = WorkingCalendar(nation)
    except ValueError as exc:
        raise input_error("query", "nation", str(exc)) from None
    return _answer(_due(calendar, received, working_days), [])
