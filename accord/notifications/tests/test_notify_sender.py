"""GOV.UK Notify sender. The Notify API is not reachable from the test machine, so a fake client object
stands in for `NotificationsAPIClient`; it records calls and raises the client's own error types."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from notifications_python_client.errors import HTTPError

from accord.notifications.checks import check_sender
from accord.notifications.models import OutboxMessage
from accord.notifications.senders import (
    InstallationSendError,
    NotifySender,
    PermanentSendError,
    RetryableSendError,
    SmtpSender,
    sender_from_settings,
)
from accord.notifications.services import Outcome, outbox_deliver

from .factories import OutboxMessageFactory

FAKE_KEY = "test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"
TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"


class FakeResponse:
    def __init__(self, status_code: int, message: str):
        self.status_code = status_code
        self._message = message

    def json(self) -> dict[str, Any]:
        return {"errors": [{"error": "Error", "message": self._message}]}


def _http_error(status_code: int, message: str) -> HTTPError:
    return HTTPError(FakeResponse(status_code, message))  # type: ignore[arg-type]


class FakeClient:
    def __init__(self, error: Exception | None = None):
        self.calls: list[dict[str, Any]] = []
        self.error = error

    def send_email_notification(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        if self.error is not None:
            raise self.error
        return {"id": "740e5834-3a29-46b4-9a6f-16142fde533a"}


@pytest.mark.django_db
def test_delivery_through_notify_sends_subject_and_body_to_the_generic_template() -> None:
    message = OutboxMessageFactory.create(
        recipient="alex@testshire.gov.uk", idempotency_key="e:1:v1"
    )
    client = FakeClient()
    sender = NotifySender(api_key=FAKE_KEY, template_id=TEMPLATE_ID, client=client)

    assert outbox_deliver(message_id=message.pk, sender=sender) == Outcome.SENT

    assert client.calls == [
        {
            "email_address": "alex@testshire.gov.uk",
            "template_id": TEMPLATE_ID,
            "personalisation": {"subject": message.subject, "body": message.body},
            "reference": "e:1:v1",
        }
    ]
    message.refresh_from_db()
    assert (message.status, message.sender) == (OutboxMessage.Status.SENT, "notify")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            _http_error(400, "email_address Not a valid email address"),
            PermanentSendError,
        ),
        (_http_error(403, "Invalid token"), InstallationSendError),
        (
            _http_error(400, "Can't send to this recipient using a team-only API key"),
            InstallationSendError,
        ),
        (_http_error(429, "Exceeded rate limit"), RetryableSendError),
        (_http_error(500, "Internal server error"), RetryableSendError),
        (HTTPError.create(requests.ConnectionError("no route")), RetryableSendError),
        (requests.Timeout("read timed out"), RetryableSendError),
    ],
)
def test_notify_errors_are_the_recipients_the_installations_or_temporary(
    error: Exception, expected: type[Exception]
) -> None:
    sender = NotifySender(api_key=FAKE_KEY, template_id=TEMPLATE_ID, client=FakeClient(error))
    with pytest.raises(expected):
        sender.send(OutboxMessageFactory.build())


def test_sender_is_chosen_by_setting(settings: Any) -> None:
    assert isinstance(sender_from_settings(), SmtpSender)
    settings.ACCORD_NOTIFICATIONS = {
        "SENDER": "notify",
        "NOTIFY_API_KEY": FAKE_KEY,
        "NOTIFY_TEMPLATE_ID": TEMPLATE_ID,
    }
    sender = sender_from_settings()
    assert isinstance(sender, NotifySender)
    assert sender.template_id == TEMPLATE_ID


def test_notify_without_a_key_fails_the_system_check(settings: Any) -> None:
    assert check_sender() == []
    settings.ACCORD_NOTIFICATIONS = {"SENDER": "notify", "NOTIFY_API_KEY": ""}
    assert [error.id for error in check_sender()] == ["accord_notifications.E002"]
