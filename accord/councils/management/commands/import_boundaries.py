"""`accord import_boundaries --council SLUG FILE.geojson`: load the council's ward or division boundaries."""

from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from accord.core.errors import AccordError
from accord.councils.imports.boundaries import boundaries_import_file
from accord.councils.management.importing import (
    import_arguments_add,
    import_council_and_file,
    import_error,
    import_progress,
)


class Command(BaseCommand):
    help = (
        "Import a council's ward or division boundaries from a GeoJSON FeatureCollection as the ONS "
        "publishes them (a code property such as WD24CD or CED23CD and a name property such as "
        "WD24NM; Polygon or MultiPolygon; WGS84 or British National Grid), matched to the council's "
        "areas by code, else by name. All or nothing: any problem saves nothing, and every problem "
        "in the file is listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        import_arguments_add(parser, file_help="The GeoJSON file.")

    def handle(self, *args: Any, **options: Any) -> None:
        council, path, data = import_council_and_file(options)
        progress = import_progress(self, options, desc="Boundaries", unit="area")
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "unknown"
        try:
            report = boundaries_import_file(
                council=council,
                data=data,
                by=f"accord import_boundaries ({user})"[:200],
                dry_run=options["dry_run"],
                progress=progress,
            )
        except AccordError as exc:
            raise import_error(path, exc) from exc
        self.stdout.write(f"{council.name}: {path.name}")
        for line in report.lines():
            self.stdout.write(line)
