"""A user signs in with Django auth and is one council's Member or officer (or a platform administrator)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from accord.core import clock


class User(AbstractUser):
    council = models.ForeignKey(
        "councils.Council", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    member = models.OneToOneField(
        "councils.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
    officer = models.OneToOneField(
        "councils.Officer", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
    is_democratic_services = models.BooleanField(
        "democratic services",
        default=False,
        help_text="Democratic / member services staff: run the council's records and reports.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~(Q(member__isnull=False) & Q(officer__isnull=False)),
                name="user_is_member_or_officer_not_both",
            ),
            models.CheckConstraint(
                condition=Q(council__isnull=False)
                | (Q(member__isnull=True) & Q(officer__isnull=True)),
                name="user_with_person_has_council",
            ),
        ]


class CouncilSignIn(models.Model):
    """How a council's people sign in: how long a session lasts, and the council's own identity provider.

    The client secret is never stored: `oidc_secret_env` names the environment variable that holds it
    (docs/operations.md, "Signing in").
    """

    council = models.OneToOneField(
        "councils.Council", on_delete=models.CASCADE, related_name="sign_in"
    )
    session_idle_minutes = models.PositiveIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
        help_text="A session ends after this many minutes without a request.",
    )
    session_absolute_hours = models.PositiveIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(7 * 24)],
        help_text="A session ends this many hours after signing in, however busy.",
    )
    oidc_name = models.CharField(
        "identity provider name",
        max_length=100,
        blank=True,
        help_text="Shown on the sign-in button, e.g. 'Microsoft Entra ID'. Empty: no single sign-on.",
    )
    oidc_issuer = models.URLField(
        "issuer URL",
        blank=True,
        help_text="The OpenID Connect issuer; its /.well-known/openid-configuration is read from it.",
    )
    oidc_client_id = models.CharField("client ID", max_length=255, blank=True)
    oidc_secret_env = models.CharField(
        "client secret variable",
        max_length=100,
        blank=True,
        help_text="The environment variable that holds the client secret, e.g. ACCORD_OIDC_SECRET_ASHCOMBE.",
    )
    oidc_email_trusted = models.BooleanField(
        "provider's e-mail addresses are the council's",
        default=False,
        help_text=(
            "Tick when the provider is the council's own directory (as Entra ID is), whose e-mail addresses "
            "the council controls; otherwise an address counts only with the email_verified claim."
        ),
    )

    class Meta:
        verbose_name = "council sign-in"
        constraints = [
            models.CheckConstraint(
                condition=Q(session_idle_minutes__gte=1, session_idle_minutes__lte=24 * 60)
                & Q(session_absolute_hours__gte=1, session_absolute_hours__lte=7 * 24),
                name="council_sign_in_sessions_last",
            ),
        ]

    def __str__(self) -> str:
        return f"Sign-in for {self.council}"

    @property
    def has_sso(self) -> bool:
        return bool(self.oidc_name and self.oidc_issuer and self.oidc_client_id)


class SignInFailure(models.Model):
    """One failed attempt to prove who someone is, kept for the security log; never edited."""

    class Path(models.TextChoices):
        SITE = "site", "Sign-in page"
        API_TOKEN = "api-token", "API token"
        SSO = "sso", "Single sign-on"
        MFA = "mfa", "Multi-factor code"

    at = models.DateTimeField(default=clock.now, db_index=True)
    path = models.CharField(max_length=20, choices=Path.choices)
    username = models.CharField(
        max_length=150, blank=True, help_text="The name tried, as typed (empty for a token)."
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_path_display()} failure at {self.at:%Y-%m-%d %H:%M:%S}"
