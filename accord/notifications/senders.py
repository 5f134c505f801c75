"""The channels that carry an outbox message: SMTP (through Django's EMAIL_BACKEND) or GOV.UK Notify.

A sender either returns (the message was accepted) or raises a `SendError` whose `fault` says whose fault
it was, which decides what the outbox does next (docs/adr/0006-outbox-and-worker.md):

- `RetryableSendError` (`Fault.TEMPORARY`): the far end is down or busy (connection refused, SMTP 4xx,
  Notify 429 or 5xx); retried with back-off up to MAX_ATTEMPTS.
- `InstallationSendError` (`Fault.INSTALLATION`): Accord's own settings were refused (SMTP login, the From
  address, Notify's API key, key type, template, or this machine's clock); the message is fine, so it is
  kept and retried, and the fault is logged at ERROR and shown in the admin's outbox until fixed.
- `PermanentSendError` (`Fault.RECIPIENT`): this message's address or name cannot be used (SMTP 5xx for the
  recipient, Notify's "Not a valid email address", a line break in the name); failed at once and democratic
  services are told.
"""

from __future__ import annotations

import hashlib
import smtplib
from email.mime.text import MIMEText
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import BadHeaderError, EmailMessage, get_connection
from django.core.validators import validate_email

from .conf import notifications_settings
from .ical import ical_method
from .models import OutboxMessage

Fault = OutboxMessage.Fault


class SendError(Exception):
    """Delivery failed; `str(error)` is what the outbox records as last_error, `fault` whose fault it was."""

    fault: Fault = Fault.TEMPORARY


class RetryableSendError(SendError):
    fault = Fault.TEMPORARY


class InstallationSendError(RetryableSendError):
    fault = Fault.INSTALLATION


class PermanentSendError(SendError):
    fault = Fault.RECIPIENT


class Sender(Protocol):
    name: str

    def send(self, message: OutboxMessage) -> None: ...


def recipient_problem(*, address: str, name: str = "") -> str | None:
    """Why this address (and display name) cannot carry an e-mail, or None if it can.

    A line break or other control character in the name would split the `To:` header (Django refuses it);
    an address that is not one mailbox cannot be delivered. Either is the record's fault, not the mail
    service's, so retrying cannot help.
    """
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        return f"The recipient's name {name!r} contains a line break or control character"
    try:
        validate_email(address)
    except ValidationError:
        return f"The recipient's address {address!r} is not a valid e-mail address"
    return None


def message_id_for(idempotency_key: str) -> str:
    """A stable RFC 5322 Message-ID: a resend after a worker crash carries the same id, so a mail
    client can recognise the duplicate."""
    digest = hashlib.sha256(idempotency_key.encode()).hexdigest()[:40]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "accord.localhost"
    return f"<{digest}.accord@{domain}>"


def smtp_error(error: Exception) -> SendError:
    """An SMTP exception (or OSError) as a SendError of the right fault (see the module's docstring)."""
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
        return InstallationSendError(f"Mail server refused Accord's login: {error.smtp_code}")
    if isinstance(error, smtplib.SMTPSenderRefused):
        return InstallationSendError(
            f"Mail server refused Accord's From address {error.sender!r}: {error.smtp_code}"
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return InstallationSendError(f"Mail server does not support Accord's settings: {error}")
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        text = f"Mail server replied {error.smtp_code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
        if error.smtp_code >= 500:
            return PermanentSendError(text)
        return RetryableSendError(text)
    if isinstance(error, ConnectionRefusedError):
        return RetryableSendError(f"Connection refused by the mail server: {error}")
    return RetryableSendError(f"Could not reach the mail server: {type(error).__name__}: {error}")


def backend_name(path: str) -> str:
    """The short name of a Django e-mail backend, recorded as the message's sender: `smtp` only when mail
    really left by SMTP, otherwise `file`, `console`, `locmem` ... so a message written to a file is never
    taken for one that was sent."""
    if path == "django.core.mail.backends.smtp.EmailBackend":
        return "smtp"
    module = path.rpartition(".")[0].rpartition(".")[2]
    return {"filebased": "file"}.get(module, module)[:20]


def calendar_part(text: str) -> MIMEText:
    """An iCalendar text as the e-mail's `invite.ics` part, with its METHOD in the MIME type (RFC 6047 §2.4)
    so mail programs offer to add, update or remove the meeting."""
    part = MIMEText(text, "calendar", "utf-8")
    method = ical_method(text)
    if method is not None:
        part.set_param("method", method.value)
    part.add_header("Content-Disposition", "attachment", filename="invite.ics")
    return part


class SmtpSender:
    """Django's EmailMessage through the configured EMAIL_BACKEND (SMTP in production)."""

    name = "smtp"

    def __init__(self) -> None:
        self.name = backend_name(settings.EMAIL_BACKEND)

    def send(self, message: OutboxMessage) -> None:
        problem = recipient_problem(address=message.recipient, name=message.recipient_name)
        if problem:
            raise PermanentSendError(problem)
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
        if message.calendar:
            email.attach(calendar_part(message.calendar))
        try:
            email.send(fail_silently=False)
        except BadHeaderError as error:
            raise PermanentSendError(f"The message cannot be written as e-mail: {error}") from error
        except (smtplib.SMTPException, OSError) as error:
            raise smtp_error(error) from error


class NotifySender:
    """GOV.UK Notify with one generic e-mail template whose content is ((subject)) and ((body)).

    Notify sends no attachments, so a message's iCalendar part is not sent this way: the message's body
    always states the meeting's time and place, and the person's private calendar feed carries it."""

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

        problem = recipient_problem(address=message.recipient)
        if problem:
            raise PermanentSendError(problem)
        try:
            self.client.send_email_notification(
                email_address=message.recipient,
                template_id=self.template_id,
                personalisation={"subject": message.subject, "body": message.body},
                reference=message.idempotency_key,
            )
        except HTTPError as error:
            raise notify_error(error.status_code, error.message) from error
        except (RequestException, OSError) as error:
            raise RetryableSendError(f"Could not reach GOV.UK Notify: {error}") from error


def _notify_messages(errors: Any) -> list[str]:
    if isinstance(errors, list):
        return [str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors]
    return [str(errors)]


def notify_error(status: int, errors: Any) -> SendError:
    """GOV.UK Notify's answer as a SendError of the right fault.

    `errors` is the `errors` list of Notify's JSON answer (`[{"error": ..., "message": ...}]`) or its text.
    403 (`AuthError`: the key is wrong or revoked, or this machine's clock is more than 30 seconds out) and
    every other 4xx but the address's are the installation's: the key type ("team-only API key"), trial
    mode, or the template. A 400 about `email_address` is the recipient's. 429 and 5xx are temporary.
    """
    messages = _notify_messages(errors)
    text = f"GOV.UK Notify replied {status}: {'; '.join(messages)}"
    if status == 429 or status >= 500 or status < 400:
        return RetryableSendError(text)
    if status == 400 and any(m.startswith("email_address") for m in messages):
        return PermanentSendError(text)
    return InstallationSendError(text)


def sender_from_settings() -> Sender:
    config = notifications_settings()
    if config.sender == "notify":
        return NotifySender(api_key=config.notify_api_key, template_id=config.notify_template_id)
    return SmtpSender()
