"""The worker keeps going: periodic jobs on time behind a backlog of e-mails, messages a killed worker
left `sending` released when a worker starts, and a lost database connection survived (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.db import connection, transaction

from accord.core import clock
from accord.notifications import schedule, services
from accord.notifications.models import OutboxMessage
from accord.notifications.queue import notification_queue
from accord.notifications.services import claimant
from accord.notifications.worker import WorkerLoop

from .conftest import SmtpServer
from .factories import OutboxMessageFactory

Status = OutboxMessage.Status


class RecordingSender:
    """Stands in for the mail service: takes `delay` seconds per message; `hold` (if given) makes the
    first send wait until it is set."""

    name = "recording"

    def __init__(self, delay: float = 0.0, hold: threading.Event | None = None):
        self.delay = delay
        self.hold = hold
        self.sending = threading.Event()
        self.sent: list[str] = []

    def send(self, message: OutboxMessage) -> None:
        self.sending.set()
        if self.hold is not None and not self.sent:
            self.hold.wait(10)
        time.sleep(self.delay)
        self.sent.append(message.recipient)


def _queue(n: int) -> None:
    with transaction.atomic():
        notification_queue(
            council=None,
            recipient=f"m{n}@testshire.gov.uk",
            recipient_name="Alex Member",
            template="test_message",
            context={},
            idempotency_key=f"loop:{n}:v1",
        )


@pytest.mark.django_db(transaction=True)
def test_periodic_jobs_run_on_time_behind_a_backlog_of_emails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sender = RecordingSender(delay=0.2)
    monkeypatch.setattr(services, "sender_from_settings", lambda: sender)
    monkeypatch.setattr(schedule, "_registry", {})
    for n in range(20):  # four seconds of sending
        _queue(n)
    loop = WorkerLoop(interval=0.05)
    ticks: list[float] = []

    def reminders() -> None:
        ticks.append(time.monotonic())
        if len(ticks) == 4:
            loop.request_stop()

    schedule.register_periodic("enquiries.reminders", reminders, 0.5)
    loop.run()

    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) == 4
    assert max(gaps) < 2, f"the job waited behind the e-mails: {gaps}"
    assert 3 <= len(sender.sent) < 20, "e-mails went out between the job's runs"


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.django_db(transaction=True)
def test_a_message_left_sending_by_a_killed_worker_is_released_when_a_worker_starts(
    smtp_server: SmtpServer,
) -> None:
    host = socket.gethostname()
    now = clock.now()
    orphaned = OutboxMessageFactory.create(
        status=Status.SENDING,
        claimed_at=now - dt.timedelta(seconds=30),
        claimed_by=f"{host}:{_dead_pid()}:a1b2c3d4",
        attempts=1,
    )
    in_hand = OutboxMessageFactory.create(
        status=Status.SENDING, claimed_at=now, claimed_by=claimant(), attempts=1
    )
    elsewhere = OutboxMessageFactory.create(
        status=Status.SENDING, claimed_at=now, claimed_by="another-host:4242:e5f6a7b8", attempts=1
    )

    WorkerLoop().run(once=True)

    assert [mail.rcpt_tos for mail in smtp_server.messages] == [[orphaned.recipient]]
    orphaned.refresh_from_db()
    assert (orphaned.status, orphaned.attempts) == (Status.SENT, 2)
    for message in (in_hand, elsewhere):
        message.refresh_from_db()
        assert message.status == Status.SENDING, "a live or unknown worker's send is left alone"


def _terminate_other_backends() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        row = cursor.fetchone()
    return int(row[0]) if row else 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_worker_carries_on_when_its_database_connection_is_terminated(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    caplog.set_level(logging.WARNING, logger="accord.notifications.worker")
    # The sweep would deliver too; without it the messages go by their tasks, the path that died.
    monkeypatch.setattr(schedule, "_registry", {})
    hold = threading.Event()
    sender = RecordingSender(hold=hold)
    monkeypatch.setattr(services, "sender_from_settings", lambda: sender)
    loop = WorkerLoop(interval=0.1, max_backoff=0.5)
    crashed: list[BaseException] = []

    def work() -> None:
        try:
            loop.run()
        except BaseException as error:
            crashed.append(error)
        finally:
            connection.close()

    _queue(1)
    thread = threading.Thread(target=work)
    thread.start()
    try:
        assert sender.sending.wait(10), "the worker took the first message"
        assert _terminate_other_backends() >= 1
        hold.set()  # the send returns; recording it meets the terminated connection
        _queue(2)
        deadline = time.monotonic() + 15
        while "m2@testshire.gov.uk" not in sender.sent and time.monotonic() < deadline:
            time.sleep(0.1)
        assert thread.is_alive(), f"the worker stopped: {crashed}"
    finally:
        loop.request_stop()
        thread.join(15)
    assert crashed == []
    assert "m2@testshire.gov.uk" in sender.sent
    assert OutboxMessage.objects.get(idempotency_key="loop:2:v1").status == Status.SENT
    assert "lost its database connection" in caplog.text


@pytest.mark.django_db
def test_the_sweep_stops_starting_deliveries_when_its_time_is_up() -> None:
    sender = RecordingSender(delay=0.2)
    for _ in range(5):
        OutboxMessageFactory.create()

    outcomes = services.outbox_sweep(sender=sender, budget_seconds=0.3)

    assert outcomes == {"sent": 2}
    assert OutboxMessage.objects.filter(status=Status.PENDING).count() == 3
