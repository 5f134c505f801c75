"""Two workers delivering the same message at the same moment send it once (PostgreSQL row locks;
SQLite serialises writers and is skipped here)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accord.notifications.services import Outcome, outbox_deliver

from .conftest import SmtpServer
from .factories import OutboxMessageFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_message_exactly_once(smtp_server: SmtpServer) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    messages = [OutboxMessageFactory.create(recipient=f"m{i}@testshire.gov.uk") for i in range(5)]
    outcomes: list[Outcome] = []
    lock = threading.Lock()

    for message in messages:
        barrier = threading.Barrier(2)

        def deliver(message_id: int = message.pk, barrier: threading.Barrier = barrier) -> None:
            try:
                barrier.wait()
                outcome = outbox_deliver(message_id=message_id)
                with lock:
                    outcomes.append(outcome)
            finally:
                connection.close()

        threads = [threading.Thread(target=deliver) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(outcomes) == sorted([Outcome.SENT, Outcome.SKIPPED] * 5)
    assert sorted(mail.rcpt_tos[0] for mail in smtp_server.messages) == [
        f"m{i}@testshire.gov.uk" for i in range(5)
    ]
