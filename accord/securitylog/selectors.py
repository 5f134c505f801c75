"""Reading the security and access log: one council's entries, filtered, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from accord.core import clock
from accord.core.access import Actor, is_democratic_services, is_monitoring_officer, require
from accord.councils.models import Council
from accord.securitylog.models import SecurityLogEntry

# Democratic services and the Monitoring Officer (D 2.11, N 4) read their council's log.
reads_security_log = is_democratic_services | is_monitoring_officer


@dataclass(frozen=True)
class LogFilters:
    """What to show: a kind (a `SecurityLogEntry.Kind` value), a user name (part of it, any case), and
    the first and last day (in London, both included)."""

    kind: str | None = None
    username: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=clock.LONDON)


def security_log_for(
    actor: Actor, council: Council, *, filters: LogFilters | None = None
) -> QuerySet[SecurityLogEntry]:
    """The council's log entries the filters select, newest first; a 404 (`Http404`) for anyone who may
    not read it (the caller has already checked the council is the actor's own)."""
    require(actor, reads_security_log)
    filters = filters or LogFilters()
    qs = SecurityLogEntry.objects.filter(council=council).select_related("user")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.username:
        qs = qs.filter(username__icontains=filters.username)
    if filters.date_from:
        qs = qs.filter(at__gte=_start_of(filters.date_from))
    if filters.date_to:
        qs = qs.filter(at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    return qs.order_by("-at", "-id")


CSV_HEADER = ["When (UTC)", "Kind", "User", "What", "IP address", "User agent", "Details"]


def security_log_csv_rows(qs: QuerySet[SecurityLogEntry]) -> Iterator[list[str]]:
    """The header, then one row per entry (details as `field: old -> new` for an admin change)."""
    yield CSV_HEADER
    for entry in qs.iterator(chunk_size=2000):
        yield [
            entry.at.astimezone(dt.UTC).isoformat(timespec="seconds"),
            entry.get_kind_display(),
            entry.username,
            entry.description,
            entry.ip or "",
            entry.user_agent,
            entry_details(entry),
        ]


def entry_details(entry: SecurityLogEntry) -> str:
    """An admin change's fields as `field: "old" -> "new"`, one per line; other entries' data as
    `key: value`."""
    data = entry.data or {}
    changes = data.get("changes") or {}
    if changes:
        return "\n".join(f'{name}: "{old}" -> "{new}"' for name, (old, new) in changes.items())
    return "\n".join(f"{key}: {value}" for key, value in data.items())
