"""`accord worker`: runs queued background tasks (django-tasks database backend) and the periodic jobs
(the outbox sweep, reminders ...) in one process. SIGTERM or SIGINT stops it after the current task.

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

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from accord.notifications.schedule import PeriodicRunner, periodic_jobs

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
        self.stop = threading.Event()
        self.current: Worker | None = None
        self.worker_id = f"accord-{get_random_string(12)}"
        runner = PeriodicRunner()
        with self._signals():
            while not self.stop.is_set():
                close_old_connections()
                tasks_run = self._run_ready_tasks()
                jobs_run = runner.run_due()
                if once:
                    self.stdout.write(
                        f"Ran {tasks_run} task(s) and {len(jobs_run)} periodic job(s)."
                    )
                    break
                self.stop.wait(interval)
        close_old_connections()

    def _run_ready_tasks(self) -> int:
        """Every task that is ready now, through django-tasks-db's own worker in batch mode."""
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )
        self.current = worker
        try:
            worker.run()
        finally:
            self.current = None
        return worker._run_tasks

    def _shutdown(self, signum: int, frame: FrameType | None) -> None:
        logger.warning("Received %s: stopping after the current task.", signal.strsignal(signum))
        self.stop.set()
        if self.current is not None:
            self.current.running = False

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
