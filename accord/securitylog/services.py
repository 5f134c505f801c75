"""Writing the security and access log: one function, `security_log_record`, for every kind of entry.

Where a request is in hand its origin (IP address, user agent) is read from it; code with no request (the
API token check) gets the origin the middleware keeps for the request being served.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse

from accord.securitylog.models import SecurityLogEntry

if TYPE_CHECKING:
    from accord.accounts.models import User

USER_AGENT_LENGTH = 300
Kind = SecurityLogEntry.Kind


@dataclass(frozen=True)
class Origin:
    """Where a request came from: `ip` as the server saw it (None if unknown) and the browser's user agent."""

    ip: str | None = None
    user_agent: str = ""


_ORIGIN: contextvars.ContextVar[Origin | None] = contextvars.ContextVar(
    "accord_origin", default=None
)


def origin_of(request: HttpRequest | None) -> Origin:
    """The request's origin: REMOTE_ADDR (set it from a trusted proxy in the web server) and the user
    agent, cut to 300 characters; the origin of the request being served when `request` is None."""
    if request is None:
        return _ORIGIN.get() or Origin()
    ip = request.META.get("REMOTE_ADDR") or None
    agent = str(request.META.get("HTTP_USER_AGENT", ""))[:USER_AGENT_LENGTH]
    return Origin(ip=ip, user_agent=agent)


class RequestOriginMiddleware:
    """Keeps the origin of the request being served for code that has no request in hand."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _ORIGIN.set(origin_of(request))
        try:
            return self.get_response(request)
        finally:
            _ORIGIN.reset(token)


def security_log_record(
    *,
    kind: str,
    description: str,
    user: User | None,
    request: HttpRequest | None = None,
    council_id: int | None = None,
    username: str = "",
    **data: Any,
) -> SecurityLogEntry:
    """Append one entry: `kind` (a `SecurityLogEntry.Kind`), what happened in words, who (`user`, or the
    `username` given for a failure), and where from (the request's origin). The council is the user's
    unless `council_id` names the council whose data was touched. `data` is kept as JSON (strings, numbers,
    lists, dicts); for an admin change, `changes={field: [old, new]}`."""
    where = origin_of(request)
    if council_id is None and user is not None:
        council_id = user.council_id
    return SecurityLogEntry.objects.create(
        council_id=council_id,
        user=user,
        username=username or (user.get_username() if user is not None else ""),
        kind=kind,
        description=description,
        ip=where.ip,
        user_agent=where.user_agent,
        data=data,
    )
