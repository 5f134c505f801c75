"""The notification app's periodic job: the outbox sweep (retries, and anything a task missed)."""

from __future__ import annotations

from .conf import notifications_settings
from .schedule import register_periodic

OUTBOX_SWEEP = "notifications.outbox_sweep"


def outbox_sweep_job() -> None:
    from .services import outbox_sweep

    outbox_sweep(budget_seconds=notifications_settings().sweep_budget_seconds)


def register() -> None:
    register_periodic(
        OUTBOX_SWEEP, outbox_sweep_job, every_seconds=notifications_settings().sweep_every_seconds
    )
