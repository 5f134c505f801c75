"""The KPI report's period: from one month to another, bounded, given as YYYY-MM on the page and the CSV."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from django import forms

from accord.core import clock
from accord.enquiries.reports import default_period

MAX_MONTHS = 36
EARLIEST_YEAR = 2000
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _month(value: str) -> dt.date | None:
    match = MONTH.match(value.strip())
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12) or year < EARLIEST_YEAR:
        return None
    return dt.date(year, month, 1)


class MonthField(forms.CharField):
    """A month as YYYY-MM (from 2000), cleaned to its first day."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=7, required=False, **kwargs)

    def clean(self, value: Any) -> dt.date | None:
        text = super().clean(value)
        if not text:
            return None
        month = _month(text)
        if month is None:
            raise forms.ValidationError(
                f"Enter {self.label.lower() if self.label else 'the month'} as a year and month "
                f"from {EARLIEST_YEAR}, like 2026-01"
            )
        return month


class KpiPeriodForm(forms.Form):
    """From and to months (inclusive), at most 36 months, not after this month; blank is the last twelve."""

    from_month = MonthField(label="From month", help_text="For example, 2025-04")
    to_month = MonthField(label="To month", help_text="For example, 2026-03")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        this_month = clock.today().replace(day=1)
        start, end = data.get("from_month"), data.get("to_month")
        if end is not None and end > this_month:
            self.add_error("to_month", "The to month must not be after this month")
        elif start is not None and start > (end or this_month):
            self.add_error("from_month", "The from month must be on or before the to month")
        elif start is not None and _months_in(start, end or this_month) > MAX_MONTHS:
            self.add_error("from_month", f"Choose a period of at most {MAX_MONTHS} months")
        return data

    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the period; the last twelve months when blank or invalid."""
        default_start, today = default_period()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("from_month") or default_start
        end_month = data.get("to_month")
        if end_month is None:
            return (start, today) if start <= today else (default_start, today)
        last = end_month.replace(day=calendar.monthrange(end_month.year, end_month.month)[1])
        return start, min(last, today)

    def query(self) -> str:
        """The period as the query string of the page and its CSV link (empty when not given)."""
        if not self.is_valid():
            return ""
        parts = [
            f"{name}={self.cleaned_data[name]:%Y-%m}"
            for name in ("from_month", "to_month")
            if self.cleaned_data.get(name)
        ]
        return "&".join(parts)


def _months_in(start: dt.date, end: dt.date) -> int:
    """How many months from `start`'s to `end`'s, both counted."""
    return (end.year - start.year) * 12 + end.month - start.month + 1
