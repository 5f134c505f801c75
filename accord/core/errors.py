"""One application error type for domain invariants; views and the API turn it into a clear message."""

from __future__ import annotations

from typing import Any


class AccordError(Exception):
    """A rule of the protocol or of the data was broken. `citations` name the paragraphs behind it."""

    def __init__(
        self, message: str, *, citations: list[Any] | None = None, field: str | None = None
    ):
        super().__init__(message)
        self.message = message
        self.citations = list(citations or [])
        self.field = field
