"""Periodic jobs the `accord worker` command runs: the outbox sweep, and later enquiry reminders and
overdue escalation. Each app registers its jobs in its `AppConfig.ready()`.

Jobs run in every worker process, so a job must be safe to run twice at once (claim rows, or use
idempotency keys when it queues notifications).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from accord.core import clock

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    func: Callable[[], object]
    every: dt.timedelta


_registry: dict[str, PeriodicJob] = {}


def register_periodic(name: str, func: Callable[[], object], every_seconds: float) -> PeriodicJob:
    """Register (or re-register under the same name) a job to run every `every_seconds`."""
    if every_seconds <= 0:
        raise ValueError("every_seconds must be positive")
    job = PeriodicJob(name=name, func=func, every=dt.timedelta(seconds=every_seconds))
    _registry[name] = job
    return job


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_registry.values(), key=lambda job: job.name)


@dataclass
class PeriodicRunner:
    """Remembers when each job last ran in this process; every job is due when the worker starts."""

    last_run: dict[str, dt.datetime] = field(default_factory=dict)

    def seconds_until_due(self) -> float:
        """Seconds until the next job is due (0 if one is due now, or none has run yet)."""
        now = clock.now()
        waits = [
            (self.last_run[job.name] + job.every - now).total_seconds()
            if job.name in self.last_run
            else 0.0
            for job in periodic_jobs()
        ]
        return max(min(waits, default=3600.0), 0.0)

    def run_due(self, *, force: bool = False) -> list[str]:
        ran = []
        for job in periodic_jobs():
            now = clock.now()
            last = self.last_run.get(job.name)
            if not force and last is not None and now - last < job.every:
                continue
            self.last_run[job.name] = now
            try:
                job.func()
            except Exception:
                logger.exception("Periodic job %s failed", job.name)
            ran.append(job.name)
        return ran
