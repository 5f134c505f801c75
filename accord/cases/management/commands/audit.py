"""`accord audit verify [--council SLUG]`: check that each council's history is whole, every chain of every
capability (under FOIA s.77 altering, erasing or concealing a requested record is an offence). Exit status 1
when a chain is broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accord.cases.history import chains_verify_all
from accord.councils.models import Council


class Command(BaseCommand):
    help = "Audit the record: 'verify' recomputes each council's history chain and names the first broken link."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser(
            "verify", help="Check the history chains of every council, or one."
        )
        verify.add_argument("--council", metavar="SLUG", help="Only this council.")

    def handle(self, *args: Any, **options: Any) -> None:
        councils = Council.objects.order_by("slug")
        if options.get("council"):
            councils = councils.filter(slug=options["council"])
            if not councils.exists():
                raise CommandError(f"No council with the slug {options['council']!r}.")
        broken = 0
        for council in councils:
            for capability, report in chains_verify_all(council):
                if report.is_whole:
                    self.stdout.write(
                        f"{council.slug} {capability}: {report.events} event(s), chain whole."
                    )
                else:
                    broken += 1
                    self.stdout.write(
                        self.style.ERROR(
                            f"{council.slug} {capability}: BROKEN after {report.events} good "
                            f"event(s): {report.broken}."
                        )
                    )
        if broken:
            raise CommandError(f"{broken} broken history chain(s).", returncode=1)
