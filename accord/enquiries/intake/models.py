"""The council's enquiries mailbox and each message it received (D 6.3: an enquiry is received when the
mailbox gets it). A message is recorded once, by its Message-ID, however often it is delivered."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.councils.models import Council, Member
from accord.enquiries.models import Category, Enquiry

MAX_MESSAGE_BYTES = 25 * 1024 * 1024


class EnquiryMailbox(models.Model):
    """Where `accord worker` fetches a council's e-mailed enquiries from, by IMAP (docs/adr/0016)."""

    council = models.OneToOneField(
        Council, on_delete=models.CASCADE, related_name="enquiry_mailbox"
    )
    address = models.EmailField(help_text="The council's enquiries address Members write to.")
    host = models.CharField(max_length=200, help_text="The IMAP server, like imap.example.gov.uk.")
    port = models.PositiveIntegerField(default=993)
    use_ssl = models.BooleanField(default=True, help_text="IMAP over TLS (port 993).")
    username = models.CharField(max_length=200)
    password_env = models.CharField(
        max_length=100,
        help_text="The name of the environment variable that holds the password (it is never stored "
        "here), like ACCORD_MAILBOX_PASSWORD_WESTSHIRE.",
    )
    folder = models.CharField(max_length=200, default="INBOX")
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The category an e-mailed enquiry is given; its service sorts it (D 6.2).",
    )
    max_bytes = models.PositiveIntegerField(
        default=MAX_MESSAGE_BYTES,
        help_text="A larger message is refused, and the sender's address kept.",
    )
    is_active = models.BooleanField(default=True)
    last_fetched = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name_plural = "enquiry mailboxes"

    def __str__(self) -> str:
        return f"{self.address} ({self.council})"


class IncomingMail(models.Model):
    """One message to the enquiries address and what became of it; the text and the reason are kept."""

    class State(models.TextChoices):
        CASE = "case", "A new enquiry"
        THREADED = "threaded", "Added to its enquiry"
        HELD = "held", "Held for democratic services"
        ASSIGNED = "assigned", "Assigned to a Member by democratic services"
        DISCARDED = "discarded", "Discarded by democratic services"
        REFUSED = "refused", "Refused: too large"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="incoming_mail")
    message_id = models.CharField(max_length=300)
    sender = models.CharField(max_length=320, blank=True)
    sender_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    received_at = models.DateTimeField(help_text="When the council's mailbox received it.")
    size = models.PositiveIntegerField()
    raw = models.FileField(upload_to="intake/%Y/%m/", blank=True)
    state = models.CharField(max_length=20, choices=State.choices)
    reason = models.TextField(blank=True, help_text="Why it is held or refused.")
    discard_reason = models.TextField(blank=True, help_text="Why democratic services discarded it.")
    enquiry = models.ForeignKey(
        Enquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="incoming_mail"
    )
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField()

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "message_id"], name="incoming_mail_once")
        ]
        indexes = [models.Index(fields=["council", "state"], name="incoming_mail_queue")]

    def __str__(self) -> str:
        return f"{self.sender or 'unknown sender'}: {self.subject}"
