"""Reads of concerns: always through `concerns_visible_to`, so a list, a count, a search and the CSV hold
only what the actor may see (D 11.4 "in private", N 3)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accord.concerns.access import concerns_visible_to, reads_details
from accord.concerns.models import Concern, ConcernEvent, InformalMeeting
from accord.core.access import Actor

QUERY_MAX = 100


def concern_list(actor: Actor, *, query: str = "", state: str = "") -> QuerySet[Concern]:
    """The actor's visible concerns, newest first; `query` matches the summary, `state` a state value.

    The summary is matched only where the actor reads the details (an invitee to the informal meeting
    cannot search the words of a concern they see only as a meeting)."""
    qs = concerns_visible_to(actor).select_related("handler", "about_member", "about_officer")
    if state:
        qs = qs.filter(state=state)
    if query:
        readable = Q(raised_by=actor.user)
        if actor.officer is not None:
            readable |= Q(handler=actor.officer)
        qs = qs.filter(readable, summary__icontains=query)
    return qs.order_by("-raised_at", "-id")


def concern_event_list(actor: Actor, concern: Concern) -> list[ConcernEvent]:
    """The history, oldest first, for the people who read the details; none for a meeting's invitee."""
    if not reads_details(actor, concern):
        return []
    return list(
        concern.events.select_related("actor", "actor__member", "actor__officer").order_by("seq")
    )


def concern_meeting(concern: Concern) -> InformalMeeting | None:
    return InformalMeeting.objects.filter(concern=concern).prefetch_related("invitees").first()
