"""Every problem in a file, reported in one run: a file with three bad e-mails is refused once, naming
all three, not three times."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from accord.core.errors import AccordError
from accord.core.text import text_problem

MAX_SHOWN = 100


class ImportProblems(AccordError):
    """A file refused for one or more problems; `problems` lists each, naming its line or element."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        shown = self.problems[:MAX_SHOWN]
        more = len(self.problems) - len(shown)
        if len(shown) == 1:
            message = shown[0]
        else:
            message = f"{len(self.problems)} problems:\n" + "\n".join(f"- {p}" for p in shown)
        if more:
            message += f"\n... and {more} more."
        super().__init__(message)


class Problems:
    """Collects problems while a whole file is read and written; `raise_any` refuses it if there were."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.items)

    def add(self, message: str) -> None:
        self.items.append(message)

    @contextmanager
    def collecting(self) -> Iterator[None]:
        """Inside the block an AccordError is noted as a problem and the block is left."""
        try:
            yield
        except ImportProblems as exc:
            self.items.extend(exc.problems)
        except AccordError as exc:
            self.add(exc.message)

    def text(
        self, where: str, label: str, value: str, *, max_length: int | None, multiline: bool = False
    ) -> str | None:
        """`value` when it fits `max_length` characters and has no control characters; otherwise the
        problem is noted as "<where>: <label> contains a line break." and None is returned."""
        problem = text_problem(value, max_length=max_length, multiline=multiline)
        if problem is None:
            return value
        self.add(f"{where}: {label} {problem}.")
        return None

    def raise_any(self) -> None:
        if self.items:
            raise ImportProblems(self.items)
