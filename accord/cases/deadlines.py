"""Working-day helpers every case with a deadline uses: how its due date was worked out, for the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.councils.calendars import calendar_for
from accord.councils.models import Council
from accord.protocol import Citation
from accord.protocol.calendar import DueDate


def day_words(day: dt.date) -> str:
    """A date as a case page writes it: "Monday 2 March 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class DueDateWorking:
    """How a case's due date was computed: `computed` by the council's calendar from the receipt, one line
    of working each in `lines` (ending with why the date now differs, when it does), and the paragraphs."""

    computed: DueDate
    lines: list[str]
    moved: bool
    citations: Sequence[Citation] = field(default_factory=list)


def due_date_working(
    *,
    council: Council,
    received_at: dt.datetime,
    working_days: int,
    due_date: dt.date | None,
    citations: Sequence[Citation],
    why_moved: Sequence[str] = (),
) -> DueDateWorking:
    """Recompute the due date `working_days` working days after `received_at` with the council's calendar
    (the day-zero rule of D 6.3) and explain it; when the case's `due_date` differs, a last line says what
    it is now and why (`why_moved`, each a clause such as "the clock stopped for 2 working days")."""
    computed = calendar_for(council).due(received_at, working_days)
    lines = computed.explain()
    moved = computed.due != due_date
    if moved and due_date is not None:
        reasons = "; ".join(why_moved)
        lines.append(
            f"The due date is now {day_words(due_date)}{': ' + reasons if reasons else ''}."
        )
    return DueDateWorking(computed, lines, moved, list(citations))
