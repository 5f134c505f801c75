"""`accord send_test_email --to someone@council.gov.uk`: queue a test message through the outbox, to
check the sender settings end to end (the worker delivers it)."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from accord.notifications.queue import notification_queue


class Command(BaseCommand):
    help = "Queue a test e-mail; `accord worker --once` (or the running worker) sends it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", required=True, help="The address to send the test message to.")
        parser.add_argument("--name", default="", help="The recipient's name.")

    def handle(self, *args: Any, to: str, name: str, **options: Any) -> None:
        with transaction.atomic():
            message = notification_queue(
                council=None,
                recipient=to,
                recipient_name=name,
                template="test_message",
                context={},
                idempotency_key=f"platform:test:{uuid.uuid4()}",
                event_type="platform.test",
            )
        self.stdout.write(f"Queued test message {message.pk} to {to}.")
