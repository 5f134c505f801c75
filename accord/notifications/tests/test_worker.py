"""The `accord worker` command and the registry of periodic jobs it runs."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from accord.core import clock
from accord.notifications import schedule
from accord.notifications.jobs import OUTBOX_SWEEP
from accord.notifications.models import OutboxMessage
from accord.notifications.schedule import periodic_jobs

from .conftest import SmtpServer
from .factories import OutboxMessageFactory

T0 = dt.datetime(2025, 6, 2, 8, 0, tzinfo=clock.LONDON)


def test_registered_periodic_jobs_include_the_outbox_sweep() -> None:
    names = [job.name for job in schedule.periodic_jobs()]
    assert OUTBOX_SWEEP in names
    out = io.StringIO()
    call_command("worker", "--list-jobs", stdout=out)
    assert f"{OUTBOX_SWEEP}\tevery 30s" in out.getvalue().splitlines()


def test_a_periodic_job_runs_at_start_then_only_when_due(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schedule, "_registry", {})
    runs: list[dt.datetime] = []
    schedule.register_periodic("enquiries.reminders", lambda: runs.append(clock.now()), 3600)
    runner = schedule.PeriodicRunner()
    with clock.frozen(T0):
        assert runner.run_due() == ["enquiries.reminders"]
    with clock.frozen(T0 + dt.timedelta(minutes=59)):
        assert runner.run_due() == []
    with clock.frozen(T0 + dt.timedelta(hours=1)):
        assert runner.run_due() == ["enquiries.reminders"]
    assert runs == [T0, T0 + dt.timedelta(hours=1)]


def test_a_failing_job_does_not_stop_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schedule, "_registry", {})
    ran: list[str] = []

    def broken() -> None:
        raise RuntimeError("boom")

    schedule.register_periodic("a.broken", broken, 60)
    schedule.register_periodic("b.fine", lambda: ran.append("b"), 60)
    assert schedule.PeriodicRunner().run_due() == ["a.broken", "b.fine"]
    assert ran == ["b"]


@pytest.mark.django_db(transaction=True)
def test_worker_once_delivers_pending_messages_that_no_task_carried(
    smtp_server: SmtpServer,
) -> None:
    due = OutboxMessageFactory.create(recipient="due@testshire.gov.uk")
    later = OutboxMessageFactory.create(
        recipient="later@testshire.gov.uk", next_attempt_at=clock.now() + dt.timedelta(hours=1)
    )
    out = io.StringIO()
    call_command("worker", "--once", stdout=out)

    assert [mail.rcpt_tos for mail in smtp_server.messages] == [["due@testshire.gov.uk"]]
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.status == OutboxMessage.Status.SENT
    assert later.status == OutboxMessage.Status.PENDING
    assert f"{len(periodic_jobs())} periodic job(s)" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_send_test_email_then_worker_once_reaches_the_smtp_server(smtp_server: SmtpServer) -> None:
    call_command("send_test_email", "--to", "ops@testshire.gov.uk", stdout=io.StringIO())
    call_command("worker", "--once", stdout=io.StringIO())
    assert [mail.subject for mail in smtp_server.messages] == ["Accord test message from Accord"]
