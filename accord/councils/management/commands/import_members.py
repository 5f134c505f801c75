"""`accord import_members --council SLUG FILE`: load Members and areas from CSV or modern.gov XML."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accord.core.errors import AccordError
from accord.councils.imports import members_file_parse, members_import
from accord.councils.management.importing import (
    import_arguments_add,
    import_council_and_file,
    import_progress,
)


class Command(BaseCommand):
    help = (
        "Import a council's Members, areas and groups from a CSV file or a modern.gov "
        "GetCouncillorsByWard XML file. All or nothing: any error saves nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        import_arguments_add(parser, file_help="The CSV or XML file.")
        parser.add_argument(
            "--format",
            choices=("csv", "moderngov"),
            help="csv or moderngov (default: from the file name, .xml is moderngov).",
        )
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Mark Members who are not in the file as inactive (they are never deleted).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        council, path, data = import_council_and_file(options)
        file_format = options["format"] or ("moderngov" if path.suffix.lower() == ".xml" else "csv")
        progress = import_progress(self, options, desc="Members", unit="member")
        try:
            records = members_file_parse(data=data, file_format=file_format)
            report = members_import(
                council=council,
                records=records,
                dry_run=options["dry_run"],
                deactivate_missing=options["deactivate_missing"],
                progress=progress,
            )
        except AccordError as exc:
            raise CommandError(f"{path.name}: {exc.message} Nothing was saved.") from exc
        self.stdout.write(f"{council.name}: {path.name} ({file_format})")
        for line in report.lines():
            self.stdout.write(line)
