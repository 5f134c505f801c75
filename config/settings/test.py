"""The test suite: SQLite in memory unless DATABASE_URL names a PostgreSQL server."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="accord-test-uploads-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if "DATABASE_URL" not in os.environ:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="accord-test-static-"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The suite signs people in with force_login, which stands for a completed sign-in; the multi-factor
# tests turn the requirement on themselves.
ACCORD_MFA_REQUIRED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
