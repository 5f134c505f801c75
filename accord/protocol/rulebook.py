"""The rules the engine knows: every rule id a profile may declare, and the shape of its params.

A profile is checked against this book, not trusted: a rule id the engine does not know (`enquiry.routng`),
a param it does not take, or a param of the wrong type is refused on load, naming the file, the rule and
the key. Otherwise coverage would claim a paragraph is enforced by a rule nothing enforces.

A capability that adds rules adds their ids and param shapes here, beside the code that reads them.
"""

from __future__ import annotations

import difflib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

ChainStep = Literal["line-manager", "head-of-service", "chief-officer"]
MemberStep = Literal[
    "acknowledged",
    "assigned",
    "holding_reply",
    "waiting",
    "answered",
    "diverted",
    "monitoring_officer",
    "due_date_moved",
    "escalated",
    "reopened",
    "burden_agreed",
]


class NoParams(BaseModel):
    """A rule that takes no params: its words are in the paragraphs it cites."""

    model_config = ConfigDict(extra="forbid", strict=True)


class ResponseDeadlineParams(NoParams):
    """`enquiry.response-deadline` (D 6.3): the working days after the day of receipt."""

    working_days: StrictInt = Field(ge=0, le=60)


class HoldingReplyParams(NoParams):
    """`enquiry.holding-reply` (D 6.3): the longest new timescale a holding reply may propose, in working
    days after the current due date (or after today, once that has passed)."""

    longest_extension_working_days: StrictInt = Field(default=20, ge=1, le=120)


class ResponseSettingParams(NoParams):
    """`enquiry.response-setting` (N 16): the council sets the number; the default until it does."""

    council_setting: StrictBool = True
    default_working_days: StrictInt = Field(default=10, ge=1, le=60)


class PauseParams(NoParams):
    """`enquiry.pause` (D 6.3): whether the clock may stop while the officer waits for the Member."""

    allowed: StrictBool = False


class ChainParams(NoParams):
    """`enquiry.reminders` and `enquiry.escalation`: the posts climbed, working days between steps."""

    chain: list[ChainStep] = Field(min_length=1)
    step_working_days: StrictInt = Field(default=2, ge=1, le=60)


class OutOfHoursParams(NoParams):
    """`enquiry.out-of-hours` (D 6.6): categories that are service failures, never out of hours."""

    service_failure_categories: list[StrictStr] = Field(default_factory=list)


class MemberInformedParams(NoParams):
    """`enquiry.member-informed` (D 6.1): the steps the Member is told of at once."""

    steps: list[MemberStep] = Field(default_factory=list)


class EmploymentMattersParams(NoParams):
    """`enquiry.employment-matters` (D 4.2, D 2.4): words that mark an employment matter."""

    terms: list[StrictStr] = Field(default_factory=list)


RULE_PARAMS: dict[str, type[NoParams]] = {
    "enquiry.response-deadline": ResponseDeadlineParams,
    "enquiry.response-setting": ResponseSettingParams,
    "enquiry.routing": NoParams,
    "enquiry.holding-reply": HoldingReplyParams,
    "enquiry.chasers": NoParams,
    "enquiry.pause": PauseParams,
    "enquiry.reminders": ChainParams,
    "enquiry.escalation": ChainParams,
    "enquiry.burden": NoParams,
    "enquiry.share-other-area": NoParams,
    "enquiry.out-of-hours": OutOfHoursParams,
    "enquiry.complaints": NoParams,
    "enquiry.member-informed": MemberInformedParams,
    "enquiry.statutory-rights": NoParams,
    "enquiry.employment-matters": EmploymentMattersParams,
    "enquiry.equal-treatment": NoParams,
    "enquiry.information-dispute": NoParams,
}


# What the engine does with each rule: enforce or compute it (`rule`), or follow its steps as a case type
# (`workflow`). A profile that declares another kind would make coverage claim the wrong thing.
WORKFLOWS = frozenset({"enquiry.escalation", "enquiry.burden", "enquiry.information-dispute"})


# committees: meetings, agendas and decision records (accord.committees).
class MembersProposalParams(NoParams):
    """`agenda.members-proposal` (D 2.9): how many Members of the committee, how many working days before
    the agenda's publication."""

    members: StrictInt = Field(default=3, ge=1, le=50)
    working_days: StrictInt = Field(default=5, ge=0, le=60)


RULE_PARAMS.update(
    {
        "agenda.chair-decides": NoParams,
        "agenda.must-add": NoParams,
        "agenda.members-proposal": MembersProposalParams,
        "decision.advice-on-record": NoParams,
        "decision.advice-considered": NoParams,
        "decision.scrutiny-same-advice": NoParams,
    }
)
WORKFLOWS = WORKFLOWS | {"agenda.chair-decides"}


def rule_kind(rule_id: str) -> str:
    """'workflow' or 'rule': what the engine does with a known rule id."""
    return "workflow" if rule_id in WORKFLOWS else "rule"


def known_rules() -> list[str]:
    """Every rule id the engine enforces, sorted, e.g. ['enquiry.burden', 'enquiry.chasers', ...]."""
    return sorted(RULE_PARAMS)


def unknown_rule_message(rule_id: str) -> str:
    """'unknown rule ...' naming the nearest known id, for a profile author who mistyped one."""
    near = difflib.get_close_matches(rule_id, known_rules(), n=1)
    hint = f"did you mean {near[0]!r}?" if near else f"known rules: {', '.join(known_rules())}"
    return f"unknown rule {rule_id!r}: the engine does not enforce it ({hint})"
