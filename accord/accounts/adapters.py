"""How allauth's account flows fit Accord: nobody signs themselves up, mail goes through the outbox, and
every wrong password is recorded for the security log."""

from __future__ import annotations

import uuid
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from accord.accounts.models import SignInFailure
from accord.accounts.sessions import session_start
from accord.accounts.throttle import sign_in_failure_record

SIGN_IN_ERRORS = {
    "username_password_mismatch": "Enter a correct username and password",
    "too_many_login_attempts": (
        "Too many failed attempts to sign in to this account or from this address: wait 15 minutes "
        "and try again, or reset your password"
    ),
    "account_inactive": "This account cannot sign in",
    "enter_current_password": "Enter your correct current password",
    "incorrect_password": "Enter your correct current password",
    "incorrect_code": "Enter the correct code",
    "invalid_password_reset": "The link to reset your password has expired or was already used",
}


QUIET_MESSAGES = ("logged_in.txt", "logged_out.txt")
# The site's layout shows the notices tagged so; pages show their own others.
ACCOUNT_MESSAGE_TAG = "account"


class AccordAccountAdapter(DefaultAccountAdapter):
    error_messages = {**DefaultAccountAdapter.error_messages, **SIGN_IN_ERRORS}

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Accounts are made by the council (admin, imports), never by the person signing in."""
        return False

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict[str, Any] | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        """allauth's notices, except 'signed in' and 'signed out' (the page itself shows that)."""
        if message_template and message_template.endswith(QUIET_MESSAGES):
            return
        tags = f"{extra_tags} {ACCOUNT_MESSAGE_TAG}".strip()
        super().add_message(request, level, message_template, message_context, tags, message)

    def login(self, request: HttpRequest, user: Any) -> None:
        """Sign in (password or single sign-on), starting the session's idle and absolute clocks."""
        super().login(request, user)
        session_start(request, user)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Refuse, before the password is hashed, an account or address over its limit; the refusal is
        recorded like a wrong password."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            sign_in_failure_record(
                request,
                path=SignInFailure.Path.SITE,
                username=str(credentials.get("username", "")),
                reason="refused unchecked: too many failures for the account or address",
            )
            raise

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        sign_in_failure_record(
            request,
            path=SignInFailure.Path.SITE,
            username=str(credentials.get("username", "")),
            reason="wrong username or password",
        )

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Write the message to the outbox in the caller's transaction; the worker sends it
        (docs/adr/0006-outbox-and-worker.md). `context["user"]` is the recipient, if known."""
        from accord.notifications.queue import notification_queue

        message = self.render_mail(template_prefix, email, context)
        user = context.get("user")
        notification_queue(
            council=getattr(user, "council", None),
            recipient=email,
            recipient_name=user.get_full_name() if user is not None else "",
            template="accounts_mail",
            context={"subject": message.subject, "body": message.body},
            idempotency_key=f"{template_prefix}:{uuid.uuid4()}",
            subject_type="user",
            subject_id=str(getattr(user, "pk", "")),
            event_type=template_prefix.rsplit("/", 1)[-1],
        )
