"""Import which ward or division each postcode lies in, from a CSV file: all of it, or nothing.

The postcode data lets a Member raising an enquiry give a postcode instead of choosing the area, and the
area decides whose ward an enquiry is about (D 6.5, N 20-21). An import adds postcodes and moves
postcodes whose area changed; it never creates an area (a misspelt ward would otherwise become a new
one) and never deletes a postcode: those not in the file are counted and kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction

from accord.core.errors import AccordError

from ..models import Area, AreaPostcode, Council
from ..postcodes import postcode_normalise
from .csv_format import decode

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 500_000
BATCH = 1000
COLUMN_ALIASES = {
    "postcode": "postcode",
    "area": "area",
    "ward": "area",
    "division": "area",
}
REQUIRED = ("postcode", "area")


@dataclass(frozen=True)
class PostcodeRecord:
    """One line of the file: the postcode (normalised) and the area as written (a name or a code)."""

    line: int
    postcode: str
    area: str


@dataclass
class PostcodeImportReport:
    added: int = 0
    moved: list[str] = field(default_factory=list)
    unchanged: int = 0
    missing: int = 0
    dry_run: bool = False

    def lines(self) -> list[str]:
        """The report as short lines for a terminal."""
        shown = ", ".join(self.moved[:10]) + (", ..." if len(self.moved) > 10 else "")
        out = [
            f"Postcodes added: {self.added}",
            f"Postcodes moved to another area: {len(self.moved)}{': ' + shown if shown else ''}",
            f"Postcodes unchanged: {self.unchanged}",
            f"Postcodes not in this file (kept): {self.missing}",
        ]
        if self.dry_run:
            out.append("Dry run: nothing was saved.")
        return out


Progress = Callable[[list[PostcodeRecord]], Iterable[PostcodeRecord]]


def _columns(row: list[str]) -> dict[str, int]:
    """Where the postcode and area columns are; other columns are ignored."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = COLUMN_ALIASES.get(cell.strip().lower())
        if key is None:
            continue
        if key in found:
            raise AccordError(f"Line 1: the column {key} appears twice.")
        found[key] = index
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        raise AccordError(
            f"Line 1: the header row has no column {', '.join(missing)}. "
            "The columns are postcode and area (or ward, or division)."
        )
    return found


def postcodes_file_parse(*, data: bytes) -> list[PostcodeRecord]:
    """Reads and checks the whole file; the first problem raises an AccordError naming its line."""
    if not data.strip():
        raise AccordError("The file is empty: it has no postcodes to import.")
    if len(data) > MAX_BYTES:
        raise AccordError(
            f"The file is {len(data) // 1024} KB; the largest accepted is {MAX_BYTES // 1024} KB."
        )
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    records: list[PostcodeRecord] = []
    seen: dict[str, int] = {}
    try:
        header = next(reader)
        columns = _columns(header)
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise AccordError(
                    f"Line {line} has {len(row)} fields; the header row has {len(header)}."
                )
            raw, area = row[columns["postcode"]].strip(), row[columns["area"]].strip()
            if not raw:
                raise AccordError(f"Line {line}: postcode is empty.")
            if not area:
                raise AccordError(f"Line {line}: area is empty for {raw}.")
            try:
                postcode = postcode_normalise(raw)
            except AccordError as exc:
                raise AccordError(f"Line {line}: {exc.message}.") from exc
            if postcode in seen:
                raise AccordError(f"Lines {seen[postcode]} and {line} both give {postcode}.")
            seen[postcode] = line
            records.append(PostcodeRecord(line=line, postcode=postcode, area=area))
            if len(records) > MAX_ROWS:
                raise AccordError(f"The file has more than {MAX_ROWS} postcodes.")
    except csv.Error as exc:
        raise AccordError(f"Line {reader.line_num}: the CSV is malformed ({exc}).") from exc
    if not records:
        raise AccordError("The file has a header row but no postcodes.")
    return records


class _AreaFinder:
    """The council's areas by code (ONS or modern.gov identifier), else by name, ignoring case."""

    def __init__(self, council: Council):
        self.council = council
        self.by_code: dict[str, list[Area]] = {}
        self.by_name: dict[str, Area] = {}
        for area in Area.objects.filter(council=council):
            self.by_name[area.name.casefold()] = area
            if area.code:
                self.by_code.setdefault(area.code.casefold(), []).append(area)

    def __call__(self, record: PostcodeRecord) -> Area:
        key = record.area.casefold()
        coded = self.by_code.get(key, [])
        if len(coded) > 1:
            names = " and ".join(sorted(a.name for a in coded))
            raise AccordError(
                f"Line {record.line}: the code '{record.area}' belongs to {names}; "
                f"give the {self.council.area_noun}'s name instead."
            )
        area = coded[0] if coded else self.by_name.get(key)
        if area is None:
            raise AccordError(
                f"Line {record.line}: {self.council.name} has no {self.council.area_noun} "
                f"named or coded '{record.area}' (for {record.postcode})."
            )
        return area


class _DryRun(Exception):
    pass


def postcodes_import(
    *,
    council: Council,
    records: list[PostcodeRecord],
    dry_run: bool = False,
    progress: Progress | None = None,
) -> PostcodeImportReport:
    """Adds each postcode to its area, or moves it there. One transaction: any error leaves the database
    as it was."""
    report = PostcodeImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            area_for = _AreaFinder(council)
            existing = {p.postcode: p for p in AreaPostcode.objects.filter(council=council)}
            names = {a.pk: a.name for a in area_for.by_name.values()}
            to_add: list[AreaPostcode] = []
            to_move: list[AreaPostcode] = []
            for record in progress(records) if progress else records:
                area = area_for(record)
                known = existing.pop(record.postcode, None)
                if known is None:
                    to_add.append(
                        AreaPostcode(council=council, area=area, postcode=record.postcode)
                    )
                elif known.area_id != area.pk:
                    report.moved.append(
                        f"{record.postcode} ({names.get(known.area_id, '?')} to {area.name})"
                    )
                    known.area = area
                    to_move.append(known)
                else:
                    report.unchanged += 1
                if len(to_add) >= BATCH:
                    report.added += len(AreaPostcode.objects.bulk_create(to_add))
                    to_add = []
                if len(to_move) >= BATCH:
                    AreaPostcode.objects.bulk_update(to_move, ["area"])
                    to_move = []
            report.added += len(AreaPostcode.objects.bulk_create(to_add))
            AreaPostcode.objects.bulk_update(to_move, ["area"])
            report.missing = len(existing)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def postcodes_import_file(
    *, council: Council, data: bytes, dry_run: bool = False, progress: Progress | None = None
) -> PostcodeImportReport:
    """Parses then imports a file."""
    return postcodes_import(
        council=council,
        records=postcodes_file_parse(data=data),
        dry_run=dry_run,
        progress=progress,
    )
