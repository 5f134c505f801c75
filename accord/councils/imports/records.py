"""What every import format reads a file into: one record per Member, with where it came from.

`record_build` is the one place a Member's values are checked, whatever the format: each value fits its
model field and has no control characters, the e-mail is an address, the names are made plain
(`names.name_display`), and a placeholder ("Vacant seat", a group of "none") never becomes a person or a
group. Every problem is noted, so a file is refused once with all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from accord.core.errors import AccordError
from accord.core.text import field_max_length

from ..models import Area, Member, Office, PoliticalGroup
from .names import name_display, name_key, title_only
from .problems import Problems

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# A vacancy is the whole value ("Vacant seat", "TBC"), never the start of a name ("TBC Smith").
_VACANCY = re.compile(
    r"(?:vacant(?:\s+seat)?|vacancy|seat\s+vacant"
    r"|to\s+be\s+(?:elected|confirmed|announced|appointed)|tbc|tba"
    r"|awaiting\s+(?:by-?\s*)?election|unfilled|void)[.!]?",
    re.IGNORECASE,
)
NO_GROUP = frozenset(
    {
        "",
        "-",
        "none",
        "n/a",
        "na",
        "nil",
        "no group",
        "no party",
        "not applicable",
        "independent",
        "independents",
        "non-aligned",
        "unaligned",
        "not aligned",
        "ungrouped",
    }
)


@dataclass
class MemberRecord:
    """One Member as a file describes them. `source` names the line or element, for error messages.

    `posts` is None when the file has no posts for Members (a CSV without a posts column), so an import
    leaves their offices as they are; a list (even empty) says what the Member holds now. `sound` is False
    for a record with problems: it is matched against later lines, never imported. `group_given` is the
    file's group value when it names no group ("none", "Independent").
    """

    source: str
    name: str
    email: str = ""
    group: str = ""
    group_status: str = ""
    areas: list[str] = field(default_factory=list)
    external_id: str = ""
    posts: list[str] | None = None
    sound: bool = True
    group_given: str = ""

    @property
    def key(self) -> str:
        if self.external_id:
            return f"id:{self.external_id}"
        return f"name:{name_key(self.name, person=True)}"


@dataclass
class MembersFile:
    """A file read whole: its Members, what was left out and why, and every problem found."""

    records: list[MemberRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    _by_key: dict[str, MemberRecord] = field(default_factory=dict, repr=False)

    @property
    def no_group(self) -> list[str]:
        """The Members kept whose group value means no group, as "Name ('none')": a Member left out of
        the import (another council's, in a shared feed) is not listed."""
        return [f"{r.name} ('{r.group_given}')" for r in self.records if r.group_given]

    def add(self, record: MemberRecord, *, wards_merge: bool = False) -> None:
        """Keeps `record`, or notes that it repeats one already kept. With `wards_merge` (a feed that lists
        a councillor once under each ward they represent) the same Member in another ward adds the ward."""
        earlier = self._by_key.get(record.key)
        if earlier is None:
            self._by_key[record.key] = record
            if record.sound:
                self.records.append(record)
            return
        same_name = name_key(earlier.name, person=True) == name_key(record.name, person=True)
        if wards_merge and same_name and not set(record.areas) & set(earlier.areas):
            earlier.areas.extend(record.areas)
            return
        if not same_name:
            what = f"is '{record.name}' here but '{earlier.name}' at {earlier.source}"
        else:
            what = f"repeats {earlier.source} ({record.name}): the same Member twice"
        self.problems.add(f"{record.source[:1].upper()}{record.source[1:]} {what}.")


def vacancy(name: str) -> bool:
    """True for a vacancy published as a councillor ("Vacant seat", "Vacancy", "To be elected")."""
    return bool(_VACANCY.fullmatch(name_display(name, person=True)))


def group_named(value: str) -> str:
    """The group's display name, or "" for a placeholder that means no group ("none", "Independent")."""
    shown = name_display(value)
    return "" if shown.casefold() in NO_GROUP else shown


LIMITS = {
    "name": field_max_length(Member, "name"),
    "email": field_max_length(Member, "email"),
    "group": field_max_length(PoliticalGroup, "name"),
    "areas": field_max_length(Area, "name"),
    "external_id": field_max_length(Member, "external_id"),
}
POST_LENGTH = field_max_length(Office, "portfolio")


def record_build(
    members: MembersFile,
    *,
    source: str,
    labels: dict[str, str],
    values: dict[str, str],
    areas: list[str],
    posts: list[str] | None = None,
    group_status: str = "",
) -> MemberRecord | None:
    """The record of one line or element, or None when it names no Member (an empty name, noted in
    `members.problems`) or a vacancy (noted in `members.skipped`). `values` holds the raw name, email,
    group and external_id; `labels` how the file calls each (a column, an element).

    Every value is checked and each problem noted (a bad e-mail does not hide an over-long post), and a
    record with problems is still returned, so that `MembersFile.add` finds the lines it repeats: the
    file is refused in one run naming them all."""
    problems = members.problems
    where = source[:1].upper() + source[1:]
    count = len(problems.items)
    checked: dict[str, str] = {}
    for key in ("name", "email", "group", "external_id"):
        raw = values.get(key, "").strip()
        problems.text(where, labels[key], raw, max_length=LIMITS[key])
        checked[key] = name_display(raw, person=key == "name") if key in ("name", "group") else raw
    if not checked["name"]:
        problems.add(f"{where}: {labels['name']} is empty.")
        return None
    if vacancy(checked["name"]):
        members.skipped.append(f"{where}: '{checked['name']}' is a vacancy, not a Member.")
        return None
    if title_only(checked["name"]):
        problems.add(f"{where}: {labels['name']} '{checked['name']}' is only a title, not a name.")
    for area in areas:
        problems.text(where, labels["areas"], area.strip(), max_length=LIMITS["areas"])
    plain_areas = [name_display(a) for a in areas]
    if not any(plain_areas):
        problems.add(f"{where}: {labels['areas']} is empty; give at least one ward or division.")
    for post in posts or []:
        problems.text(where, labels["posts"], post, max_length=POST_LENGTH)
    if checked["email"]:
        try:
            validate_email(checked["email"])
        except ValidationError:
            problems.add(
                f"{where}: {labels['email']} '{checked['email']}' is not a valid email address."
            )
    group = group_named(checked["group"])
    if group_status and not group:
        problems.add(f"{where}: group_status is given but {labels['group']} names no group.")
    sound = len(problems.items) == count
    return MemberRecord(
        source=source,
        name=checked["name"],
        email=checked["email"],
        group=group,
        group_status=group_status,
        areas=list(dict.fromkeys(a for a in plain_areas if a)),
        external_id=checked["external_id"],
        posts=posts,
        sound=sound,
        group_given="" if group else checked["group"],
    )


def check_size(data: bytes) -> None:
    """Refuses an empty or oversized file before parsing it."""
    if not data.strip():
        raise AccordError("The file is empty: it has no Members to import.")
    if len(data) > MAX_BYTES:
        raise AccordError(
            f"The file is {len(data) // 1024} KB; the largest accepted is {MAX_BYTES // 1024} KB."
        )


def check_row_count(count: int, noun: str) -> None:
    if count > MAX_ROWS:
        raise AccordError(f"The file has {count} {noun}; at most {MAX_ROWS} are accepted.")
