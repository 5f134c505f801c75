"""The glue between a council and the working-day calendar: its nation's bank holidays and its closure days.

D 6.3 counts "working days"; a council's closure days (e.g. between Christmas and New Year) are not working days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from accord.councils.kept import CouncilKept
from accord.councils.models import Council
from accord.protocol import Citation
from accord.protocol.calendar import WorkingCalendar, bank_holidays


@dataclass(frozen=True)
class NonWorkingDay:
    date: dt.date
    reason: str
    kind: str  # "bank holiday" or "closure day"


def _calendar_build(council: Council) -> WorkingCalendar:
    closure_days = {day.date: day.reason for day in council.closure_days.all()}
    return WorkingCalendar(council.nation, closure_days)


_CALENDARS = CouncilKept(_calendar_build)

CalendarChanged = Callable[..., int]
_CALENDAR_CHANGED: list[CalendarChanged] = []


def calendar_changed_register(handler: CalendarChanged) -> CalendarChanged:
    """A capability registers what its open cases do when a council's calendar changes (D 6.3: closure days
    added or removed re-date open cases). `handler(actor=..., council=...)` returns how many cases moved.
    The council model knows no capability: each registers itself from its `AppConfig.ready`."""
    if handler not in _CALENDAR_CHANGED:
        _CALENDAR_CHANGED.append(handler)
    return handler


def council_calendar_changed(*, actor: Any, council: Council) -> int:
    """Tell every registered capability that the council's calendar changed, in the caller's transaction;
    returns how many open cases moved in all. Errors are the handlers' own (AccordError)."""
    return sum(handler(actor=actor, council=council) for handler in _CALENDAR_CHANGED)


@dataclass(frozen=True)
class CaseDeadline:
    """The working days a capability's new case has at a council, and the paragraphs behind the number."""

    working_days: int
    citations: Sequence[Citation]


CaseDeadlineOf = Callable[[Council], CaseDeadline | None]
_CASE_DEADLINES: list[CaseDeadlineOf] = []


def case_deadline_register(deadline_of: CaseDeadlineOf) -> CaseDeadlineOf:
    """A capability registers the deadline of its new cases at a council (`None` where it has none), for
    the calendar page to pre-fill (enquiries: D 6.3, N 16). Registered from its `AppConfig.ready`."""
    if deadline_of not in _CASE_DEADLINES:
        _CASE_DEADLINES.append(deadline_of)
    return deadline_of


def council_case_deadline(council: Council) -> CaseDeadline | None:
    """The first registered capability's deadline at the council, or None when none gives one."""
    for deadline_of in _CASE_DEADLINES:
        deadline = deadline_of(council)
        if deadline is not None:
            return deadline
    return None


def calendar_for(council: Council) -> WorkingCalendar:
    """The council's working-day calendar (kept in the process until its closure days change)."""
    return _CALENDARS.get(council)


def council_non_working_day_list(
    council: Council, *, start: dt.date, end: dt.date
) -> list[NonWorkingDay]:
    """Bank holidays of the council's nation and its closure days between `start` and `end`, by date."""
    days = [
        NonWorkingDay(date=day, reason=name, kind="bank holiday")
        for day, name in bank_holidays(council.nation).items()
        if start <= day <= end
    ]
    days += [
        NonWorkingDay(date=c.date, reason=c.reason, kind="closure day")
        for c in council.closure_days.filter(date__gte=start, date__lte=end)
    ]
    return sorted(days, key=lambda d: (d.date, d.kind))
