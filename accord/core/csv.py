"""The one CSV writer: every CSV Accord writes goes through here (D 8.3 exports, the KPI figures).

A cell that starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width
forms) is written with a leading apostrophe, so a spreadsheet shows it as text instead of running it
(OWASP, "CSV Injection"): a constituent's name `=HYPERLINK(...)` can never attack the officer who opens
the export. The file is UTF-8 with a byte order mark, so Excel reads names like "Seán" correctly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> str:
    """`value` as the text of one cell, neutralised with a leading `'` if it starts like a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable[object]]) -> Iterator[str]:
    """The CSV text of `rows`, line by line: the byte order mark first, then each row's cells neutralised."""
    writer = csv.writer(_Echo())
    yield BOM
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])


def csv_response(rows: Iterable[Iterable[object]], filename: str) -> StreamingHttpResponse:
    """`rows` streamed as a CSV download named `filename` (rows are produced as the response is sent)."""
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
