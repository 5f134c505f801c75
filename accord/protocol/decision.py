"""A rule's answer: allowed, refused or needs action, always with the paragraphs behind it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from accord.protocol.calendar import DueDate
from accord.protocol.model import Citation


class Outcome(StrEnum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    NEEDS_ACTION = "needs-action"


_VERB = {
    Outcome.ALLOWED: "Allowed",
    Outcome.REFUSED: "Refused",
    Outcome.NEEDS_ACTION: "Action needed",
}


@dataclass(frozen=True)
class Decision:
    """What the protocol says about one attempt, and why (the citations are never optional in spirit)."""

    outcome: Outcome
    message: str
    citations: tuple[Citation, ...]
    route_to: str | None = None
    due: DueDate | None = None
    action: str | None = None

    @classmethod
    def allowed(cls, message: str, citations: Iterable[Citation] = (), **extra: Any) -> Decision:
        return cls(Outcome.ALLOWED, message, tuple(citations), **extra)

    @classmethod
    def refused(cls, message: str, citations: Iterable[Citation] = (), **extra: Any) -> Decision:
        return cls(Outcome.REFUSED, message, tuple(citations), **extra)

    @classmethod
    def needs_action(
        cls, message: str, citations: Iterable[Citation] = (), **extra: Any
    ) -> Decision:
        return cls(Outcome.NEEDS_ACTION, message, tuple(citations), **extra)

    @property
    def is_allowed(self) -> bool:
        return self.outcome is Outcome.ALLOWED

    def summary(self) -> str:
        """One line for a page or a log: 'Refused under para 19(e): only a Chief Officer is invited'."""
        verb = _VERB[self.outcome]
        if not self.citations:
            return f"{verb}: {self.message}"
        ids = ", ".join(c.paragraph for c in self.citations)
        para = "para" if len(self.citations) == 1 else "paras"
        return f"{verb} under {para} {ids}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "message": self.message,
            "citations": [c.to_dict() for c in self.citations],
            "route_to": self.route_to,
            "due": self.due.to_dict() if self.due is not None else None,
            "action": self.action,
        }

    def __str__(self) -> str:
        return self.summary()
