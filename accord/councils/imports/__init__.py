"""Importing a council's Members and areas from CSV or modern.gov XML (docs/importing-members.md)."""

from .detect import file_format_detect
from .problems import ImportProblems
from .records import MemberRecord, MembersFile
from .report import ImportReport
from .scope import Scope
from .services import members_file_parse, members_import, members_import_file

__all__ = [
    "ImportProblems",
    "ImportReport",
    "MemberRecord",
    "MembersFile",
    "Scope",
    "file_format_detect",
    "members_file_parse",
    "members_import",
    "members_import_file",
]
