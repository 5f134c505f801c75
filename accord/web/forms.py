"""Forms for the site. Error messages follow the GOV.UK Design System's wording ("Enter ...")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms

from accord.core.clock import LONDON

MAX_WORKING_DAYS = 260
_TIME_RE = re.compile(r"^(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)$")


def _whole(label: str, noun: str, least: int, most: int) -> forms.IntegerField:
    """A whole-number field whose every error names the field, never a bare "Enter a whole number"."""
    between = f"{noun[0].upper()}{noun[1:]} must be between {least} and {most}"
    return forms.IntegerField(
        label=label,
        min_value=least,
        max_value=most,
        error_messages={
            "required": f"Enter {noun}",
            "invalid": f"Enter {noun} as a whole number",
            "min_value": between,
            "max_value": between,
        },
    )


class DueDateForm(forms.Form):
    """When is a request received on a given day and time due, in N working days (D 6.3)?"""

    received_day = _whole("Day", "the day the request was received", 1, 31)
    received_month = _whole("Month", "the month the request was received", 1, 12)
    received_year = _whole("Year", "the year the request was received", 1970, 2099)
    received_time = forms.CharField(label="Time received", required=False, max_length=5)
    working_days = _whole("Working days", "the number of working days", 0, MAX_WORKING_DAYS)

    def clean_received_time(self) -> dt.time:
        value = (self.cleaned_data.get("received_time") or "").strip()
        if not value:
            return dt.time(9, 0)
        match = _TIME_RE.match(value)
        if match is None:
            raise forms.ValidationError("Enter the time received as hours and minutes, like 14:30")
        return dt.time(int(match["h"]), int(match["m"]))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, month, year = (
            data.get(k) for k in ("received_day", "received_month", "received_year")
        )
        if None not in (day, month, year):
            try:
                data["received_date"] = dt.date(year, month, day)  # type: ignore[arg-type]
            except ValueError:
                self.add_error("received_day", "Enter a real date")
        return data

    def received(self) -> dt.datetime:
        """The aware London datetime of receipt; call after `is_valid()`."""
        return dt.datetime.combine(
            self.cleaned_data["received_date"], self.cleaned_data["received_time"], tzinfo=LONDON
        )
