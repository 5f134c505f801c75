"""`accord check-invariants [--council SLUG]`: every registered invariant over a council's data, or all.

Prints each breach as "council case: invariant: what is wrong" and exits with status 1 if there is any.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from accord.core.invariants import invariant_list, invariants_check


class Command(BaseCommand):
    help = "Check that every case obeys the invariants of its capability; exit 1 naming any breach."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--council", metavar="SLUG", help="one council (default: all)")

    def handle(self, *args: Any, **options: Any) -> None:
        slug: str | None = options["council"]
        councils = apps.get_model("councils", "Council").objects
        if slug is not None and not councils.filter(slug=slug).exists():
            raise CommandError(f"--council: no council with the slug {slug!r}")
        scope = f"council {slug!r}" if slug else f"{councils.count()} council(s)"
        breaches = invariants_check(council=slug)
        for breach in breaches:
            self.stderr.write(str(breach))
        checked = len(invariant_list())
        if breaches:
            broken = len({b.invariant for b in breaches})
            raise CommandError(
                f"{len(breaches)} breach(es) of {broken} of {checked} invariants in {scope}."
            )
        self.stdout.write(f"All {checked} invariants hold in {scope}.")
