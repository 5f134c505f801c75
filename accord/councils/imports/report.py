"""The outcome of an import: what was created, changed, left alone, left out, and who was not in the file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    areas_created: list[str] = field(default_factory=list)
    groups_created: list[str] = field(default_factory=list)
    groups_updated: list[str] = field(default_factory=list)
    committees_created: list[str] = field(default_factory=list)
    posts_kept: list[str] = field(default_factory=list)
    no_group: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> list[str]:
        """The report as short lines for a terminal or a page; warnings first."""

        def names(items: list[str]) -> str:
            return f": {', '.join(items)}" if items else ""

        out = [f"Warning: {w}" for w in self.warnings]
        out += [
            f"Members created: {len(self.created)}{names(self.created)}",
            f"Members updated: {len(self.updated)}{names(self.updated)}",
            f"Members unchanged: {len(self.unchanged)}",
            f"Areas created: {len(self.areas_created)}{names(self.areas_created)}",
            f"Groups created: {len(self.groups_created)}{names(self.groups_created)}",
        ]
        if self.groups_updated:
            out.append(f"Groups whose status changed: {names(self.groups_updated)[2:]}")
        if self.committees_created:
            out.append(
                f"Committees created (named in posts): {len(self.committees_created)}"
                f"{names(self.committees_created)}"
            )
        if self.posts_kept:
            out.append(f"Posts kept as text (not an office Accord knows){names(self.posts_kept)}")
        if self.no_group:
            out.append(f"No group (the file's value is not a group){names(self.no_group)}")
        out += [f"Not imported: {s}" for s in self.skipped]
        out.append(f"Members not in this file: {len(self.missing)}{names(self.missing)}")
        if self.deactivated:
            out.append(f"Marked inactive: {len(self.deactivated)}{names(self.deactivated)}")
        if self.dry_run:
            out.append("Dry run: nothing was saved.")
        return out
