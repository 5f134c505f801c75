"""The enquiry app's periodic jobs (D 6.3): reminders before the due date, escalation once overdue, and the
check that open cases follow the council's calendar (new bank holidays in the holidays data, closure days),
and retention: constituents' personal data removed from closed cases once the council's period has passed.

Each job handles one case (or council) at a time: one that fails is logged and the rest go on.
"""

from __future__ import annotations

from accord.notifications.schedule import register_periodic

REMINDERS = "enquiries.reminders_send"
OVERDUE = "enquiries.overdue_escalate"
CALENDAR = "enquiries.calendar_check"
RETENTION = "enquiries.personal_data_remove"
EVERY_SECONDS = 15 * 60
CALENDAR_EVERY_SECONDS = 60 * 60
RETENTION_EVERY_SECONDS = 6 * 60 * 60


def reminders_job() -> None:
    from accord.enquiries.services import enquiries_reminders_send

    enquiries_reminders_send()


def overdue_job() -> None:
    from accord.enquiries.services import enquiries_overdue_escalate

    enquiries_overdue_escalate()


def calendar_job() -> None:
    from accord.enquiries.services import councils_calendar_check

    councils_calendar_check()


def retention_job() -> None:
    from accord.enquiries.services import enquiries_personal_data_remove

    enquiries_personal_data_remove()


def register() -> None:
    register_periodic(REMINDERS, reminders_job, every_seconds=EVERY_SECONDS)
    register_periodic(OVERDUE, overdue_job, every_seconds=EVERY_SECONDS)
    register_periodic(CALENDAR, calendar_job, every_seconds=CALENDAR_EVERY_SECONDS)
    register_periodic(RETENTION, retention_job, every_seconds=RETENTION_EVERY_SECONDS)
