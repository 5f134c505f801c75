"""Each Member's private calendar feed lists the public meetings they were invited to (D 5.4, N 23);
cancelled ones stay, marked cancelled, so a subscribed calendar removes them."""

from __future__ import annotations

from collections.abc import Iterable

from accord.accounts.models import User
from accord.matters.informing import meeting_event
from accord.matters.models import Matter
from accord.notifications.ical import CalendarEvent


def meetings_for_user(user: User) -> Iterable[CalendarEvent]:
    member = getattr(user, "member", None)
    if member is None:
        return []
    matters = (
        Matter.objects.filter(
            council_id=member.council_id,
            kind=Matter.Kind.PUBLIC_MEETING,
            receipts__member=member,
            receipts__invited=True,
        )
        .distinct()
        .select_related("council", "responsible_officer")
    )
    events = (meeting_event(m) for m in matters)
    return [e for e in events if e is not None]
