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
from dataclasses import dataclass, field, replace

from django.db import transaction

from accord.core.errors import AccordError
from accord.core.text import field_max_length

from ..geometry import degrees_problem, grid_point_to_wgs84, grid_problem, is_number
from ..models import Area, AreaPostcode, Council
from ..postcodes import postcode_normalise
from .csv_format import csv_rows, decode
from .names import name_key
from .problems import Problems

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 500_000
BATCH = 1000
MOVED_FIELDS = ["area", "latitude", "longitude"]
# The postcode's column, in order of preference: Accord's own, then the ONS postcode directory's.
POSTCODE_COLUMNS = ("postcode", "pcds", "pcd", "pcd2")
# The area's column when none is named: Accord's own, then by the council's area noun. The ONS
# directory always carries both `ward` and `ced` (the county electoral division).
AREA_COLUMNS = {"ward": ("area", "ward"), "division": ("area", "ced", "division")}
AREA_LENGTH = field_max_length(Area, "name")
# Optional coordinates, so a postcode is also a point: degrees (Accord's own, the ONS directory's
# `lat`/`long`), else grid metres (`easting`/`northing`, the directory's `oseast1m`/`osnrth1m`). The
# directory gives a postcode without a grid reference latitude 99.999999: that postcode has no point.
LATITUDE_COLUMNS = ("latitude", "lat")
LONGITUDE_COLUMNS = ("longitude", "long", "lng")
EASTING_COLUMNS = ("easting", "oseast1m")
NORTHING_COLUMNS = ("northing", "osnrth1m")
NO_POINT_LATITUDE = 99.999999


@dataclass(frozen=True)
class PostcodeRecord:
    """One line of the file: the postcode (normalised) and the area as written (a name or a code)."""

    line: int
    postcode: str
    area: str
    column: str = "area"
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class PostcodeImportReport:
    added: int = 0
    moved: list[str] = field(default_factory=list)
    unchanged: int = 0
    located: int = 0
    missing: int = 0
    dry_run: bool = False

    def lines(self) -> list[str]:
        """The report as short lines for a terminal."""
        shown = ", ".join(self.moved[:10]) + (", ..." if len(self.moved) > 10 else "")
        out = [
            f"Postcodes added: {self.added}",
            f"Postcodes moved to another area: {len(self.moved)}{': ' + shown if shown else ''}",
            f"Postcodes unchanged: {self.unchanged}",
            *([f"Postcodes given new coordinates: {self.located}"] if self.located else []),
            f"Postcodes not in this file (kept): {self.missing}",
        ]
        if self.dry_run:
            out.append("Dry run: nothing was saved.")
        return out


Progress = Callable[[list[PostcodeRecord]], Iterable[PostcodeRecord]]


def _column(header: list[str], wanted: tuple[str, ...], what: str, hint: str) -> int:
    """The index of the first of `wanted` the header has (ignoring case), refusing it if repeated."""
    names = [cell.strip() for cell in header]
    folded = [n.casefold() for n in names]
    for name in wanted:
        if name.casefold() not in folded:
            continue
        places = [i for i, n in enumerate(folded) if n == name.casefold()]
        if len(places) > 1:
            at = " and ".join(str(i + 1) for i in places)
            raise AccordError(
                f"Line 1: the column {names[places[0]]} appears twice (columns {at})."
            )
        return places[0]
    raise AccordError(
        f"Line 1: the header row has no column for the {what} ({' or '.join(wanted)}); the file's "
        f"columns are {', '.join(names)}.{hint}"
    )


def _columns(header: list[str], *, area_column: str, area_noun: str) -> tuple[int, int]:
    """Where the postcode and the area are; other columns are ignored."""
    postcode = _column(header, POSTCODE_COLUMNS, "postcode", "")
    hint = " Say which column holds the area with --area-column."
    if area_column:
        return postcode, _column(header, (area_column,), f"area '{area_column}'", "")
    nouns = f"{area_noun}s"
    return postcode, _column(header, AREA_COLUMNS.get(area_noun, ("area",)), nouns, hint)


def _optional_column(header: list[str], wanted: tuple[str, ...]) -> int | None:
    folded = [cell.strip().casefold() for cell in header]
    return next((folded.index(name) for name in wanted if name in folded), None)


def _coordinate_columns(header: list[str]) -> tuple[int, int, bool] | None:
    """(first, second, in grid metres) of the file's coordinate columns: latitude and longitude, else
    easting and northing; None when it has neither pair."""
    lat, lon = (_optional_column(header, c) for c in (LATITUDE_COLUMNS, LONGITUDE_COLUMNS))
    if lat is not None and lon is not None:
        return lat, lon, False
    east, north = (_optional_column(header, c) for c in (EASTING_COLUMNS, NORTHING_COLUMNS))
    if east is not None and north is not None:
        return east, north, True
    return None


def _point(
    problems: Problems, line: int, row: list[str], header: list[str], at: tuple[int, int, bool]
) -> tuple[float | None, float | None] | None:
    """(latitude, longitude) of a line, (None, None) when it gives none, or None with the problem
    noted naming the file's column."""
    first, second, grid = at
    cells = (row[first].strip(), row[second].strip())
    if not any(cells):
        return None, None
    values = []
    for cell, index in zip(cells, (first, second), strict=True):
        try:
            value = float(cell)
        except ValueError:
            value = float("nan")
        if not is_number(value):
            problems.add(f"Line {line}: {header[index].strip()} '{cell[:20]}' is not a number.")
            return None
        values.append(value)
    if grid:
        problem = grid_problem(values[0], values[1])
        if problem is not None:
            problems.add(f"Line {line}: the grid reference's {problem}.")
            return None
        longitude, latitude = grid_point_to_wgs84(values[0], values[1])
        return latitude, longitude
    if values[0] == NO_POINT_LATITUDE:
        return None, None
    problem = degrees_problem(values[1], values[0])
    if problem is not None:
        problems.add(f"Line {line}: the point {problem}.")
        return None
    return values[0], values[1]


def _record(
    problems: Problems, line: int, cells: tuple[str, str], columns: tuple[str, str]
) -> PostcodeRecord | None:
    """The checked record of one line, or None with every problem of its two cells noted, each naming
    the file's own column (`pcds`, `ward`): `cells` and `columns` are (postcode, area)."""
    (raw, area), (postcode_column, column) = cells, columns
    where = f"Line {line}"
    count = len(problems.items)
    if not raw:
        problems.add(f"{where}: {postcode_column} is empty.")
    if not area:
        problems.add(f"{where}: {column} is empty{f' for {raw}' if raw else ''}.")
    problems.text(where, column, area, max_length=AREA_LENGTH)
    if raw and problems.text(where, postcode_column, raw, max_length=None) is not None:
        try:
            postcode = postcode_normalise(raw)
        except AccordError as exc:
            problems.add(f"{where}: {postcode_column} {exc.message}.")
    if len(problems.items) > count:
        return None
    return PostcodeRecord(line=line, postcode=postcode, area=area, column=column)


def postcodes_file_parse(
    *, data: bytes, area_column: str = "", area_noun: str = "ward", problems: Problems | None = None
) -> list[PostcodeRecord]:
    """Reads and checks the whole file. The area is in `area_column` when given, else in `area`, else in
    the column of the council's `area_noun` (ward: `ward`; division: `ced` or `division`). A file that
    cannot be read raises an AccordError; each line's problems are noted in `problems` (raised, all of
    them, at the end when no `problems` is passed)."""
    if not data.strip():
        raise AccordError("The file is empty: it has no postcodes to import.")
    if len(data) > MAX_BYTES:
        raise AccordError(
            f"The file is {len(data) // 1024} KB; the largest accepted is {MAX_BYTES // 1024} KB."
        )
    found = Problems() if problems is None else problems
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    records: list[PostcodeRecord] = []
    seen: dict[str, int] = {}
    try:
        header = next(reader)
        at_postcode, at_area = _columns(header, area_column=area_column, area_noun=area_noun)
        columns = (header[at_postcode].strip(), header[at_area].strip())
        at_point = _coordinate_columns(header)
        for line, row in csv_rows(reader):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                found.add(f"Line {line} has {len(row)} fields; the header row has {len(header)}.")
                continue
            cells = (row[at_postcode].strip(), row[at_area].strip())
            record = _record(found, line, cells, columns)
            point = _point(found, line, row, header, at_point) if at_point else (None, None)
            if record is None or point is None:
                continue
            record = replace(record, latitude=point[0], longitude=point[1])
            if record.postcode in seen:
                found.add(f"Lines {seen[record.postcode]} and {line} both give {record.postcode}.")
                continue
            seen[record.postcode] = line
            records.append(record)
            if len(records) > MAX_ROWS:
                raise AccordError(f"The file has more than {MAX_ROWS} postcodes.")
    except csv.Error as exc:
        raise AccordError(f"Line {reader.line_num}: the CSV is malformed ({exc}).") from exc
    if not records and not found:
        raise AccordError("The file has a header row but no postcodes.")
    if problems is None:
        found.raise_any()
    return records


class _AreaFinder:
    """The council's areas by code (ONS or modern.gov identifier), else by name, ignoring case."""

    def __init__(self, council: Council):
        self.council = council
        self.by_code: dict[str, list[Area]] = {}
        self.by_name: dict[str, Area] = {}
        for area in Area.objects.filter(council=council):
            self.by_name[name_key(area.name)] = area
            if area.code:
                self.by_code.setdefault(area.code.casefold(), []).append(area)

    def __call__(self, record: PostcodeRecord) -> Area:
        coded = self.by_code.get(record.area.casefold(), [])
        if len(coded) > 1:
            names = " and ".join(sorted(a.name for a in coded))
            raise AccordError(
                f"Line {record.line}: the code '{record.area}' belongs to {names}; "
                f"give the {self.council.area_noun}'s name instead."
            )
        area = coded[0] if coded else self.by_name.get(name_key(record.area))
        if area is None:
            raise AccordError(
                f"Line {record.line}: {self.council.name} has no {self.council.area_noun} "
                f"named or coded '{record.area}' (column {record.column}, for {record.postcode})."
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
    problems: Problems | None = None,
) -> PostcodeImportReport:
    """Adds each postcode to its area, or moves it there. One transaction: if any line has a problem
    (here or in `problems`, found while reading the file), an ImportProblems lists them all and the
    database is left as it was."""
    report = PostcodeImportReport(dry_run=dry_run)
    problems = problems if problems is not None else Problems()
    try:
        with transaction.atomic():
            area_for = _AreaFinder(council)
            existing = {p.postcode: p for p in AreaPostcode.objects.filter(council=council)}
            names = {a.pk: a.name for a in area_for.by_name.values()}
            to_add: list[AreaPostcode] = []
            to_move: list[AreaPostcode] = []
            for record in progress(records) if progress else records:
                area: Area | None = None
                with problems.collecting():
                    area = area_for(record)
                if area is None:
                    continue
                known = existing.pop(record.postcode, None)
                located = (
                    known is not None
                    and record.latitude is not None
                    and ((known.latitude, known.longitude) != (record.latitude, record.longitude))
                )
                if known is not None and located:
                    known.latitude, known.longitude = record.latitude, record.longitude
                if known is None:
                    to_add.append(
                        AreaPostcode(
                            council=council,
                            area=area,
                            postcode=record.postcode,
                            latitude=record.latitude,
                            longitude=record.longitude,
                        )
                    )
                elif known.area_id != area.pk:
                    report.moved.append(
                        f"{record.postcode} ({names.get(known.area_id, '?')} to {area.name})"
                    )
                    known.area = area
                    to_move.append(known)
                elif located:
                    report.located += 1
                    to_move.append(known)
                else:
                    report.unchanged += 1
                if len(to_add) >= BATCH:
                    report.added += len(AreaPostcode.objects.bulk_create(to_add))
                    to_add = []
                if len(to_move) >= BATCH:
                    AreaPostcode.objects.bulk_update(to_move, MOVED_FIELDS)
                    to_move = []
            problems.raise_any()
            report.added += len(AreaPostcode.objects.bulk_create(to_add))
            AreaPostcode.objects.bulk_update(to_move, MOVED_FIELDS)
            report.missing = len(existing)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def postcodes_import_file(
    *,
    council: Council,
    data: bytes,
    area_column: str = "",
    dry_run: bool = False,
    progress: Progress | None = None,
) -> PostcodeImportReport:
    """Parses then imports a file, the area's column chosen by `area_column` or the council's area noun;
    every problem of the file is raised at once (ImportProblems)."""
    problems = Problems()
    return postcodes_import(
        council=council,
        records=postcodes_file_parse(
            data=data, area_column=area_column, area_noun=council.area_noun, problems=problems
        ),
        dry_run=dry_run,
        progress=progress,
        problems=problems,
    )
