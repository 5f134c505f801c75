"""The outbox: every e-mail Accord sends is first a row here, written in the same transaction as the change
that causes it, then delivered by the worker with retries (docs/adr/0006-outbox-and-worker.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.core import clock


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed-permanently", "Failed permanently"

    class Fault(models.TextChoices):
        """Whose fault the last failed attempt was: it decides between retrying and failing at once."""

        TEMPORARY = "temporary", "Temporary (the mail service was down or busy)"
        INSTALLATION = "installation", "Accord's mail settings (login, API key, clock)"
        RECIPIENT = "recipient", "This message's address or name"

    council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outbox_messages",
        help_text="Empty for platform mail that belongs to no council.",
    )
    recipient = models.EmailField()
    recipient_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    calendar = models.TextField(
        blank=True,
        help_text="An iCalendar invitation or cancellation sent with the message (accord.notifications.ical).",
    )
    template = models.CharField(max_length=200)
    event_type = models.CharField(max_length=100, blank=True)
    idempotency_key = models.CharField(
        max_length=255,
        unique=True,
        help_text="Queueing the same key twice creates one message, e.g. 'enquiry:123:answered:v1'.",
    )
    subject_type = models.CharField(
        max_length=100, blank=True, help_text="What the message is about, e.g. 'enquiry'."
    )
    subject_id = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=clock.now)
    claimed_at = models.DateTimeField(
        null=True, blank=True, help_text="When a worker started sending (to recover a crash)."
    )
    claimed_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="The worker process sending it (host:process:start), to release it if that process died.",
    )
    last_error = models.TextField(blank=True)
    fault = models.CharField(
        max_length=20,
        choices=Fault.choices,
        blank=True,
        help_text="Whose fault the last failure was; empty once sent.",
    )
    sender = models.CharField(max_length=20, blank=True, help_text="The channel that sent it.")
    created_at = models.DateTimeField(default=clock.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
            models.Index(fields=["subject_type", "subject_id"], name="outbox_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} to {self.recipient} ({self.get_status_display()})"


class CalendarFeedToken(models.Model):
    """A person's private calendar feed link (accord.notifications.feeds): only the token's SHA-256 is kept,
    so the link is shown once when made; making a new one or revoking it stops the old one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="calendar_feed_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=clock.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(revoked_at__isnull=True),
                name="calendar_feed_one_live_token",
            )
        ]

    def __str__(self) -> str:
        return f"Calendar feed link of {self.user} ({'revoked' if self.revoked_at else 'live'})"
