"""`accord worker`: runs queued background tasks (django-tasks database backend) and the periodic jobs
(the outbox sweep, reminders ...) in one process that survives a lost database connection
(accord/notifications/worker.py). SIGTERM or SIGINT stops it after the current task.

    accord worker                 # loop, checking every 5 seconds
    accord worker --once          # process what is due, then exit (cron, tests)
    accord worker --list-jobs     # the registered periodic jobs
"""

from __future__ import annotations

import logging
import signal
import threading
from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import Error as DatabaseError

from accord.notifications.schedule import periodic_jobs
from accord.notifications.worker import WorkerLoop

logger = logging.getLogger("accord.notifications.worker")


class Command(BaseCommand):
    help = "Run background tasks and periodic jobs (the outbox sweep, reminders)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true", help="Process what is due, then exit.")
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            help="Seconds to wait between checks (default 5).",
        )
        parser.add_argument(
            "--list-jobs", action="store_true", help="List the registered periodic jobs and exit."
        )

    def handle(
        self, *args: Any, once: bool, interval: float, list_jobs: bool, **options: Any
    ) -> None:
        if list_jobs:
            for job in periodic_jobs():
                self.stdout.write(f"{job.name}\tevery {job.every.total_seconds():g}s")
            return
        self.loop = WorkerLoop(interval=interval)
        with self._signals():
            try:
                result = self.loop.run(once=once)
            except DatabaseError as error:
                raise CommandError(f"The database could not be reached: {error}") from error
        if once:
            self.stdout.write(f"Ran {result.tasks} task(s) and {len(result.jobs)} periodic job(s).")

    def _shutdown(self, signum: int, frame: FrameType | None) -> None:
        logger.warning("Received %s: stopping after the current task.", signal.strsignal(signum))
        self.loop.request_stop()

    @contextmanager
    def _signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {
            sig: signal.signal(sig, self._shutdown) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
