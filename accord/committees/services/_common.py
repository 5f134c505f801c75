"""What every service of the app shares: the council's profile and a refusal citing its rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

from accord.core.errors import AccordError
from accord.councils.models import Council
from accord.protocol import Citation, Profile, ProfileError, load_profile

from ..rules import cites


def profile_of(council: Council) -> Profile | None:
    """The council's protocol profile, or None when it cannot be loaded (its rules then do not apply)."""
    try:
        return load_profile(council.profile)
    except (ProfileError, KeyError, FileNotFoundError, ValueError):
        return None


def refuse(
    council: Council,
    message: str,
    *rule_ids: str,
    field: str | None = None,
    also: Callable[[Profile | None], list[Citation]] | None = None,
) -> NoReturn:
    """Raise the `AccordError` for a refusal, with the citations of the council's rules behind it (and
    `also(profile)`'s, a definition cited beside them)."""
    profile = profile_of(council)
    citations = cites(profile, *rule_ids) + (also(profile) if also is not None else [])
    raise AccordError(message, citations=citations, field=field)
