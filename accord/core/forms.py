"""The input rules for web forms, the same as the API's (`accord.api.inputs`): a form that derives from
`InputRulesForm` refuses control characters in every text field (line breaks and tabs only in a text
area) and any date outside the project's range, each message naming the field's label."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from accord.core.dates import date_problem
from accord.core.text import TextValidator


class DateRangeValidator:
    """A Django validator: the date lies in the project's range (`accord.core.dates`)."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, value: dt.date) -> None:
        problem = date_problem(value)
        if problem is not None:
            raise ValidationError(f"{self.label} {problem}", code="date_range")


class InputRulesForm(forms.Form):
    """A form whose text and date fields keep the input rules; a field's own `max_length` still applies."""

    def full_clean(self) -> None:
        """Add the rules when the form is checked, once its labels are final (a form may set them late)."""
        if not getattr(self, "_input_rules_added", False):
            self._input_rules_added = True
            self._input_rules_add()
        super().full_clean()

    def _input_rules_add(self) -> None:
        for field in self.fields.values():
            label = str(field.label or "This field")
            if isinstance(field, forms.CharField):
                multiline = isinstance(field.widget, forms.Textarea)
                field.validators.append(TextValidator(label, multiline=multiline))
            elif isinstance(field, forms.DateField):
                field.validators.append(DateRangeValidator(label))
