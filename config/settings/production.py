"""Production: PostgreSQL from DATABASE_URL, secrets from the environment, HTTPS only.

`accord check --deploy --settings config.settings.production` passes with no warnings.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("ACCORD_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "ACCORD_SECRET_KEY must be set to a random string of 50 or more characters."
    )
if "DATABASE_URL" not in os.environ:
    raise ImproperlyConfigured("DATABASE_URL must name the production PostgreSQL database.")

if not ACCORD_BASE_URL.startswith("https://"):  # noqa: F405
    raise ImproperlyConfigured(
        "ACCORD_BASE_URL must be the https:// address people reach Accord at: e-mails link to it."
    )

DEBUG = False
SECURE_SSL_REDIRECT = os.environ.get("ACCORD_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix: the browser keeps these cookies only from HTTPS, for the whole site and this host alone.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# Behind this many proxies, the client's own address (for sign-in limits) is read from X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ACCORD_TRUSTED_PROXY_COUNT", "1"))
EMAIL_USE_TLS = os.environ.get("ACCORD_EMAIL_USE_TLS", "1") == "1"
