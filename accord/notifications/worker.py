"""The loop `accord worker` runs: background tasks (django-tasks' database backend) and the periodic jobs,
in one process that outlives its database connection (docs/adr/0006-outbox-and-worker.md).

- When it starts it releases the messages a killed worker of this host left `sending`.
- Periodic jobs run on time: tasks are run one at a time, and the loop goes back to the jobs as soon as
  one is due, however long the queue of e-mails.
- A lost database connection (a PostgreSQL restart, a failover, a connection reaper) does not stop it:
  the broken connection is closed and the pass is tried again after 1, 2, 4 ... seconds (at most a
  minute), and it carries on where it was.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from django.db import Error as DatabaseError
from django.db import close_old_connections, connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from .schedule import PeriodicRunner
from .services import outbox_release_orphaned

logger = logging.getLogger("accord.notifications.worker")


@dataclass
class PassResult:
    """What one pass did: how many tasks it ran and which periodic jobs (by name)."""

    tasks: int = 0
    jobs: list[str] = field(default_factory=list)


class WorkerLoop:
    """One worker: `run()` loops until `stop` is set (`once=True`: one pass, then return).

    `interval` is the most it waits, in seconds, when there is nothing to do; `max_backoff` the longest
    wait, in seconds, between attempts to reach the database again.
    """

    def __init__(self, *, interval: float = 5.0, max_backoff: float = 60.0) -> None:
        self.interval = interval
        self.max_backoff = max_backoff
        self.stop = threading.Event()
        self.worker_id = f"accord-{get_random_string(12)}"
        self.runner = PeriodicRunner()
        self.current: Worker | None = None
        self.connection_failures = 0
        self._released = False

    def run(self, *, once: bool = False) -> PassResult:
        """Loop (or do one pass) and return what the last pass did. With `once`, a database error is
        raised; otherwise it is logged and the pass retried after the back-off."""
        result = PassResult()
        while not self.stop.is_set():
            try:
                result = self.run_pass()
            except DatabaseError as error:
                if once:
                    raise
                self._lost_connection(error)
                continue
            self.connection_failures = 0
            if once:
                break
            if result.tasks == 0:
                self.stop.wait(min(self.interval, self.runner.seconds_until_due()))
        close_old_connections()
        return result

    def run_pass(self) -> PassResult:
        """One pass: release orphaned messages (the first pass only), run the due jobs, then tasks one at
        a time until none is ready or a job is due again. Raises the database's errors."""
        close_old_connections()
        if not self._released:
            outbox_release_orphaned()
            self._released = True
        result = PassResult(jobs=self.runner.run_due())
        while not self.stop.is_set() and self.runner.seconds_until_due() > 0:
            if not self._run_one_task():
                break
            result.tasks += 1
        return result

    def request_stop(self) -> None:
        """Stop after the task in hand (from a signal handler or another thread)."""
        self.stop.set()
        if self.current is not None:
            self.current.running = False

    def _run_one_task(self) -> bool:
        """The next ready task, through django-tasks-db's own worker; False if none was ready."""
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=1,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )
        self.current = worker
        try:
            worker.run()
        finally:
            self.current = None
        return worker._run_tasks > 0

    def _lost_connection(self, error: DatabaseError) -> None:
        self.connection_failures += 1
        delay = min(self.max_backoff, 2.0 ** (self.connection_failures - 1))
        logger.warning(
            "The worker lost its database connection (%s: %s); trying again in %g s.",
            type(error).__name__,
            str(error).strip(),
            delay,
        )
        self._close_connections()
        self.stop.wait(delay)

    @staticmethod
    def _close_connections() -> None:
        for conn in connections.all(initialized_only=True):
            try:
                conn.close()
            except DatabaseError:
                conn.connection = None
