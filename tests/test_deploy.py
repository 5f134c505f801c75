"""Production settings are deployable: `check --deploy` is clean and the CSP has no 'unsafe-inline'."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent


def _production_env(tmp_path: Path) -> dict[str, str]:
    return {
        **{
            k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
        },  # set by the browser tests
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ACCORD_SECRET_KEY": "k" * 20 + "a-long-random-production-secret-for-the-check-0123456789",
        "DATABASE_URL": "postgres://accord@127.0.0.1:5432/accord",
        "ACCORD_VAR_DIR": str(tmp_path),
        "ACCORD_BASE_URL": "https://accord.example.gov.uk",
    }


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path: Path) -> None:
    env = _production_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "accord.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("settings", "refusal"),
    [
        ({"ACCORD_SECRET_KEY": ""}, "ACCORD_SECRET_KEY must be set"),
        (
            {"ACCORD_SECRET_KEY": "k" * 60, "ACCORD_BASE_URL": "http://accord.example.gov.uk"},
            "ACCORD_BASE_URL must be the https://",
        ),
    ],
)
def test_production_settings_refuse_to_start(settings: dict[str, str], refusal: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": "postgres://x@127.0.0.1/x",
        **settings,
    }
    result = subprocess.run(
        [sys.executable, "-m", "accord.cli", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert refusal in result.stderr


@pytest.mark.django_db
def test_every_page_carries_a_csp_without_unsafe_inline(client: Client) -> None:
    response = client.get("/sign-in/")
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "frame-ancestors 'none'" in policy


def test_production_cookies_carry_the_host_prefix(tmp_path: Path) -> None:
    env = _production_env(tmp_path)
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_PATH, s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_DOMAIN)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "/",
        "None",
        "None",
    ], result.stderr
