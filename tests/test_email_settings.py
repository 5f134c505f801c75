"""E-mail configuration that looks like SMTP sends by SMTP, and production refuses a backend that
delivers nothing. Settings are read at start-up, so each case runs Accord in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from accord.notifications.tests.conftest import SmtpServer

ROOT = Path(__file__).resolve().parent.parent
SEND_ONE = """
import django
django.setup()
from accord.notifications.models import OutboxMessage
from accord.notifications.senders import sender_from_settings
sender = sender_from_settings()
sender.send(OutboxMessage(recipient="ops@testshire.gov.uk", subject="Settings check",
                          body="Sent by SMTP.\\n", idempotency_key="settings:check:v1"))
print(sender.name)
"""


def _env(tmp_path: Path, settings_module: str, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("ACCORD_EMAIL") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return (
        env | {"DJANGO_SETTINGS_MODULE": settings_module, "ACCORD_VAR_DIR": str(tmp_path)} | extra
    )


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_setting_the_mail_host_and_port_sends_by_smtp_not_to_files(tmp_path: Path) -> None:
    server = SmtpServer()
    server.start()
    try:
        env = _env(
            tmp_path,
            "config.settings.local",
            ACCORD_EMAIL_HOST="127.0.0.1",
            ACCORD_EMAIL_PORT=str(server.port),
        )
        result = _run(["-c", SEND_ONE], env)
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["smtp"]
    assert [mail.rcpt_tos for mail in server.messages] == [["ops@testshire.gov.uk"]]
    assert not (tmp_path / "sent-mail").exists()


def test_without_a_mail_server_the_local_installation_writes_files_and_says_so(
    tmp_path: Path,
) -> None:
    result = _run(["-c", SEND_ONE], _env(tmp_path, "config.settings.local"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["file"], "a message written to a file is not recorded as smtp"
    assert len(list((tmp_path / "sent-mail").iterdir())) == 1


def test_check_deploy_refuses_a_file_backend_in_production(tmp_path: Path) -> None:
    env = _env(
        tmp_path,
        "config.settings.production",
        ACCORD_SECRET_KEY="k" * 20 + "a-long-random-production-secret-for-the-check-0123456789",
        DATABASE_URL="postgres://accord@127.0.0.1:5432/accord",
        ACCORD_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        ACCORD_BASE_URL="https://accord.example.gov.uk",
    )
    result = _run(["-m", "accord.cli", "check", "--deploy"], env)
    assert result.returncode != 0
    assert "accord_notifications.E003" in result.stderr
    assert "writes every e-mail to a file" in result.stderr
