"""Members from a CSV file with a header row: name, email, group, areas (see docs/importing-members.md)."""

from __future__ import annotations

import csv
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from accord.core.errors import AccordError

from .records import MemberRecord, check_row_count, check_size

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
}
REQUIRED = ("name", "email", "group", "areas")
STATUSES = ("administration", "opposition")


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


def _header(row: list[str]) -> list[str]:
    columns = []
    for cell in row:
        key = cell.strip().lower().replace(" ", "_")
        if key not in COLUMN_ALIASES:
            raise AccordError(
                f"Line 1: unknown column '{cell.strip()}'. The columns are name, email, group, "
                "areas, and optionally external_id and group_status."
            )
        columns.append(COLUMN_ALIASES[key])
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise AccordError(f"Line 1: the header row has no column {', '.join(missing)}.")
    repeated = {c for c in columns if columns.count(c) > 1}
    if repeated:
        raise AccordError(f"Line 1: the column {', '.join(sorted(repeated))} appears twice.")
    return columns


def _record(line: int, values: dict[str, str]) -> MemberRecord:
    where = f"Line {line}"
    name = values["name"]
    if not name:
        raise AccordError(f"{where}: name is empty.")
    email = values["email"]
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise AccordError(f"{where}: '{email}' is not a valid email address.") from exc
    areas = [a.strip() for a in values["areas"].split(";") if a.strip()]
    if not areas:
        raise AccordError(f"{where}: areas is empty; give at least one ward or division.")
    status = values.get("group_status", "").lower()
    if status and status not in STATUSES:
        raise AccordError(f"{where}: group_status '{status}' is not administration or opposition.")
    if status and not values["group"]:
        raise AccordError(f"{where}: group_status is given but group is empty.")
    return MemberRecord(
        source=f"line {line}",
        name=name,
        email=email,
        group=values["group"],
        group_status=status,
        areas=list(dict.fromkeys(areas)),
        external_id=values.get("external_id", ""),
    )


def records_from_csv(data: bytes) -> list[MemberRecord]:
    """Parses and checks the whole file; the first problem raises an AccordError naming its line."""
    check_size(data)
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    try:
        columns = _header(next(reader))
        records: list[MemberRecord] = []
        seen: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise AccordError(
                    f"Line {line} has {len(row)} fields; the header row has {len(columns)}."
                )
            record = _record(line, {c: v.strip() for c, v in zip(columns, row, strict=True)})
            if record.key in seen:
                what = "external_id" if record.external_id else "name"
                raise AccordError(
                    f"Lines {seen[record.key]} and {line} are the same Member "
                    f"(same {what}: {record.external_id or record.name})."
                )
            seen[record.key] = line
            records.append(record)
            check_row_count(len(records), "rows")
    except csv.Error as exc:
        raise AccordError(f"Line {reader.line_num}: the CSV is malformed ({exc}).") from exc
    if not records:
        raise AccordError("The file has a header row but no Members.")
    return records
