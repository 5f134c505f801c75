"""`accord enquiries_restore_due_dates`: once after upgrading, put right due dates a holding reply could not
move (D 6.3), and recount those answers on time or late."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from accord.enquiries.services import enquiry_due_dates_restore


class Command(BaseCommand):
    help = (
        "Give back the calendar's due date to every case whose due date a holding reply moved although "
        "D 6.3 does not let it (sent after the due date, or beyond the profile's longest extension); "
        "answers are recounted on time or late, each with an event. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = enquiry_due_dates_restore()
        self.stdout.write(f"{count} enquiry due date(s) restored.")
