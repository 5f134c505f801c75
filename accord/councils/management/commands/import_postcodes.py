"""`accord import_postcodes --council SLUG FILE`: load which ward or division each postcode lies in."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accord.core.errors import AccordError
from accord.councils.imports.postcodes import postcodes_file_parse, postcodes_import
from accord.councils.management.importing import (
    import_arguments_add,
    import_council_and_file,
    import_progress,
)


class Command(BaseCommand):
    help = (
        "Import a council's postcodes and the ward or division each lies in, from a CSV file with "
        "the columns postcode and area (the area's name or code). All or nothing: any error saves "
        "nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        import_arguments_add(parser, file_help="The CSV file.")

    def handle(self, *args: Any, **options: Any) -> None:
        council, path, data = import_council_and_file(options)
        progress = import_progress(self, options, desc="Postcodes", unit="postcode")
        try:
            records = postcodes_file_parse(data=data)
            report = postcodes_import(
                council=council, records=records, dry_run=options["dry_run"], progress=progress
            )
        except AccordError as exc:
            raise CommandError(f"{path.name}: {exc.message} Nothing was saved.") from exc
        self.stdout.write(f"{council.name}: {path.name}")
        for line in report.lines():
            self.stdout.write(line)
