"""What the import commands share: the council and file named on the command line, and the progress bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from accord.core.errors import AccordError
from accord.councils.models import Council

T = TypeVar("T")


def import_arguments_add(parser: CommandParser, *, file_help: str) -> None:
    parser.add_argument("file", type=Path, help=file_help)
    parser.add_argument("--council", required=True, help="The council's slug.")
    parser.add_argument("--dry-run", action="store_true", help="Show the report but save nothing.")


def import_council_and_file(options: dict[str, Any]) -> tuple[Council, Path, bytes]:
    """The council of `--council` and the bytes of the file, or a clear error naming what is wrong."""
    path: Path = options["file"]
    try:
        council = Council.objects.get(slug=options["council"])
    except Council.DoesNotExist as exc:
        raise CommandError(f"No council with the slug '{options['council']}'.") from exc
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
    return council, path, data


def import_progress(
    command: BaseCommand, options: dict[str, Any], *, desc: str, unit: str
) -> Callable[[list[T]], tqdm[T]]:
    """A progress bar on standard error (none at verbosity 0) for the importer's `progress` argument."""

    def progress(records: list[T]) -> tqdm[T]:
        return tqdm(
            records, desc=desc, unit=unit, file=command.stderr, disable=options["verbosity"] == 0
        )

    return progress


def import_error(path: Path, exc: AccordError) -> CommandError:
    """The command's error for a refused file: its name, every problem, and that nothing was saved."""
    end = "\n" if "\n" in exc.message else " "
    return CommandError(f"{path.name}: {exc.message}{end}Nothing was saved.")
