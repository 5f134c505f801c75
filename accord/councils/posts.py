"""Who holds a post the protocols name: a statutory officer (D 2.11, N 4) and an officer's line managers
(D 1.4, D 11.4), for the capabilities that route to them."""

from __future__ import annotations

from collections.abc import Iterator

from accord.councils.models import Council, Officer, StatutoryRole


def statutory_officer(council: Council, role: str) -> Officer | None:
    """The active officer holding the council's statutory post `role` ("monitoring-officer"), or None."""
    held = (
        StatutoryRole.objects.filter(council=council, role=role, officer__is_active=True)
        .select_related("officer")
        .first()
    )
    return held.officer if held is not None else None


def line_managers(officer: Officer) -> Iterator[Officer]:
    """The officer's line managers, nearest first; a loop in the data ends the walk."""
    seen = {officer.pk}
    current = officer.line_manager
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        yield current
        current = current.line_manager
