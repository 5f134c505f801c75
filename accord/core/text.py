"""Text that fits where it is stored: within the model field's length and free of control characters.

One check for every boundary that takes text from outside (imports, forms, API schemas), so a NUL byte, a
line break in a name (which would break every e-mail header that carries it) or an over-long value is
refused with a message naming the field, never a database error. A one-line value (a subject, a name, a
reference) may hold no control character at all; a multi-line value (details, an answer, a reason) may hold
line breaks and tabs (a browser sends a line break as CR LF), nothing else. A lone surrogate (half of a
UTF-16 pair, which JSON can carry) is never text: no database can store it.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

from accord.core.errors import AccordError

# C0 and C1 controls, DEL, the Unicode line and paragraph separators (as JSON Schema patterns for the API
# document; lone surrogates cannot be written in a pattern and are refused by the check below).
ONE_LINE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"
MULTI_LINE_PATTERN = (
    "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMES = {"\x00": "a NUL byte", "\n": "a line break", "\r": "a line break", "\t": "a tab"}


def text_problem(
    value: str, *, max_length: int | None = None, multiline: bool = False
) -> str | None:
    """What is wrong with `value` as stored text, or None when it is fine.

    `max_length` is in characters (None: no limit); `multiline` allows line breaks and tabs. The answer is
    a phrase to follow the field's name, such as "is 250 characters long; at most 200 are accepted" or
    "contains a line break".
    """
    found = (_CONTROL_MULTILINE if multiline else _CONTROL).search(value)
    if found:
        char = found.group()
        return f"contains {_NAMES.get(char, f'a control character (U+{ord(char):04X})')}"
    if max_length is not None and len(value) > max_length:
        return f"is {len(value)} characters long; at most {max_length} are accepted"
    return None


def text_check(value: str, *, field: str, max_length: int | None, multiline: bool = False) -> str:
    """`value` unchanged, or an AccordError on `field` saying what is wrong with it."""
    problem = text_problem(value, max_length=max_length, multiline=multiline)
    if problem:
        raise AccordError(f"{field} {problem}.", field=field)
    return value


def field_max_length(model: type[models.Model], name: str) -> int | None:
    """The `max_length` of the model's field `name` (None for a field without one, such as TextField):
    limits at the edge repeat the model's."""
    field = model._meta.get_field(name)
    return getattr(field, "max_length", None)


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
