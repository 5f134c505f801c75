"""`accord audit verify [--council SLUG]`: check that each council's enquiry history is whole (under FOIA s.77
altering, erasing or concealing a requested record is an offence). Exit status 1 when a chain is broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accord.councils.models import Council
from accord.enquiries.chain import chain_verify


class Command(BaseCommand):
    help = "Audit the record: 'verify' recomputes each council's history chain and names the first broken link."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser(
            "verify", help="Check the enquiry history of every council, or one."
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
            report = chain_verify(council)
            if report.is_whole:
                self.stdout.write(f"{council.slug}: {report.events} event(s), chain whole.")
            else:
                broken += 1
                self.stdout.write(
                    self.style.ERROR(
                        f"{council.slug}: BROKEN after {report.events} good event(s): {report.broken}."
                    )
                )
        if broken:
            raise CommandError(f"{broken} council(s) with a broken history chain.", returncode=1)
