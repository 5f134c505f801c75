"""`accord import_postcodes --council SLUG FILE`: load which ward or division each postcode lies in."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from accord.core.errors import AccordError
from accord.councils.imports.postcodes import postcodes_import_file
from accord.councils.management.importing import (
    import_arguments_add,
    import_council_and_file,
    import_error,
    import_progress,
)


class Command(BaseCommand):
    help = (
        "Import a council's postcodes and the ward or division each lies in, from a CSV file with "
        "the columns postcode and area (the area's name or code), or the ONS postcode directory. "
        "All or nothing: any problem saves nothing, and every problem in the file is listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        import_arguments_add(parser, file_help="The CSV file.")
        parser.add_argument(
            "--area-column",
            default="",
            help="The column that holds the ward or division (default: area, else the council's "
            "area noun decides: ward for wards, ced or division for divisions).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        council, path, data = import_council_and_file(options)
        progress = import_progress(self, options, desc="Postcodes", unit="postcode")
        try:
            report = postcodes_import_file(
                council=council,
                data=data,
                area_column=options["area_column"],
                dry_run=options["dry_run"],
                progress=progress,
            )
        except AccordError as exc:
            raise import_error(path, exc) from exc
        self.stdout.write(f"{council.name}: {path.name}")
        for line in report.lines():
            self.stdout.write(line)
