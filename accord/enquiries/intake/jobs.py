"""The intake's periodic job: fetch every active enquiries mailbox (`accord worker`, every 5 minutes)."""

from __future__ import annotations

from accord.notifications.schedule import register_periodic

FETCH = "enquiries.mailboxes_fetch"
EVERY_SECONDS = 5 * 60


def fetch_job() -> None:
    from accord.enquiries.intake.fetch import mailboxes_fetch

    mailboxes_fetch()


def register() -> None:
    register_periodic(FETCH, fetch_job, every_seconds=EVERY_SECONDS)
