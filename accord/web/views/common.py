"""Shared helpers for views: the request's actor and the council it may see."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from accord.core.access import council_for, request_actor
from accord.councils.models import Council
from accord.protocol import Profile, ProfileError, load_profile


def request_council(request: HttpRequest, slug: str) -> Council:
    return council_for(request_actor(request), slug)


def council_profile(council: Council) -> Profile | None:
    """The council's protocol profile, or None when it cannot be loaded (the page says so)."""
    try:
        return load_profile(council.profile)
    except (ProfileError, KeyError, FileNotFoundError, ValueError):
        return None


def council_context(council: Council, **extra: Any) -> dict[str, Any]:
    noun = council.area_noun
    return {"council": council, "area_noun": noun, "area_nouns": f"{noun}s", **extra}
