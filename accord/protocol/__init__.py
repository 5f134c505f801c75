"""The protocol engine: profiles (the protocol's words as data), rules that cite them, decisions, deadlines.

Plain Python with no Django imports, so the rules can be read, tested and reused on their own.
"""

from accord.protocol.calendar import DueDate, SkippedDay, WorkingCalendar
from accord.protocol.decision import Decision, Outcome
from accord.protocol.loader import ProfileError, available_profiles, load_profile
from accord.protocol.model import (
    Citation,
    Paragraph,
    Profile,
    RoleDef,
    Rule,
    StatutoryRoleDef,
)

__all__ = [
    "Citation",
    "Decision",
    "DueDate",
    "Outcome",
    "Paragraph",
    "Profile",
    "ProfileError",
    "RoleDef",
    "Rule",
    "SkippedDay",
    "StatutoryRoleDef",
    "WorkingCalendar",
    "available_profiles",
    "load_profile",
]
