"""The enquiry app's periodic jobs (D 6.3): reminders before the due date, escalation once overdue, and the
check that open cases follow the council's calendar (new bank holidays in the holidays data, closure days).

Each job handles one case (or council) at a time: one that fails is logged and the rest go on.
"""

from __future__ import annotations

from accord.notifications.schedule import register_periodic

REMINDERS = "enquiries.reminders_send"
OVERDUE = "enquiries.overdue_escalate"
CALENDAR = "enquiries.calendar_check"
EVERY_SECONDS = 15 * 60
CALENDAR_EVERY_SECONDS = 60 * 60


def reminders_job() -> None:
    from accord.enquiries.services import enquiries_reminders_send

    enquiries_reminders_send()


def overdue_job() -> None:
    from accord.enquiries.services import enquiries_overdue_escalate

    enquiries_overdue_escalate()


def calendar_job() -> None:
    from accord.enquiries.services import councils_calendar_check

    councils_calendar_check()


def register() -> None:
    register_periodic(REMINDERS, reminders_job, every_seconds=EVERY_SECONDS)
    register_periodic(OVERDUE, overdue_job, every_seconds=EVERY_SECONDS)
    register_periodic(CALENDAR, calendar_job, every_seconds=CALENDAR_EVERY_SECONDS)
