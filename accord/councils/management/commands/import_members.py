"""`accord import_members --council SLUG FILE`: load Members and areas from CSV or modern.gov XML."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from accord.core.errors import AccordError
from accord.councils.imports import (
    Scope,
    file_format_detect,
    members_file_parse,
    members_import,
)
from accord.councils.management.importing import (
    import_arguments_add,
    import_council_and_file,
    import_error,
    import_progress,
)


class Command(BaseCommand):
    help = (
        "Import a council's Members, areas and groups from a CSV file or a modern.gov "
        "GetCouncillorsByWard XML file. All or nothing: any problem saves nothing, and every "
        "problem in the file is listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        import_arguments_add(parser, file_help="The CSV or XML file.")
        parser.add_argument(
            "--format",
            choices=("csv", "moderngov"),
            help="csv or moderngov (default: from the file's contents; XML is moderngov).",
        )
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Mark Members who are not in the file as inactive (they are never deleted).",
        )
        parser.add_argument(
            "--create-areas",
            action="store_true",
            help="Create the wards or divisions the file names that the council does not have "
            "(without it, an unknown area is refused, naming the line).",
        )
        parser.add_argument(
            "--ward-suffix",
            default="",
            help="Keep only the Members whose ward titles end with this, e.g. '(BDC)', for a feed "
            "shared with another council; the suffix is dropped from the area's name.",
        )
        parser.add_argument(
            "--email-domain",
            default="",
            help="Keep only the Members whose e-mail address is at this domain (or a subdomain), "
            "for a feed shared with another council.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        council, path, data = import_council_and_file(options)
        file_format = options["format"] or file_format_detect(data)
        progress = import_progress(self, options, desc="Members", unit="member")
        scope = Scope(ward_suffix=options["ward_suffix"], email_domain=options["email_domain"])
        try:
            members = members_file_parse(data=data, file_format=file_format, scope=scope)
            report = members_import(
                council=council,
                members=members,
                dry_run=options["dry_run"],
                deactivate_missing=options["deactivate_missing"],
                create_areas=options["create_areas"],
                progress=progress,
            )
        except AccordError as exc:
            raise import_error(path, exc) from exc
        self.stdout.write(f"{council.name}: {path.name} ({file_format})")
        for line in report.lines():
            self.stdout.write(line)
