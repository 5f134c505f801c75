"""Members from a CSV file with a header row: name, email, group, areas (see docs/importing-members.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from accord.core.errors import AccordError

from .posts import posts_split
from .records import MembersFile, check_row_count, check_size, record_build

COLUMN_ALIASES = {
    "name": "name",
    "email": "email",
    "group": "group",
    "political_group": "group",
    "area": "areas",
    "areas": "areas",
    "area(s)": "areas",
    "ward": "areas",
    "wards": "areas",
    "division": "areas",
    "divisions": "areas",
    "external_id": "external_id",
    "group_status": "group_status",
    "posts": "posts",
    "key_posts": "posts",
    "keyposts": "posts",
}
REQUIRED = ("name", "email", "group", "areas")
STATUSES = ("administration", "opposition")
LABELS = {c: c for c in (*REQUIRED, "external_id", "posts")}


def decode(data: bytes) -> str:
    """UTF-8 (with or without the byte-order mark spreadsheets add); anything else is refused clearly."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AccordError(
            f"The file is not UTF-8 text (line {line}, byte {exc.start + 1}). "
            "Save it as 'CSV UTF-8' and try again."
        ) from exc


def csv_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each row after the header with the line it starts on (a quoted value may span lines)."""
    start = reader.line_num + 1
    for row in reader:
        yield start, row
        start = reader.line_num + 1


def _header(row: list[str]) -> list[str]:
    columns = []
    for cell in row:
        key = cell.strip().lower().replace(" ", "_")
        if key not in COLUMN_ALIASES:
            raise AccordError(
                f"Line 1: unknown column '{cell.strip()}'. The columns are name, email, group, "
                "areas, and optionally external_id, group_status and posts."
            )
        columns.append(COLUMN_ALIASES[key])
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise AccordError(f"Line 1: the header row has no column {', '.join(missing)}.")
    repeated = {c for c in columns if columns.count(c) > 1}
    if repeated:
        raise AccordError(f"Line 1: the column {', '.join(sorted(repeated))} appears twice.")
    return columns


def _row(members: MembersFile, line: int, values: dict[str, str]) -> None:
    status = values.get("group_status", "").strip().lower()
    if status and status not in STATUSES:
        members.problems.add(
            f"Line {line}: group_status '{status}' is not administration or opposition."
        )
        status = ""
    record = record_build(
        members,
        source=f"line {line}",
        labels=LABELS,
        values=values,
        areas=values["areas"].split(";"),
        posts=posts_split(values["posts"]) if "posts" in values else None,
        group_status=status,
    )
    if record is not None:
        members.add(record)


def records_from_csv(data: bytes) -> MembersFile:
    """Parses and checks the whole file. A file that cannot be read as CSV raises an AccordError; each
    line's problems are noted in the result's `problems`, naming the line."""
    check_size(data)
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    members = MembersFile()
    rows = 0
    try:
        columns = _header(next(reader))
        for line, row in csv_rows(reader):
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            check_row_count(rows, "rows")
            if len(row) != len(columns):
                members.problems.add(
                    f"Line {line} has {len(row)} fields; the header row has {len(columns)}."
                )
                continue
            _row(members, line, dict(zip(columns, row, strict=True)))
    except csv.Error as exc:
        raise AccordError(f"Line {reader.line_num}: the CSV is malformed ({exc}).") from exc
    if not rows:
        raise AccordError("The file has a header row but no Members.")
    return members
