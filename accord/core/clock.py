"""The one clock: every 'now' and 'today' in Accord comes from here, so tests can freeze it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    """The current time, timezone-aware, in Europe/London."""
    if _frozen is not None:
        return _frozen
    return dt.datetime.now(tz=LONDON)


def today() -> dt.date:
    """Today's date in Europe/London (every date boundary in Accord is London's)."""
    return now().date()


@contextmanager
def frozen(at: dt.datetime) -> Iterator[dt.datetime]:
    """Freeze the clock at an aware datetime for the duration of the block."""
    global _frozen
    if at.tzinfo is None:
        raise ValueError("frozen() takes a timezone-aware datetime")
    previous, _frozen = _frozen, at.astimezone(LONDON)
    try:
        yield _frozen
    finally:
        _frozen = previous
