"""What every import format reads a file into: one record per Member, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.core.errors import AccordError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


@dataclass
class MemberRecord:
    """One Member as a file describes them. `source` names the line or element, for error messages."""

    source: str
    name: str
    email: str = ""
    group: str = ""
    group_status: str = ""
    areas: list[str] = field(default_factory=list)
    external_id: str = ""

    @property
    def key(self) -> str:
        return f"id:{self.external_id}" if self.external_id else f"name:{self.name.casefold()}"


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
