"""factory_boy factories for the outbox."""

from __future__ import annotations

import factory

from accord.core import clock
from accord.notifications.models import OutboxMessage


class OutboxMessageFactory(factory.django.DjangoModelFactory[OutboxMessage]):
    class Meta:
        model = OutboxMessage

    council = None
    recipient = factory.Sequence(lambda n: f"person{n}@testshire.gov.uk")
    recipient_name = "Alex Member"
    subject = "Your enquiry has been answered"
    body = "The answer is below.\n"
    template = "test_message"
    event_type = "test_message"
    idempotency_key = factory.Sequence(lambda n: f"test:{n}:v1")
    next_attempt_at = factory.LazyFunction(clock.now)
    created_at = factory.LazyFunction(clock.now)
