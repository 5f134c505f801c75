"""The one CSV writer: formula cells neutralised (OWASP CSV injection), UTF-8 with a byte order mark."""

from __future__ import annotations

import csv
import io

import pytest

from accord.core.csv import BOM, csv_cell, csv_lines, csv_response


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (
            '=HYPERLINK("http://example.invalid","Open")',
            '\'=HYPERLINK("http://example.invalid","Open")',
        ),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+44 1603 222222", "'+44 1603 222222"),
        ("-2+3", "'-2+3"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("Seán O'Riordan", "Seán O'Riordan"),
        ("Bins = missed", "Bins = missed"),
        ("", ""),
        (None, ""),
        (42, "42"),
    ],
)
def test_a_cell_that_starts_like_a_formula_is_text(value: object, written: str) -> None:
    assert csv_cell(value) == written


def test_the_file_starts_with_a_byte_order_mark_and_reads_back() -> None:
    text = "".join(csv_lines([["name", "note"], ["Seán", "=1+1"], ["Jo", 'a, "quoted"\nline']]))
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows == [["name", "note"], ["Seán", "'=1+1"], ["Jo", 'a, "quoted"\nline']]


def test_the_response_is_utf8_with_the_bom_and_a_file_name() -> None:
    response = csv_response(iter([["Seán"]]), "export.csv")
    body = b"".join(response.streaming_content)  # type: ignore[arg-type]
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.decode("utf-8-sig") == "Seán\r\n"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="export.csv"'
