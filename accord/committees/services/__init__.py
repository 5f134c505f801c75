"""The writes of committees and decisions: one service per action (`meetings`, `decisions`)."""

from .decisions import (
    advice_alter_refuse,
    advice_consider,
    advice_correct,
    advice_submit,
    decision_create,
    decision_take,
)
from .meetings import (
    agenda_publish,
    item_include,
    item_propose,
    item_remove,
    meeting_cancel,
    meeting_create,
    meeting_reschedule,
    proposal_raise,
    proposal_refuse,
    proposal_sign,
    proposal_submit,
)

__all__ = [
    "advice_alter_refuse",
    "advice_consider",
    "advice_correct",
    "advice_submit",
    "agenda_publish",
    "decision_create",
    "decision_take",
    "item_include",
    "item_propose",
    "item_remove",
    "meeting_cancel",
    "meeting_create",
    "meeting_reschedule",
    "proposal_raise",
    "proposal_refuse",
    "proposal_sign",
    "proposal_submit",
]
