"""Text that fits its field and holds no control characters: the one check behind every API schema and form.

A one-line value (a subject, a name, a reference) may hold no control character at all: a line break in a
Member's name breaks every e-mail sent to them. A multi-line value (details, an answer, a reason) may hold
line breaks and tabs (a browser sends a line break as CR LF), nothing else. A lone surrogate (half of a
UTF-16 pair, which JSON can carry) is never text: no database can store it.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

# C0 and C1 control characters and DEL, and the surrogate range, as JSON Schema patterns and Python regexes.
ONE_LINE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
MULTI_LINE_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
_ONE_LINE_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MULTI_LINE_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def text_problem(
    value: str, *, max_length: int | None = None, multiline: bool = False
) -> str | None:
    """What is wrong with `value` as a field's text, in words that follow the field's name; None if nothing.

    `max_length` counts characters (the model field's `max_length`); `multiline` allows line breaks and tabs.
    """
    if max_length is not None and len(value) > max_length:
        return f"must be {max_length} characters or fewer (it has {len(value)})"
    bad = (_MULTI_LINE_BAD if multiline else _ONE_LINE_BAD).search(value)
    if bad is None:
        return None
    char = bad.group()
    if char in "\r\n":
        return "must be on one line"
    if "\ud800" <= char <= "\udfff":
        return f"holds a broken character (a lone surrogate) at position {bad.start() + 1}"
    return f"holds a control character (U+{ord(char):04X}) at position {bad.start() + 1}"


def model_max_length(model: type[models.Model], field: str) -> int | None:
    """The `max_length` of `model.field` (None for a TextField): limits at the edge repeat the model's."""
    return getattr(model._meta.get_field(field), "max_length", None)


@deconstructible
class TextValidator:
    """A Django validator for a form field: `text_problem` as a `ValidationError` naming the field's label."""

    def __init__(
        self, label: str = "This field", *, max_length: int | None = None, multiline: bool = False
    ) -> None:
        self.label = label
        self.max_length = max_length
        self.multiline = multiline

    def __call__(self, value: Any) -> None:
        problem = text_problem(str(value), max_length=self.max_length, multiline=self.multiline)
        if problem is not None:
            raise ValidationError(f"{self.label} {problem}", code="text")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TextValidator) and (
            self.label,
            self.max_length,
            self.multiline,
        ) == (other.label, other.max_length, other.multiline)
