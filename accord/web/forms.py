"""Forms for the site. Error messages follow the GOV.UK Design System's wording ("Enter ...")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms

from accord.core.clock import LONDON

MAX_WORKING_DAYS = 260
_TIME_RE = re.compile(r"^(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)$")


class DueDateForm(forms.Form):
    """When is a request received on a given day and time due, in N working days (D 6.3)?"""

    received_day = forms.IntegerField(
        label="Day", min_value=1, max_value=31, error_messages={"required": "Enter the day"}
    )
    received_month = forms.IntegerField(
        label="Month", min_value=1, max_value=12, error_messages={"required": "Enter the month"}
    )
    received_year = forms.IntegerField(
        label="Year",
        min_value=1970,
        max_value=2099,
        error_messages={"required": "Enter the year"},
    )
    received_time = forms.CharField(label="Time received", required=False, max_length=5)
    working_days = forms.IntegerField(
        label="Working days",
        min_value=0,
        max_value=MAX_WORKING_DAYS,
        error_messages={"required": "Enter the number of working days"},
    )

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
