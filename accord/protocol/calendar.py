"""The one working-day calculator behind every deadline in Accord (D 6.3: "within five working days of receipt").

The rule, applied everywhere:

* The received datetime is converted to Europe/London; its London date is the date of receipt.
* The day of receipt is day 0. A request received on a non-working day is treated as received on the next
  working day, and that day is day 0.
* The deadline is the END of the Nth working day after day 0 (N = 0 means the end of day 0).
* Non-working days are Saturdays, Sundays, the nation's bank holidays (with substitute days) and the
  council's own closure days.

England and Wales share a bank-holiday list; Scotland adds 2 January and St Andrew's Day (and has no Easter
Monday); Northern Ireland adds St Patrick's Day and the Battle of the Boyne (12 July). The lists come from the
`holidays` package; closure days are data held per council.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import numpy as np
import numpy.typing as npt

LONDON = ZoneInfo("Europe/London")
NATIONS: dict[str, str] = {
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}
FIRST_DATE = dt.date(1970, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)
_WEEKEND = {5: "Saturday", 6: "Sunday"}


def _nice(d: dt.date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


@cache
def bank_holidays(nation: str) -> Mapping[dt.date, str]:
    """Every bank holiday of the nation from 1970 to 2100, substitute days named as such."""
    subdiv = _subdiv(nation)
    source = holidays.UnitedKingdom(subdiv=subdiv, years=range(FIRST_DATE.year, LAST_DATE.year + 1))
    return {
        day: name.replace(" (observed)", " (substitute day)")
        for day, name in sorted(source.items())
    }


def _subdiv(nation: str) -> str:
    try:
        return NATIONS[nation]
    except KeyError:
        known = ", ".join(NATIONS)
        raise ValueError(f"unknown nation {nation!r}: expected one of {known}") from None


def london_date(received: dt.datetime) -> dt.date:
    """The date in Europe/London of an aware datetime; a naive datetime is refused."""
    if not isinstance(received, dt.datetime):
        raise ValueError(f"received must be a datetime, not {type(received).__name__}")
    if received.tzinfo is None or received.utcoffset() is None:
        raise ValueError(
            f"received datetime {received.isoformat()} has no timezone; pass an aware datetime"
        )
    return received.astimezone(LONDON).date()


@dataclass(frozen=True)
class SkippedDay:
    date: dt.date
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "reason": self.reason}


@dataclass(frozen=True)
class DueDate:
    """A computed deadline with its working: day zero, the due date and every day not counted."""

    received: dt.datetime
    day_zero: dt.date
    due: dt.date
    working_days: int
    skipped: tuple[SkippedDay, ...]

    @property
    def ends_at(self) -> dt.datetime:
        """The moment the deadline passes: midnight in London at the end of the due date."""
        return dt.datetime.combine(self.due + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON)

    def is_overdue(self, at: dt.datetime) -> bool:
        if at.tzinfo is None:
            raise ValueError("is_overdue() takes a timezone-aware datetime")
        return at >= self.ends_at

    def to_dict(self) -> dict[str, Any]:
        return {
            "day_zero": self.day_zero.isoformat(),
            "due": self.due.isoformat(),
            "skipped": [s.to_dict() for s in self.skipped],
        }

    def explain(self) -> list[str]:
        """The working, one line each, in words a Member or officer can check by hand."""
        received = self.received.astimezone(LONDON)
        received_on = received.date()
        lines = [f"Received {_nice(received_on)} at {received:%H:%M} (London time)."]
        if self.day_zero == received_on:
            lines.append(f"Day zero is {_nice(self.day_zero)}, the day of receipt.")
        else:
            lines.append(f"Day zero is {_nice(self.day_zero)}, the next working day after receipt.")
        for s in self.skipped:
            why = "weekend" if s.reason == _WEEKEND.get(s.date.weekday()) else s.reason
            lines.append(f"Not counted: {_nice(s.date)}, {why}.")
        days = "working day" if self.working_days == 1 else "working days"
        lines.append(
            f"Due by the end of {_nice(self.due)}: {self.working_days} {days} after day zero."
        )
        return lines


class WorkingCalendar:
    """A nation's working days less a council's closure days (a mapping of date to reason)."""

    def __init__(self, nation: str, closure_days: Mapping[dt.date, str] | None = None) -> None:
        _subdiv(nation)
        self.nation = nation
        self.closure_days: dict[dt.date, str] = {}
        for day, reason in (closure_days or {}).items():
            if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
                raise ValueError(f"closure day {day!r} must be a date")
            self.closure_days[day] = reason or "Council closure day"
        self._bank = bank_holidays(nation)

    @cached_property
    def _busdaycal(self) -> np.busdaycalendar:
        """numpy's calendar for the vectorised path, built on first use (one date at a time needs none)."""
        extra = [d for d in self.closure_days if FIRST_DATE <= d <= LAST_DATE]
        days = np.array(sorted({*self._bank, *extra}), dtype="datetime64[D]")
        return np.busdaycalendar(weekmask="1111100", holidays=days)

    def __repr__(self) -> str:
        return f"WorkingCalendar({self.nation!r}, closure_days={len(self.closure_days)})"

    @staticmethod
    def _check_range(d: dt.date) -> None:
        if not FIRST_DATE <= d <= LAST_DATE:
            raise ValueError(
                f"{d.isoformat()} is outside the calendar's range "
                f"({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})"
            )

    def reason(self, d: dt.date) -> str | None:
        """Why `d` is not a working day (bank holiday, closure, weekend), or None if it is one."""
        self._check_range(d)
        if d in self._bank:
            return self._bank[d]
        if d in self.closure_days:
            return self.closure_days[d]
        return _WEEKEND.get(d.weekday())

    def fingerprint(self) -> str:
        """A hex digest of every non-working day but weekends (bank holidays and closure days, dates only).

        Two calendars with the same fingerprint give every deadline the same due date; a new value (a
        closure day added, or new bank holidays in an upgraded `holidays` package) means open cases must
        be re-dated (D 6.3).
        """
        days = sorted({*self._bank, *self.closure_days})
        return hashlib.sha256(
            f"{self.nation}:{','.join(d.isoformat() for d in days)}".encode()
        ).hexdigest()

    def is_working_day(self, d: dt.date) -> bool:
        return self.reason(d) is None

    def due(self, received: dt.datetime, working_days: int) -> DueDate:
        """The deadline `working_days` working days after receipt, by the day-zero rule above (D 6.3)."""
        _check_days(working_days)
        day = london_date(received)
        skipped: list[SkippedDay] = []
        while (why := self.reason(day)) is not None:
            skipped.append(SkippedDay(day, why))
            day += dt.timedelta(days=1)
        day_zero = day
        counted = 0
        while counted < working_days:
            day += dt.timedelta(days=1)
            why = self.reason(day)
            if why is None:
                counted += 1
            else:
                skipped.append(SkippedDay(day, why))
        return DueDate(
            received=received,
            day_zero=day_zero,
            due=day,
            working_days=working_days,
            skipped=tuple(skipped),
        )

    def due_many(
        self,
        received_dates: npt.ArrayLike,
        working_days: int | npt.ArrayLike,
    ) -> npt.NDArray[np.datetime64]:
        """`due()` for many London dates of receipt at once: roll forward to day zero, then offset."""
        dates = np.asarray(received_dates, dtype="datetime64[D]")
        days = np.asarray(working_days)
        if days.dtype.kind not in "iu":
            raise ValueError("working_days must be an integer or an array of integers")
        if days.size and int(days.min()) < 0:
            raise ValueError("working_days cannot be negative")
        if dates.size == 0:
            return dates.copy()
        low, high = np.datetime64(FIRST_DATE, "D"), np.datetime64(LAST_DATE, "D")
        if dates.min() < low or dates.max() > high:
            raise ValueError(
                f"dates must lie between {FIRST_DATE.isoformat()} and {LAST_DATE.isoformat()}"
            )
        result = np.busday_offset(dates, days, roll="forward", busdaycal=self._busdaycal)
        if result.max() > high:
            raise ValueError(f"a due date falls after {LAST_DATE.isoformat()}")
        return result


def _check_days(working_days: int) -> None:
    if isinstance(working_days, bool) or not isinstance(working_days, int):
        raise ValueError(f"working_days must be a whole number, not {working_days!r}")
    if working_days < 0:
        raise ValueError(f"working_days cannot be negative (got {working_days})")
