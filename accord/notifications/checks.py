"""System checks: a GOV.UK Notify sender without its key or template cannot send anything."""

from __future__ import annotations

from typing import Any

from django.core import checks

from .conf import notifications_settings


def check_sender(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    config = notifications_settings()
    if config.sender not in ("smtp", "notify"):
        return [
            checks.Error(
                f"ACCORD_NOTIFICATIONS['SENDER'] is {config.sender!r}; it must be 'smtp' or 'notify'.",
                id="accord_notifications.E001",
            )
        ]
    if config.sender == "notify" and not (config.notify_api_key and config.notify_template_id):
        return [
            checks.Error(
                "GOV.UK Notify is the sender but ACCORD_NOTIFY_API_KEY or ACCORD_NOTIFY_TEMPLATE_ID is empty.",
                id="accord_notifications.E002",
            )
        ]
    return []


def register() -> None:
    checks.register(check_sender)
