"""The outcome of an import: what was created, changed, left alone, and who was not in the file."""

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
    missing: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> list[str]:
        """The report as short lines for a terminal or a page."""

        def names(items: list[str]) -> str:
            return f": {', '.join(items)}" if items else ""

        out = [
            f"Members created: {len(self.created)}{names(self.created)}",
            f"Members updated: {len(self.updated)}{names(self.updated)}",
            f"Members unchanged: {len(self.unchanged)}",
            f"Areas created: {len(self.areas_created)}{names(self.areas_created)}",
            f"Groups created: {len(self.groups_created)}{names(self.groups_created)}",
        ]
        if self.groups_updated:
            out.append(f"Groups whose status changed: {names(self.groups_updated)[2:]}")
        out.append(f"Members not in this file: {len(self.missing)}{names(self.missing)}")
        if self.deactivated:
            out.append(f"Marked inactive: {len(self.deactivated)}{names(self.deactivated)}")
        if self.dry_run:
            out.append("Dry run: nothing was saved.")
        return out
