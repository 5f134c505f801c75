"""System checks: a GOV.UK Notify sender without its key or template cannot send anything, and (with
`--deploy`) an SMTP sender whose e-mail backend writes to files, the console or memory sends nothing
while recording every message as sent."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from .conf import notifications_settings

# Django's backends that never deliver: mail "sent" through them reaches no one.
UNDELIVERED_BACKENDS = {
    "django.core.mail.backends.filebased.EmailBackend": "writes every e-mail to a file",
    "django.core.mail.backends.console.EmailBackend": "prints every e-mail to the console",
    "django.core.mail.backends.locmem.EmailBackend": "keeps every e-mail in memory",
    "django.core.mail.backends.dummy.EmailBackend": "discards every e-mail",
}


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


def check_backend_delivers(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """`check --deploy`: production mail must leave the machine (ACCORD_EMAIL_BACKEND unset means SMTP)."""
    what = UNDELIVERED_BACKENDS.get(settings.EMAIL_BACKEND)
    if notifications_settings().sender != "smtp" or what is None:
        return []
    return [
        checks.Error(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which {what}: nobody would receive Accord's "
            "e-mail, yet every message would be recorded as sent.",
            hint="Unset ACCORD_EMAIL_BACKEND and set ACCORD_EMAIL_HOST and ACCORD_EMAIL_PORT (SMTP), "
            "or choose GOV.UK Notify with ACCORD_NOTIFICATIONS_SENDER=notify.",
            id="accord_notifications.E003",
        )
    ]


def register() -> None:
    checks.register(check_sender)
    checks.register(check_backend_delivers, deploy=True)
