"""Each person's private calendar feed: the meetings Accord has invited them to, from every capability.

A capability registers a source, `calendar_feed_register("matters", events_for)`, where
`events_for(user) -> Iterable[CalendarEvent]` lists that person's meetings (cancelled ones included, marked
so). The feed link carries a secret token; only its SHA-256 is stored, so the link is shown once when it
is made, and making a new link or revoking it stops the old one at once.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable

from django.db import transaction

from accord.accounts.models import User
from accord.core import clock

from .ical import CalendarEvent, ical_feed
from .models import CalendarFeedToken

FeedSource = Callable[[User], Iterable[CalendarEvent]]
_SOURCES: dict[str, FeedSource] = {}


def calendar_feed_register(capability: str, source: FeedSource) -> None:
    """Install a capability's meetings in every person's feed (once; registering again replaces it)."""
    _SOURCES[capability] = source


def calendar_feed_sources() -> list[str]:
    return sorted(_SOURCES)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def feed_token_issue(*, user: User) -> str:
    """A new secret feed token for `user` (43 URL-safe characters), revoking any live one. Returned once:
    only its hash is kept."""
    User.objects.select_for_update().get(pk=user.pk)
    feed_token_revoke(user=user)
    token = secrets.token_urlsafe(32)
    CalendarFeedToken.objects.create(user=user, token_hash=_hash(token))
    return token


@transaction.atomic
def feed_token_revoke(*, user: User) -> int:
    """Stop `user`'s live feed link; the number of links stopped (0 or 1)."""
    return CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=clock.now()
    )


def feed_token_live(*, user: User) -> CalendarFeedToken | None:
    return CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_for_token(token: str) -> str | None:
    """The iCalendar feed for a live token's person (an active user), or None for any other token."""
    if not token or len(token) > 100:
        return None
    row = (
        CalendarFeedToken.objects.select_related("user")
        .filter(token_hash=_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if row is None:
        return None
    CalendarFeedToken.objects.filter(pk=row.pk).update(last_used_at=clock.now())
    events = [event for name in sorted(_SOURCES) for event in _SOURCES[name](row.user)]
    events.sort(key=lambda e: (e.start, e.uid))
    return ical_feed(events, name="Accord: my meetings")
