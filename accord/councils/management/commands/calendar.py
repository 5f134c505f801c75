"""`accord calendar due`: a deadline worked out by the one working-day calendar (D 6.3), with its working."""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from accord.councils.models import Council
from accord.protocol.calendar import LONDON, NATIONS, WorkingCalendar


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # runs without loading the site
    help = "Working-day deadlines: day zero, the due date and every day not counted."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        due = sub.add_parser("due", help="the due date N working days after receipt")
        where = due.add_mutually_exclusive_group(required=True)
        where.add_argument("--council", help="a council's slug: its nation and closure days")
        where.add_argument("--nation", choices=sorted(NATIONS), help="a nation's bank holidays")
        due.add_argument(
            "--from",
            dest="received",
            required=True,
            help="when it was received, ISO 8601 (e.g. 2025-12-19T10:00; no offset means London)",
        )
        due.add_argument("--working-days", type=int, required=True, help="how many working days")
        due.add_argument("--json", action="store_true", help="print one JSON object only")

    def handle(self, *args: Any, **options: Any) -> None:
        calendar = self._calendar(council=options["council"], nation=options["nation"])
        received = _parse_received(options["received"])
        try:
            result = calendar.due(received, options["working_days"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict()))
            return
        self.stdout.write(
            f"Due: {result.due.isoformat()} (end of {result.due:%A} {result.due.day} {result.due:%B %Y})"
        )
        for line in result.explain():
            self.stdout.write(f"  {line}")

    def _calendar(self, *, council: str | None, nation: str | None) -> WorkingCalendar:
        if council is None:
            assert nation is not None
            return WorkingCalendar(nation)
        found = Council.objects.filter(slug=council).first()
        if found is None:
            known = ", ".join(Council.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"no council with slug {council!r} (councils: {known})")
        closures = {c.date: c.reason for c in found.closure_days.all()}
        return WorkingCalendar(found.nation, closures)


def _parse_received(text: str) -> dt.datetime:
    try:
        received = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--from {text!r} is not an ISO date and time such as 2025-12-19T10:00"
        ) from None
    if received.tzinfo is None:
        received = received.replace(tzinfo=LONDON)
    return received
