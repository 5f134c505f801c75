"""Writes: one service per action, each in one transaction (see each module)."""

from accord.correspondence.services.correspondence import (
    correspondence_advice_give,
    correspondence_advice_request,
    correspondence_draft,
    correspondence_send,
    correspondence_withdraw,
)
from accord.correspondence.services.information import (
    information_bundle,
    information_due,
    information_request_answer,
    information_request_hits,
    information_request_log,
)
from accord.correspondence.services.press import (
    pre_election_period_add,
    press_enquiry_answer,
    press_enquiry_close,
    press_enquiry_log,
    publicity_request,
    publicity_review,
    publicity_withdraw,
)

__all__ = [
    "correspondence_advice_give",
    "correspondence_advice_request",
    "correspondence_draft",
    "correspondence_send",
    "correspondence_withdraw",
    "information_bundle",
    "information_due",
    "information_request_answer",
    "information_request_hits",
    "information_request_log",
    "pre_election_period_add",
    "press_enquiry_answer",
    "press_enquiry_close",
    "press_enquiry_log",
    "publicity_request",
    "publicity_review",
    "publicity_withdraw",
]
