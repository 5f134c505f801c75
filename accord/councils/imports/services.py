"""Import a council's Members, areas and political groups from a file: all of it, or nothing.

The areas (wards, divisions) and groups feed every rule that asks "whose ward is this?" (D 5.2-5.4,
D 6.5, N 19) and "which groups must be offered the same?" (D 7.4); the offices held decide who may ask
for a confidential briefing (D 2.8, N 14). An import never deletes a Member: Members not in the file are
reported, and only marked inactive when asked. Names are matched by `names.name_key`, so "Thatto  Heath"
is the ward "Thatto Heath" and "Councillor Merryn  Fenwick" the Member "Merryn Fenwick".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from django.db import transaction

from accord.core.errors import AccordError

from ..models import Area, Council, Member, PoliticalGroup
from .csv_format import records_from_csv
from .detect import file_format_detect
from .moderngov import records_from_moderngov
from .names import name_key
from .posts import OfficesKeeper
from .records import MemberRecord, MembersFile
from .report import ImportReport
from .scope import Scope, scope_apply, shared_feed_warnings

Format = Literal["csv", "moderngov"]
Progress = Callable[[list[MemberRecord]], Iterable[MemberRecord]]
FORMATS: dict[str, Callable[[bytes], MembersFile]] = {
    "csv": records_from_csv,
    "moderngov": records_from_moderngov,
}


def members_file_parse(
    *, data: bytes, file_format: str = "", scope: Scope | None = None
) -> MembersFile:
    """Reads a whole file (format "csv", "moderngov", or "" to detect it from the contents) into
    records. A file that cannot be read raises an AccordError; each line's or element's problems are
    gathered in the result's `problems`, for `members_import` to refuse them all at once."""
    file_format = file_format or file_format_detect(data)
    if file_format not in FORMATS:
        raise AccordError(f"Unknown format '{file_format}': use csv or moderngov.")
    members = FORMATS[file_format](data)
    scope = scope or Scope()
    scope_apply(members, scope)
    if not scope:
        members.warnings.extend(shared_feed_warnings(members))
    _check_group_statuses(members)
    return members


def _check_group_statuses(members: MembersFile) -> None:
    given: dict[str, MemberRecord] = {}
    for record in members.records:
        if not record.group_status:
            continue
        earlier = given.setdefault(name_key(record.group), record)
        if earlier.group_status != record.group_status:
            members.problems.add(
                f"{earlier.source.capitalize()} gives group '{record.group}' the status "
                f"{earlier.group_status} but {record.source} gives {record.group_status}."
            )


class _Importer:
    def __init__(self, council: Council, report: ImportReport, members: MembersFile):
        self.council = council
        self.report = report
        self.problems = members.problems
        self.offices = OfficesKeeper(council.pk)
        self.areas = {name_key(a.name): a for a in Area.objects.filter(council=council)}
        self.groups = {name_key(g.name): g for g in PoliticalGroup.objects.filter(council=council)}
        existing = list(Member.objects.filter(council=council).prefetch_related("areas", "offices"))
        self.by_id = {m.external_id: m for m in existing if m.external_id}
        self.by_name: dict[str, list[Member]] = {}
        for m in existing:
            self.by_name.setdefault(name_key(m.name, person=True), []).append(m)
        self.all_members = existing
        self.matched: dict[int, str] = {}

    def area(self, record: MemberRecord, name: str, *, create: bool) -> Area | None:
        area = self.areas.get(name_key(name))
        if area is None and not create:
            noun = self.council.area_noun
            self.problems.add(
                f"{record.source.capitalize()}: {self.council.name} has no {noun} named '{name}'. "
                f"Correct the name, or import again allowing new areas to be created."
            )
        elif area is None:
            area = Area.objects.create(council=self.council, name=name)
            self.areas[name_key(name)] = area
            self.report.areas_created.append(name)
        return area

    def group(self, record: MemberRecord) -> PoliticalGroup | None:
        if not record.group:
            return None
        group = self.groups.get(name_key(record.group))
        if group is None:
            group = PoliticalGroup.objects.create(
                council=self.council,
                name=record.group,
                status=record.group_status or PoliticalGroup.Status.OPPOSITION,
            )
            self.groups[name_key(record.group)] = group
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
            for m in self.by_name.get(name_key(record.name, person=True), [])
            if not (record.external_id and m.external_id)
        ]
        if len(namesakes) > 1:
            raise AccordError(
                f"{record.source.capitalize()}: the council has {len(namesakes)} Members named "
                f"'{record.name}'; give an external_id to say which."
            )
        return namesakes[0] if namesakes else None

    def apply(self, record: MemberRecord, *, create_areas: bool) -> None:
        member = self.find(record)
        if member is not None and member.pk in self.matched:
            raise AccordError(
                f"{self.matched[member.pk].capitalize()} and {record.source} are both "
                f"{member}: the same Member appears twice."
            )
        group = self.group(record)
        found = [self.area(record, name, create=create_areas) for name in record.areas]
        areas = [a for a in found if a is not None]
        if len(areas) < len(found):
            return
        created = member is None
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
            changed = []
        else:
            changed = self._update(member, record, group, areas)
        if record.posts is not None:
            offices_changed, others = self.offices.sync(member, record.posts)
            self.report.posts_kept.extend(f"{record.name} ('{p}')" for p in others)
            if offices_changed:
                changed.append("offices")
        if not created:
            (self.report.updated if changed else self.report.unchanged).append(record.name)
        self.matched[member.pk] = record.source

    def _update(
        self, member: Member, record: MemberRecord, group: PoliticalGroup | None, areas: list[Area]
    ) -> list[str]:
        changes = {"name": record.name, "group_id": group.pk if group else None, "is_active": True}
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
        return changed


class _DryRun(Exception):
    pass


def members_import(
    *,
    council: Council,
    members: MembersFile,
    dry_run: bool = False,
    deactivate_missing: bool = False,
    create_areas: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Upserts Members by external_id, else by name (`name_key`); creates missing groups (opposition
    unless the file says otherwise) and, only with `create_areas`, missing areas; sets each Member's
    offices from the posts the file gives. One transaction: if the file or the import found any problem,
    an ImportProblems lists them all and the database is left as it was."""
    report = ImportReport(dry_run=dry_run, skipped=members.skipped, warnings=members.warnings)
    report.no_group = members.no_group
    try:
        with transaction.atomic():
            importer = _Importer(council, report, members)
            for record in progress(members.records) if progress else members.records:
                with members.problems.collecting():
                    importer.apply(record, create_areas=create_areas)
            members.problems.raise_any()
            report.committees_created = importer.offices.committees_created
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
    file_format: str = "",
    scope: Scope | None = None,
    dry_run: bool = False,
    deactivate_missing: bool = False,
    create_areas: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Parses then imports a file; the one entry point for the admin page (the command parses first to
    show its progress bar over the import). Raises an AccordError (an ImportProblems listing every
    problem, for a file that could be read)."""
    return members_import(
        council=council,
        members=members_file_parse(data=data, file_format=file_format, scope=scope),
        dry_run=dry_run,
        deactivate_missing=deactivate_missing,
        create_areas=create_areas,
        progress=progress,
    )
