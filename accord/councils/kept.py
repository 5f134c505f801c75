"""Values computed from a council's settings (its calendar, its enquiry settings), kept in this process.

Each is kept under the council and the version of its settings. Any change of closure days or enquiry
settings gives the council a new version (`council_settings_changed`), so a request that reads the council
row afresh never gets a value from before the change; the process that makes the change also forgets its
own kept values at once, for code still holding the council as it was read before the change.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Generic, TypeVar
from uuid import UUID

from accord.councils.models import Council

T = TypeVar("T")
_ALL: list[CouncilKept[object]] = []


class CouncilKept(Generic[T]):
    def __init__(self, build: Callable[[Council], T], *, limit: int = 1000) -> None:
        self._build = build
        self._limit = limit
        self._kept: dict[tuple[int, UUID], T] = {}
        self._lock = threading.Lock()
        _ALL.append(self)  # type: ignore[arg-type]

    def get(self, council: Council) -> T:
        key = (council.pk, council.settings_version)
        try:
            return self._kept[key]
        except KeyError:
            pass
        value = self._build(council)
        with self._lock:
            if len(self._kept) >= self._limit:
                self._kept.clear()
            self._kept[key] = value
        return value

    def forget(self, council_id: int) -> None:
        with self._lock:
            for key in [k for k in self._kept if k[0] == council_id]:
                del self._kept[key]


def council_kept_forget(council_id: int) -> None:
    for kept in _ALL:
        kept.forget(council_id)


def council_settings_changed(council_id: int) -> None:
    """Mark the council's settings changed, in the caller's transaction (kept calendars are dropped).

    Connected to every save and delete of a closure day (`accord.councils.apps`) and of the enquiry settings.
    """
    Council.objects.filter(pk=council_id).update(settings_version=uuid.uuid4())
    council_kept_forget(council_id)
