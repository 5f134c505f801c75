"""`accord demo load` creates the two demo councils; `accord demo logins` prints their sign-ins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from accord.demo.services import DEMO_PASSWORD, DemoLogin, demo_load, demo_logins


class Command(BaseCommand):
    help = "Demo councils: 'load' creates those not loaded before (safe to repeat); 'logins' lists sign-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "load", help="Create the demo councils not loaded before; never changes a loaded one."
        )
        actions.add_parser("logins", help="Print the demo sign-ins and the password.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            rows = demo_load()
            self.stdout.write(self.style.SUCCESS("Demo councils loaded."))
        else:
            rows = demo_logins()
        self._table(rows)

    def _table(self, rows: list[DemoLogin]) -> None:
        if not rows:
            self.stdout.write("No demo sign-ins yet: run 'accord demo load'.")
            return
        header = ("Username", "Role", "Council", "Person")
        table = [header, *((r.username, r.role, r.council, r.person) for r in rows)]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        for row in table:
            self.stdout.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        self.stdout.write(
            f"\nPassword for every demo sign-in: {DEMO_PASSWORD} "
            "(users created by an earlier load keep the password they have now)."
        )
