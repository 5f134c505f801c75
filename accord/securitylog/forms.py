"""The security log page's filters: bad input is named on the page, never a 500."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.securitylog.models import SecurityLogEntry
from accord.securitylog.selectors import LogFilters


class LogFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind"), *SecurityLogEntry.Kind.choices]
    )
    username = forms.CharField(label="User name", required=False, max_length=150)
    date_from = forms.DateField(label="From", required=False)
    date_to = forms.DateField(label="To", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("date_from", "date_to"):
            self.fields[name].error_messages["invalid"] = "Enter a real date, like 2026-01-31"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The last day must be on or after the first day")
        return data

    def filters(self) -> LogFilters:
        """The valid filters (call after `is_valid()`; invalid fields are left out)."""
        data = getattr(self, "cleaned_data", {})
        return LogFilters(
            kind=data.get("kind") or None,
            username=(data.get("username") or "").strip() or None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
