"""The channels that carry an outbox message: SMTP (through Django's EMAIL_BACKEND) or GOV.UK Notify.

A sender either returns (the message was accepted) or raises `RetryableSendError` (try again later:
server down, 4xx, rate limit) or `PermanentSendError` (never try again: recipient refused, 5xx).
"""

from __future__ import annotations

import hashlib
import smtplib
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from .conf import notifications_settings

if TYPE_CHECKING:
    from .models import OutboxMessage


class SendError(Exception):
    """Delivery failed; `str(error)` is what the outbox records as last_error."""


class RetryableSendError(SendError):
    pass


class PermanentSendError(SendError):
    pass


class Sender(Protocol):
    name: str

    def send(self, message: OutboxMessage) -> None: ...


def message_id_for(idempotency_key: str) -> str:
    """A stable RFC 5322 Message-ID: a resend after a worker crash carries the same id, so a mail
    client can recognise the duplicate."""
    digest = hashlib.sha256(idempotency_key.encode()).hexdigest()[:40]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "accord.localhost"
    return f"<{digest}.accord@{domain}>"


def _smtp_error(error: Exception) -> SendError:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        detail = "; ".join(
            f"{address}: {code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
            for address, (code, reply) in error.recipients.items()
        )
        text = f"Recipient refused by the mail server ({detail})"
        if codes and all(code >= 500 for code in codes):
            return PermanentSendError(text)
        return RetryableSendError(text)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        # A wrong password is the installation's fault, not the message's: keep it for after the fix.
        return RetryableSendError(f"Mail server refused Accord's login: {error.smtp_code}")
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        text = f"Mail server replied {error.smtp_code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
        if error.smtp_code >= 500:
            return PermanentSendError(text)
        return RetryableSendError(text)
    if isinstance(error, ConnectionRefusedError):
        return RetryableSendError(f"Connection refused by the mail server: {error}")
    return RetryableSendError(f"Could not reach the mail server: {type(error).__name__}: {error}")


class SmtpSender:
    """Django's EmailMessage through the configured EMAIL_BACKEND (SMTP in production)."""

    name = "smtp"

    def send(self, message: OutboxMessage) -> None:
        to = (
            f'"{message.recipient_name.replace(chr(34), "")}" <{message.recipient}>'
            if message.recipient_name
            else message.recipient
        )
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[to],
            headers={
                "Message-ID": message_id_for(message.idempotency_key),
                "Auto-Submitted": "auto-generated",
            },
            connection=get_connection(timeout=notifications_settings().send_timeout_seconds),
        )
        try:
            email.send(fail_silently=False)
        except (smtplib.SMTPException, OSError) as error:
            raise _smtp_error(error) from error


class NotifySender:
    """GOV.UK Notify with one generic e-mail template whose content is ((subject)) and ((body))."""

    name = "notify"

    def __init__(self, *, api_key: str, template_id: str, client: Any = None):
        if client is None:
            from notifications_python_client.notifications import NotificationsAPIClient

            client = NotificationsAPIClient(api_key)
        self.client = client
        self.template_id = template_id

    def send(self, message: OutboxMessage) -> None:
        from notifications_python_client.errors import HTTPError
        from requests import RequestException

        try:
            self.client.send_email_notification(
                email_address=message.recipient,
                template_id=self.template_id,
                personalisation={"subject": message.subject, "body": message.body},
                reference=message.idempotency_key,
            )
        except HTTPError as error:
            status = error.status_code
            text = f"GOV.UK Notify replied {status}: {error.message}"
            if 400 <= status < 500 and status != 429:
                raise PermanentSendError(text) from error
            raise RetryableSendError(text) from error
        except (RequestException, OSError) as error:
            raise RetryableSendError(f"Could not reach GOV.UK Notify: {error}") from error


def sender_from_settings() -> Sender:
    config = notifications_settings()
    if config.sender == "notify":
        return NotifySender(api_key=config.notify_api_key, template_id=config.notify_template_id)
    return SmtpSender()
