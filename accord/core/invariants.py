"""Invariants: the rules a real case obeys whatever code path wrote it, written down once and checkable.

Each capability keeps its own in `<capability>/invariants.py` and registers them here; `accord
check-invariants [--council SLUG]` runs every registered one over a council's data (or all councils') and
names each case and the invariant it breaks. Those SQL can say are also database `CheckConstraint`s
(`constraint_invariant`), so the database refuses a breach as it is written; the rest are named checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Breach:
    """One case breaking one invariant: the council's slug, the case's reference, what is wrong."""

    invariant: str
    council: str
    case: str
    detail: str

    def __str__(self) -> str:
        return f"{self.council} {self.case}: {self.invariant}: {self.detail}"


Check = Callable[[str | None], Iterable[Breach]]


@dataclass(frozen=True)
class Invariant:
    """A named rule (`enquiry.answered-after-received`), what it means, and the check that finds breaches.

    `check(council_slug)` yields every breach in that council (every council when None); `constraint` names
    the database constraint that also enforces it, if SQL can say it.
    """

    name: str
    description: str
    check: Check
    constraint: str | None = None


_registry: dict[str, Invariant] = {}


def invariant_register(invariant: Invariant) -> Invariant:
    """Add a capability's invariant; a second invariant of the same name is a programming error."""
    if invariant.name in _registry and _registry[invariant.name] != invariant:
        raise ValueError(f"an invariant called {invariant.name!r} is already registered")
    _registry[invariant.name] = invariant
    return invariant


def invariant_list() -> list[Invariant]:
    """Every registered invariant, in the order the capabilities registered them."""
    return list(_registry.values())


def invariants_check(*, council: str | None = None) -> list[Breach]:
    """Every breach of every registered invariant in one council (by slug) or, with None, in all."""
    return [breach for inv in invariant_list() for breach in inv.check(council)]


def constraint_invariant(
    name: str,
    *,
    model: str,
    constraint: models.CheckConstraint,
    description: str,
    detail: Callable[[Any], str],
    council_path: str = "council",
    case_field: str = "reference",
) -> Invariant:
    """An invariant the database enforces with `constraint` on `model` ('app_label.Model'), also checkable.

    The constraint's condition must hold for every row and be written to be true (never unknown) for rows
    it allows, so that `exclude(condition)` finds exactly the rows the database would refuse.
    """

    def check(council: str | None) -> Iterator[Breach]:
        rows = apps.get_model(model).objects.select_related(council_path)
        if council is not None:
            rows = rows.filter(**{f"{council_path}__slug": council})
        for row in rows.exclude(constraint.condition).order_by("pk"):
            owner = row
            for part in council_path.split("__"):
                owner = getattr(owner, part)
            yield Breach(name, str(owner.slug), str(getattr(row, case_field)), detail(row))

    return invariant_register(
        Invariant(name=name, description=description, check=check, constraint=constraint.name)
    )
