"""The glue between a council and the working-day calendar: its nation's bank holidays and its closure days.

D 6.3 counts "working days"; a council's closure days (e.g. between Christmas and New Year) are not working days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from accord.councils.kept import CouncilKept
from accord.councils.models import Council
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
