"""How long a signed-in session lasts: an idle period and an absolute lifetime, the council's or the
installation's (`ACCORD_SESSION_IDLE_MINUTES`, `ACCORD_SESSION_ABSOLUTE_HOURS`).

The limits are written into the session when it starts, so a request costs no query for them; a council's
change applies to sessions started after it. Times are POSIX seconds from `accord.core.clock`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest

from accord.core import clock

if TYPE_CHECKING:
    from accord.accounts.models import User

STARTED = "accord_session_started"
LAST_SEEN = "accord_session_last_seen"
LIMITS = "accord_session_limits"
# The last-seen time is written at most once a minute, so a busy page does not save the session each time.
LAST_SEEN_RESOLUTION_SECONDS = 60


def session_limits_for(user: User) -> tuple[int, int]:
    """(idle seconds, absolute seconds) for the user: their council's CouncilSignIn, else the settings."""
    from accord.accounts.models import CouncilSignIn

    idle_minutes = settings.ACCORD_SESSION_IDLE_MINUTES
    absolute_hours = settings.ACCORD_SESSION_ABSOLUTE_HOURS
    if user.council_id is not None:
        own = CouncilSignIn.objects.filter(council_id=user.council_id).first()
        if own is not None:
            idle_minutes, absolute_hours = own.session_idle_minutes, own.session_absolute_hours
    return idle_minutes * 60, absolute_hours * 3600


def session_start(request: HttpRequest, user: User) -> None:
    """Mark the request's session as starting now, with the user's limits."""
    now = clock.now().timestamp()
    request.session[STARTED] = now
    request.session[LAST_SEEN] = now
    request.session[LIMITS] = list(session_limits_for(user))


def session_touch(request: HttpRequest, user: User) -> bool:
    """Record this request on the signed-in session; False when the session has ended (idle too long,
    or older than its absolute lifetime), in which case the caller signs the user out."""
    session = request.session
    if STARTED not in session or LIMITS not in session:
        session_start(request, user)
        return True
    now = clock.now().timestamp()
    idle, absolute = session[LIMITS]
    if now - session[LAST_SEEN] > idle or now - session[STARTED] > absolute:
        return False
    if now - session[LAST_SEEN] >= LAST_SEEN_RESOLUTION_SECONDS:
        session[LAST_SEEN] = now
    return True
