"""The security and access log: who signed in (or failed to), used an API token, exported personal data,
downloaded a file or changed a record in the admin, when and from where.

Append-only like the case history (ADR 11): Accord only inserts rows, the admin offers no edit or deletion,
and on PostgreSQL a trigger refuses UPDATE and DELETE (migration `0002_log_append_only`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core import clock


class SecurityLogEntry(models.Model):
    class Kind(models.TextChoices):
        SIGN_IN = "sign-in", "Signed in"
        SIGN_IN_FAILED = "sign-in-failed", "Sign-in failed"
        TOKEN_USED = "token-used", "API token used"
        EXPORT = "export", "CSV export with personal data"
        DOWNLOAD = "download", "Attachment downloaded"
        ADMIN_CHANGE = "admin-change", "Changed in the admin"

    # None: no council's (a platform administrator, or a sign-in failure for a name nobody has).
    council = models.ForeignKey(
        "councils.Council", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=clock.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="security_log_entries",
    )
    username = models.CharField(max_length=150, blank=True, help_text="As given, for a failure.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField()
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)  # e.g. {"changes": {"name": ["old", "new"]}}

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "security log entry"
        verbose_name_plural = "security log"
        indexes = [
            models.Index(fields=["council", "at"], name="security_log_council"),
            models.Index(fields=["council", "kind", "at"], name="security_log_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.username}"
