"""Importing a council's Members and areas from CSV or modern.gov XML (docs/importing-members.md)."""

from .records import MemberRecord
from .report import ImportReport
from .services import members_file_parse, members_import, members_import_file

__all__ = [
    "ImportReport",
    "MemberRecord",
    "members_file_parse",
    "members_import",
    "members_import_file",
]
