"""Settings shared by every environment. The database comes from DATABASE_URL (SQLite under var/ if unset)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("ACCORD_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
ALLOWED_HOSTS = [
    h for h in os.environ.get("ACCORD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "accord.core",
    "accord.accounts",
    "accord.councils",
    "accord.cases",
    "accord.web",
    "accord.api",
    "accord.demo",
    "accord.enquiries",
    "accord.enquiries.intake",
    "accord.matters",
    "accord.notifications",
    "accord.securitylog",
    "accord.visits",
    "accord.groups",
    "accord.correspondence",
    "accord.concerns",
    "accord.rulings",
    "accord.committees",
    # After Accord's apps, so that Accord's templates for allauth's pages are the ones found.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accord.securitylog.services.RequestOriginMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accord.accounts.middleware.SessionLifetimeMiddleware",
    "accord.accounts.middleware.MfaRequiredMiddleware",
    "accord.correspondence.middleware.IctAgreementMiddleware",
    "accord.accounts.middleware.NoStoreMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Before the apps' own: Accord's admin/base_site.html adds its styles to Django's admin.
        "DIRS": [BASE_DIR / "accord" / "web" / "admin_templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "accord.web.context_processors.accord",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'accord.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite waits for a lock rather than failing at once, and writes take the lock up front.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accord.accounts.backends.AccordBackend"]
LOGIN_URL = "web:sign-in"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:sign-in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Signing in (docs/adr/0009-sign-in-with-allauth.md, docs/operations.md "Signing in"): django-allauth for
# passwords, resets, multi-factor authentication and OpenID Connect; nobody signs themselves up.
ACCOUNT_ADAPTER = "accord.accounts.adapters.AccordAccountAdapter"
SOCIALACCOUNT_ADAPTER = "accord.accounts.sso.AccordSocialAccountAdapter"
ACCOUNT_FORMS = {"login": "accord.accounts.forms.SignInForm"}
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Accord: "
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # a reset asked for an unknown address sends nothing
# A sliding window: an account is locked for 15 minutes after 5 wrong passwords, an address after 20, and
# a locked attempt is refused before any password is hashed. API tokens and single sign-on have their own.
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("ACCORD_SIGN_IN_LIMITS", "20/15m/ip,5/15m/key"),
    "api_token_failed": os.environ.get("ACCORD_API_TOKEN_LIMITS", "20/m/ip"),
    "sso_failed": os.environ.get("ACCORD_SSO_LIMITS", "10/15m/ip"),
}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Accord"
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_PASSKEY_SIGNUP_ENABLED = False
# Democratic services, Chief Officers, the Monitoring Officer and platform administrators must enrol
# before anything else, unless they sign in through their council's identity provider.
ACCORD_MFA_REQUIRED = os.environ.get("ACCORD_MFA_REQUIRED", "1") == "1"
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True}}

# Sessions end after an idle period and an absolute lifetime; a council may set its own (CouncilSignIn).
ACCORD_SESSION_IDLE_MINUTES = int(os.environ.get("ACCORD_SESSION_IDLE_MINUTES", "30"))
ACCORD_SESSION_ABSOLUTE_HOURS = int(os.environ.get("ACCORD_SESSION_ABSOLUTE_HOURS", "12"))
SESSION_COOKIE_AGE = (
    60 * 60 * 24 * 7
)  # the longest a council may set; each session's own end is checked
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "uploads"  # outside the web root: never served directly

# Sign-in limits are counted in the cache, which every process must share: the database's own table
# (made by the accounts app's migrations), so gunicorn's workers and the worker count together.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "accord_cache",
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mail (docs/operations.md, "E-mail"): SMTP unless ACCORD_EMAIL_BACKEND names another Django backend.
# `check --deploy` refuses a backend that writes mail to files, the console or memory.
SMTP_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND = os.environ.get("ACCORD_EMAIL_BACKEND") or SMTP_EMAIL_BACKEND
EMAIL_HOST = os.environ.get("ACCORD_EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("ACCORD_EMAIL_PORT", "25"))
EMAIL_USE_TLS = os.environ.get("ACCORD_EMAIL_USE_TLS", "0") == "1"
EMAIL_HOST_USER = os.environ.get("ACCORD_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("ACCORD_EMAIL_PASSWORD", "")
DEFAULT_FROM_EMAIL = os.environ.get("ACCORD_FROM_EMAIL", "accord@localhost")

# The address people reach Accord at: every e-mail about a case links to its page under it.
ACCORD_BASE_URL = os.environ.get("ACCORD_BASE_URL", "http://localhost:8000").rstrip("/")

# Outbox delivery (docs/operations.md, "E-mail"): SMTP through EMAIL_BACKEND, or GOV.UK Notify.
ACCORD_NOTIFICATIONS = {
    "SENDER": os.environ.get("ACCORD_NOTIFICATIONS_SENDER", "smtp"),
    "NOTIFY_API_KEY": os.environ.get("ACCORD_NOTIFY_API_KEY", ""),
    "NOTIFY_TEMPLATE_ID": os.environ.get("ACCORD_NOTIFY_TEMPLATE_ID", ""),
    "MAX_ATTEMPTS": int(os.environ.get("ACCORD_NOTIFICATIONS_MAX_ATTEMPTS", "10")),
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# A Content Security Policy without 'unsafe-inline': the one inline script (GOV.UK's js-enabled flag)
# carries a per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"accord": {"level": "INFO"}},
}

# The councils' own protocol profiles: directories of `<key>.yaml` files, searched after the profiles
# shipped with Accord (docs/writing-a-profile.md). Several directories are separated by the path separator.
ACCORD_PROFILE_DIRS: list[Path] = [
    Path(d) for d in os.environ.get("ACCORD_PROFILE_DIRS", "").split(os.pathsep) if d.strip()
]
