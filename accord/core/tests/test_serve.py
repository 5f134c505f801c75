"""`accord serve` starts, refuses and stops cleanly, and keeps the web server up when the worker stops.
Real processes on loopback ports: what someone running `make run` would see."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.core.server import GRACEFUL_TIMEOUT_SECONDS, Supervisor

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "ACCORD_VAR_DIR": str(tmp_path / "var"),
        "HOME": str(tmp_path / "home"),
        "PYTHONUNBUFFERED": "1",
    }


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


def test_a_port_in_use_is_refused_with_one_clear_message(tmp_path: Path, taken_port: int) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "accord.cli", "serve", "--port", str(taken_port), "--no-worker"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Accord is running" not in result.stdout
    assert f"Port {taken_port} on 127.0.0.1 is already in use" in result.stderr
    assert f"make run PORT={taken_port + 1}" in result.stderr
    assert "Connection in use" not in result.stderr
    assert "Traceback" not in result.stderr


def test_the_port_check_refuses_a_busy_port_before_anything_else(
    tmp_path: Path, taken_port: int
) -> None:
    """`make run` checks the port first: on a busy port it stops at once, before migrate or the demo."""
    check = [sys.executable, "-m", "accord.cli", "serve", "--check-port", "--port"]
    busy = subprocess.run(
        [*check, str(taken_port)],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert busy.returncode == 1
    assert f"Port {taken_port} on 127.0.0.1 is already in use" in busy.stderr
    assert "Traceback" not in busy.stderr
    free = subprocess.run(
        [*check, str(_free_port())],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (free.returncode, free.stdout, free.stderr) == (0, "", "")
    run = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0].splitlines()
    assert "accord serve --check-port --host $(HOST) --port $(PORT)" in run[1]
    assert "migrate" in run[2]


def test_ctrl_c_with_a_browser_tab_open_stops_quickly_and_cleanly(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "accord.cli", "serve", "--port", str(port), "--no-worker"],
            cwd=ROOT,
            env=_env(tmp_path),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own terminal group: Ctrl+C is sent to the whole group
        )
    tab: list[socket.socket] = []
    try:
        deadline = time.monotonic() + 90
        while "Accord is running" not in log.read_text() and time.monotonic() < deadline:
            assert serve.poll() is None, log.read_text()
            time.sleep(0.2)
        assert f"Accord is running on http://127.0.0.1:{port}/" in log.read_text()
        # A browser tab: one kept-alive connection after a page, and spare connections never used.
        page = socket.create_connection(("127.0.0.1", port))
        page.sendall(b"GET /static/none.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert page.recv(100).startswith(b"HTTP/1.1")
        tab = [page, *(socket.create_connection(("127.0.0.1", port)) for _ in range(3))]
        time.sleep(0.5)

        started = time.monotonic()
        os.killpg(serve.pid, signal.SIGINT)
        serve.wait(timeout=30)
        took = time.monotonic() - started
    finally:
        for conn in tab:
            conn.close()
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
    output = log.read_text()
    # Well inside gunicorn's own 30 s default, which an open tab used to hold it to; the margin over the
    # graceful stop is for a busy machine, not for the server.
    assert took < GRACEFUL_TIMEOUT_SECONDS + 8, f"took {took:.1f} s"
    assert serve.returncode == 0, output
    assert "SIGKILL" not in output
    assert "Accord has stopped." in output
    assert not (tmp_path / "home" / ".gunicorn").exists(), "no control file shared between copies"


def test_the_web_server_stays_up_and_the_worker_is_started_again_when_it_stops() -> None:
    port = _free_port()
    supervisor = Supervisor(
        web=[sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
        worker=[sys.executable, "-c", "import sys, time; time.sleep(0.2); sys.exit(3)"],
        env=dict(os.environ),
        host="127.0.0.1",
        port=port,
        say=lambda text: None,
        max_backoff=0.2,
    )
    status: list[int] = []
    thread = threading.Thread(target=lambda: status.append(supervisor.run()))
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while supervisor.worker_starts < 4 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert supervisor.worker_starts >= 4, "the worker was started again each time it stopped"
        assert thread.is_alive(), "the web server was not stopped with the worker"
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
    finally:
        supervisor.stop()
        thread.join(30)
    assert status == [0]
