"""`make run` and the `accord` command: a local installation on SQLite (or DATABASE_URL)."""

from __future__ import annotations

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = os.environ.get("ACCORD_DEBUG", "0") == "1"


def _local_secret_key() -> str:
    """One key per installation, kept in var/ so sessions survive a restart."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("ACCORD_SECRET_KEY") or _local_secret_key()
# Mail is written to var/sent-mail/ (and recorded as sent by "file") until the installation names a mail
# server: setting ACCORD_EMAIL_HOST or ACCORD_EMAIL_PORT sends by SMTP, ACCORD_EMAIL_BACKEND chooses any.
_mail_server_named = any(os.environ.get(n) for n in ("ACCORD_EMAIL_HOST", "ACCORD_EMAIL_PORT"))
if not os.environ.get("ACCORD_EMAIL_BACKEND") and not _mail_server_named:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "sent-mail"
# The demo on http://127.0.0.1: senior roles may enrol in multi-factor authentication but are not made to,
# so `make run` works on first start with the printed sign-ins. Production requires it (ACCORD_MFA_REQUIRED).
ACCORD_MFA_REQUIRED = os.environ.get("ACCORD_MFA_REQUIRED", "0") == "1"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
