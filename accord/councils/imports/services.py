"""Import a council's Members, areas and political groups from a file: all of it, or nothing.

The areas (wards, divisions) and groups feed every rule that asks "whose ward is this?" (D 5.2-5.4,
D 6.5, N 19) and "which groups must be offered the same?" (D 7.4). An import never deletes a Member:
Members not in the file are reported, and only marked inactive when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from django.db import transaction

from accord.core.errors import AccordError

from ..models import Area, Council, Member, PoliticalGroup
from .csv_format import records_from_csv
from .moderngov import records_from_moderngov
from .records import MemberRecord
from .report import ImportReport

Format = Literal["csv", "moderngov"]
Progress = Callable[[list[MemberRecord]], Iterable[MemberRecord]]
FORMATS: dict[str, Callable[[bytes], list[MemberRecord]]] = {
    "csv": records_from_csv,
    "moderngov": records_from_moderngov,
}


def members_file_parse(*, data: bytes, file_format: str) -> list[MemberRecord]:
    """Reads a whole file into records, or raises an AccordError naming the line or element."""
    if file_format not in FORMATS:
        raise AccordError(f"Unknown format '{file_format}': use csv or moderngov.")
    records = FORMATS[file_format](data)
    _check_group_statuses(records)
    return records


def _check_group_statuses(records: list[MemberRecord]) -> None:
    given: dict[str, MemberRecord] = {}
    for record in records:
        if not record.group_status:
            continue
        earlier = given.setdefault(record.group.casefold(), record)
        if earlier.group_status != record.group_status:
            raise AccordError(
                f"{earlier.source.capitalize()} gives group '{record.group}' the status "
                f"{earlier.group_status} but {record.source} gives {record.group_status}."
            )


class _Importer:
    def __init__(self, council: Council, report: ImportReport):
        self.council = council
        self.report = report
        self.areas = {a.name.casefold(): a for a in Area.objects.filter(council=council)}
        self.groups = {g.name.casefold(): g for g in PoliticalGroup.objects.filter(council=council)}
        members = list(Member.objects.filter(council=council).prefetch_related("areas"))
        self.by_id = {m.external_id: m for m in members if m.external_id}
        self.by_name: dict[str, list[Member]] = {}
        for m in members:
            self.by_name.setdefault(m.name.casefold(), []).append(m)
        self.all_members = members
        self.matched: dict[int, str] = {}

    def area(self, name: str) -> Area:
        area = self.areas.get(name.casefold())
        if area is None:
            area = Area.objects.create(council=self.council, name=name)
            self.areas[name.casefold()] = area
            self.report.areas_created.append(name)
        return area

    def group(self, record: MemberRecord) -> PoliticalGroup | None:
        if not record.group:
            return None
        group = self.groups.get(record.group.casefold())
        if group is None:
            group = PoliticalGroup.objects.create(
                council=self.council,
                name=record.group,
                status=record.group_status or PoliticalGroup.Status.OPPOSITION,
            )
            self.groups[record.group.casefold()] = group
            self.report.groups_created.append(record.group)
        elif record.group_status and group.status != record.group_status:
            group.status = record.group_status
            group.save(update_fields=["status"])
            self.report.groups_updated.append(group.name)
        return group

    def find(self, record: MemberRecord) -> Member | None:
        if record.external_id and record.external_id in self.by_id:
            return self.by_id[record.external_id]
        namesakes = [
            m
            for m in self.by_name.get(record.name.casefold(), [])
            if not (record.external_id and m.external_id)
        ]
        if len(namesakes) > 1:
            raise AccordError(
                f"{record.source.capitalize()}: the council has {len(namesakes)} Members named "
                f"'{record.name}'; give an external_id to say which."
            )
        return namesakes[0] if namesakes else None

    def apply(self, record: MemberRecord) -> None:
        member = self.find(record)
        if member is not None and member.pk in self.matched:
            raise AccordError(
                f"{self.matched[member.pk].capitalize()} and {record.source} are both "
                f"{member}: the same Member appears twice."
            )
        group = self.group(record)
        areas = [self.area(name) for name in record.areas]
        if member is None:
            member = Member.objects.create(
                council=self.council,
                name=record.name,
                email=record.email,
                group=group,
                external_id=record.external_id,
            )
            member.areas.set(areas)
            self.report.created.append(record.name)
        else:
            changes = {
                "name": record.name,
                "group_id": group.pk if group else None,
                "is_active": True,
            }
            if record.email:
                changes["email"] = record.email
            if record.external_id:
                changes["external_id"] = record.external_id
            changed = [f for f, v in changes.items() if getattr(member, f) != v]
            for f in changed:
                setattr(member, f, changes[f])
            if changed:
                member.save(update_fields=changed)
            if {a.pk for a in member.areas.all()} != {a.pk for a in areas}:
                member.areas.set(areas)
                changed.append("areas")
            (self.report.updated if changed else self.report.unchanged).append(record.name)
        self.matched[member.pk] = record.source


class _DryRun(Exception):
    pass


def members_import(
    *,
    council: Council,
    records: list[MemberRecord],
    dry_run: bool = False,
    deactivate_missing: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Upserts Members by external_id, else by name; creates missing areas and groups (opposition unless
    the file says otherwise). One transaction: any error leaves the database as it was."""
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            importer = _Importer(council, report)
            for record in progress(records) if progress else records:
                importer.apply(record)
            for member in importer.all_members:
                if member.pk in importer.matched or not member.is_active:
                    continue
                report.missing.append(member.name)
                if deactivate_missing:
                    member.is_active = False
                    member.save(update_fields=["is_active"])
                    report.deactivated.append(member.name)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def members_import_file(
    *,
    council: Council,
    data: bytes,
    file_format: str,
    dry_run: bool = False,
    deactivate_missing: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Parses then imports a file; the one entry point for the command and the admin page."""
    records = members_file_parse(data=data, file_format=file_format)
    return members_import(
        council=council,
        records=records,
        dry_run=dry_run,
        deactivate_missing=deactivate_missing,
        progress=progress,
    )
