"""The one check for stored text: fits the field, no control characters."""

from __future__ import annotations

import pytest

from accord.core.errors import AccordError
from accord.core.text import field_max_length, text_check, text_problem
from accord.councils.models import Member, Office


@pytest.mark.parametrize(
    ("value", "multiline", "problem"),
    [
        ("Ann One", False, None),
        ("Seán Ó Brádaigh", False, None),
        ("a\x00b", False, "contains a NUL byte"),
        ("a\nb", False, "contains a line break"),
        ("a\rb", False, "contains a line break"),
        ("a\tb", False, "contains a tab"),
        ("a\u2028b", False, "contains a control character (U+2028)"),
        ("a\x85b", False, "contains a control character (U+0085)"),
        ("a\ud800b", False, "contains a control character (U+D800)"),
        ("line one\nline two\tend", True, None),
        ("a\x07b", True, "contains a control character (U+0007)"),
        ("x" * 11, False, "is 11 characters long; at most 10 are accepted"),
        ("x" * 10, False, None),
    ],
)
def test_text_problem(value: str, multiline: bool, problem: str | None) -> None:
    assert text_problem(value, max_length=10 if "x" in value else None, multiline=multiline) == (
        problem
    )


def test_text_check_names_the_field() -> None:
    with pytest.raises(AccordError, match=r"name contains a line break\.") as refused:
        text_check("Ann\nOne", field="name", max_length=200)
    assert refused.value.field == "name"
    assert text_check("Ann One", field="name", max_length=200) == "Ann One"


def test_field_max_length_reads_the_model() -> None:
    assert field_max_length(Member, "name") == 200
    assert field_max_length(Member, "external_id") == 50
    assert field_max_length(Member, "other_posts") is None
    assert field_max_length(Office, "portfolio") == 200
