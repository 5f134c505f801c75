"""The enquiry app's periodic jobs (D 6.3): reminders before the due date, escalation once overdue."""

from __future__ import annotations

from accord.notifications.schedule import register_periodic

REMINDERS = "enquiries.reminders_send"
OVERDUE = "enquiries.overdue_escalate"
EVERY_SECONDS = 15 * 60


def reminders_job() -> None:
    from accord.enquiries.services import enquiries_reminders_send

    enquiries_reminders_send()


def overdue_job() -> None:
    from accord.enquiries.services import enquiries_overdue_escalate

    enquiries_overdue_escalate()


def register() -> None:
    register_periodic(REMINDERS, reminders_job, every_seconds=EVERY_SECONDS)
    register_periodic(OVERDUE, overdue_job, every_seconds=EVERY_SECONDS)
