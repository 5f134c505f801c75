"""The range every date taken as input must lie in: one project-wide bound, so no date can overflow.

A filter date such as 9999-12-31 used to overflow when a day was added to it (`OverflowError`, a 500);
no council's enquiry, deadline or report lies outside these years.
"""

from __future__ import annotations

import datetime as dt

DATE_MIN = dt.date(2000, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
DATE_RANGE_WORDS = f"between {DATE_MIN:%-d %B %Y} and {DATE_MAX:%-d %B %Y}"


def date_problem(value: dt.date) -> str | None:
    """Why `value` cannot be taken as input (outside DATE_MIN..DATE_MAX), or None."""
    if DATE_MIN <= value <= DATE_MAX:
        return None
    return f"must be {DATE_RANGE_WORDS}"


def moment_problem(value: dt.datetime) -> str | None:
    """Why the date-time `value` cannot be taken as input, or None: it must carry its time zone (an
    aware datetime) and its date, in its own offset, must lie DATE_MIN..DATE_MAX (so converting it to
    London time cannot overflow)."""
    if value.tzinfo is None or value.utcoffset() is None:
        return "must give its time zone, like 2026-03-02T09:30:00+00:00"
    return date_problem(value.date())
