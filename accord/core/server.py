"""`accord serve`'s supervisor: the web server (gunicorn) and the background worker as child processes.

- It refuses to start, with one clear sentence, when the port is taken or cannot be used, and says
  "Accord is running" only once the web server answers on it.
- The web server never goes down because the worker did: a worker that stops is started again after
  1, 2, 4 ... seconds (at most a minute; back to 1 once it has run for a minute).
- Ctrl+C or SIGTERM stops both cleanly: the children run in their own process group, so the terminal's
  Ctrl+C reaches only this supervisor, which asks gunicorn for a graceful stop with a short timeout.
- gunicorn's control socket (one file per user, shared by every copy) is not used.
"""

from __future__ import annotations

import errno
import logging
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

logger = logging.getLogger("accord.serve")

GRACEFUL_TIMEOUT_SECONDS = 4


def port_problem(host: str, port: int) -> str | None:
    """Why the web server cannot listen on host:port, as a sentence for the user, or None if it can."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"Port {port} on {host} is already in use (another copy of Accord, or another "
                    f"program). Stop it, or choose another port: make run PORT={port + 1} "
                    f"(or accord serve --port {port + 1})."
                )
            if error.errno == errno.EACCES:
                return (
                    f"Port {port} needs administrator rights. Choose a port above 1023: "
                    "make run PORT=8000."
                )
            return f"Cannot listen on {host}:{port}: {error.strerror or error}."
    return None


def gunicorn_command(*, host: str, port: int, workers: int) -> list[str]:
    """The web server's command line: `workers` processes of 4 threads on host:port, a graceful stop of
    GRACEFUL_TIMEOUT_SECONDS, no control socket, and `config/gunicorn.py`."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        "4",
        "--access-logfile",
        "-",
        "--graceful-timeout",
        str(GRACEFUL_TIMEOUT_SECONDS),
        "--no-control-socket",
        "--config",
        "python:config.gunicorn",
    ]


def worker_command() -> list[str]:
    """`accord worker` with this interpreter (it inherits the supervisor's settings through the env)."""
    return [sys.executable, "-m", "accord.cli", "worker"]


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@dataclass
class Supervisor:
    """Runs `web` and (optionally) `worker` as child processes until stopped; `say` prints to the user.

    `run()` returns the exit status: 0 after a requested stop, 1 if the web server failed.
    """

    web: Sequence[str]
    worker: Sequence[str] | None
    env: dict[str, str]
    host: str
    port: int
    say: Callable[[str], None]
    max_backoff: float = 60.0
    start_timeout: float = 60.0
    stopping: threading.Event = field(default_factory=threading.Event)
    worker_starts: int = 0

    def _spawn(self, command: Sequence[str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(list(command), env=self.env, process_group=0)

    def run(self) -> int:
        web = self._spawn(self.web)
        worker = self._start_worker()
        try:
            if not self._wait_until_listening(web):
                return 1
            self.say(f"Accord is running on http://{self.host}:{self.port}/ (press Ctrl+C to stop)")
            failures, started = 0, time.monotonic()
            while not self.stopping.is_set():
                if web.poll() is not None:
                    self.say(f"The web server stopped (exit status {web.returncode}).")
                    return 1
                if worker is not None and worker.poll() is not None:
                    failures = 0 if time.monotonic() - started > self.max_backoff else failures + 1
                    delay = min(self.max_backoff, 2.0 ** max(failures - 1, 0))
                    logger.error(
                        "The background worker stopped (exit status %s); starting it again in %g s.",
                        worker.returncode,
                        delay,
                    )
                    if self.stopping.wait(delay):
                        break
                    worker, started = self._start_worker(), time.monotonic()
                self.stopping.wait(0.5)
            return 0
        finally:
            self._stop([p for p in (web, worker) if p is not None])

    def stop(self, *args: object) -> None:
        """Ask `run()` to stop both children (a signal handler, or another thread)."""
        self.stopping.set()

    def _start_worker(self) -> subprocess.Popen[bytes] | None:
        if self.worker is None:
            return None
        self.worker_starts += 1
        return self._spawn(self.worker)

    def _wait_until_listening(self, web: subprocess.Popen[bytes]) -> bool:
        deadline = time.monotonic() + self.start_timeout
        while not self.stopping.is_set() and time.monotonic() < deadline:
            if web.poll() is not None:
                self.say(
                    f"The web server did not start (exit status {web.returncode}); "
                    "its messages are above."
                )
                return False
            if _answers(self.host, self.port):
                return True
            self.stopping.wait(0.2)
        if not self.stopping.is_set():
            self.say(f"The web server did not answer on {self.host}:{self.port} in time.")
        return self.stopping.is_set()

    def _stop(self, children: list[subprocess.Popen[bytes]]) -> None:
        running = [child for child in children if child.poll() is None]
        if running:
            self.say("Stopping Accord ...")
        for child in running:
            child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + GRACEFUL_TIMEOUT_SECONDS + 4
        for child in running:
            try:
                child.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if running:
            self.say("Accord has stopped.")


def install_signal_handlers(supervisor: Supervisor) -> None:
    """SIGINT (Ctrl+C) and SIGTERM stop the supervisor, which stops its children."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, supervisor.stop)
