"""`accord serve`: the web server (gunicorn) and, beside it, the background worker that sends notifications,
supervised by `accord.core.server.Supervisor` (refuses a port in use, restarts the worker, stops cleanly)."""

from __future__ import annotations

import os
from typing import Any

from django.core.management import get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accord.core.server import (
    Supervisor,
    gunicorn_command,
    install_signal_handlers,
    port_problem,
    worker_command,
)


class Command(BaseCommand):
    help = "Serve Accord with gunicorn on HOST:PORT and run the background worker beside it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
        parser.add_argument(
            "--no-worker", action="store_true", help="do not start the background worker"
        )
        parser.add_argument(
            "--check-port",
            action="store_true",
            help="only check that HOST:PORT is free and stop (make run does so before anything else)",
        )

    def handle(
        self,
        *args: Any,
        host: str,
        port: int,
        workers: int,
        no_worker: bool,
        check_port: bool,
        **options: Any,
    ) -> None:
        problem = port_problem(host, port)
        if problem:
            raise CommandError(problem)
        if check_port:
            return
        env = dict(os.environ)
        env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
        supervisor = Supervisor(
            web=gunicorn_command(host=host, port=port, workers=workers),
            worker=None if no_worker or "worker" not in get_commands() else worker_command(),
            env=env,
            host=host,
            port=port,
            say=lambda text: self.stdout.write(text),
        )
        install_signal_handlers(supervisor)
        if supervisor.run() != 0:
            raise CommandError("Accord stopped because its web server did.")
