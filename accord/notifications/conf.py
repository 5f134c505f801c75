"""The notification settings, read from `settings.ACCORD_NOTIFICATIONS` each time so tests can override them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class NotificationsSettings:
    sender: str
    notify_api_key: str
    notify_template_id: str
    max_attempts: int
    retry_base: dt.timedelta
    retry_cap: dt.timedelta
    sending_timeout: dt.timedelta
    send_timeout_seconds: float
    sweep_every_seconds: int
    sweep_budget_seconds: float
    batch_size: int


def notifications_settings() -> NotificationsSettings:
    raw = getattr(settings, "ACCORD_NOTIFICATIONS", {})
    return NotificationsSettings(
        sender=str(raw.get("SENDER", "smtp")),
        notify_api_key=str(raw.get("NOTIFY_API_KEY", "")),
        notify_template_id=str(raw.get("NOTIFY_TEMPLATE_ID", "")),
        max_attempts=int(raw.get("MAX_ATTEMPTS", 10)),
        retry_base=dt.timedelta(seconds=float(raw.get("RETRY_BASE_SECONDS", 60))),
        retry_cap=dt.timedelta(seconds=float(raw.get("RETRY_CAP_SECONDS", 3600))),
        sending_timeout=dt.timedelta(seconds=float(raw.get("SENDING_TIMEOUT_SECONDS", 600))),
        send_timeout_seconds=float(raw.get("SEND_TIMEOUT_SECONDS", 30)),
        sweep_every_seconds=int(raw.get("SWEEP_EVERY_SECONDS", 30)),
        sweep_budget_seconds=float(raw.get("SWEEP_BUDGET_SECONDS", 20)),
        batch_size=int(raw.get("BATCH_SIZE", 100)),
    )
