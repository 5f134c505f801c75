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
    # places (accord.councils.places): a place to the areas it affects, D 5.3 / N 21
    "place.areas": NoParams,
}

# correspondence: D 8.1-8.4, D 10.4-10.7 (accord.correspondence.rules)
RULE_PARAMS.update(
    {
        "correspondence.official-name": NoParams,
        "correspondence.targeted": NoParams,
        "correspondence.freedom-of-information": NoParams,
        "correspondence.pre-election": NoParams,
        "correspondence.no-party-publicity": NoParams,
        "correspondence.no-political-comment": NoParams,
        "correspondence.press-enquiries": NoParams,
        "correspondence.support-services": NoParams,
    }
)


# What the engine does with each rule: enforce or compute it (`rule`), or follow its steps as a case type
# (`workflow`). A profile that declares another kind would make coverage claim the wrong thing.
WORKFLOWS = frozenset({"enquiry.escalation", "enquiry.burden", "enquiry.information-dispute"})

# concerns and rulings (D 1.3-1.4, D 11, D 12, N 3)
Raiser = Literal["member", "officer"]


class ConcernPrivateParams(NoParams):
    """`concern.private`: the paragraphs of guidance shown where a concern is raised (D 4.5-4.6, N 3)."""

    guidance: list[StrictStr] = Field(default_factory=list)


class ConcernRaisersParams(NoParams):
    """Who may raise a concern under the rule: Members, officers or both (D 11.2, D 11.4, N 3)."""

    raised_by: list[Raiser] = Field(min_length=1)


class ConcernAboutOfficerParams(ConcernRaisersParams):
    """`concern.about-officer`: the post a concern about an officer goes to (D 11.4, N 3)."""

    route_to: Literal["head-of-service", "chief-officer"]


class InformalMeetingParams(NoParams):
    """`concern.informal-meeting` (D 11.3): words naming the committee whose Chair may be invited."""

    audit_chair_committee: StrictStr = "Audit and Standards"


RULE_PARAMS.update(
    {
        "concern.private": ConcernPrivateParams,
        "concern.officer-difficulty": ConcernRaisersParams,
        "concern.informal-meeting": InformalMeetingParams,
        "concern.about-officer": ConcernAboutOfficerParams,
        "concern.about-senior-officer": NoParams,
        "concern.about-member": ConcernRaisersParams,
        "concern.whistleblowing": NoParams,
        "question.member": NoParams,
        "question.officer": ChainParams,
        "ruling.interpretation": NoParams,
    }
)
WORKFLOWS |= {
    "concern.officer-difficulty",
    "concern.informal-meeting",
    "concern.whistleblowing",
    "question.member",
    "question.officer",
    "ruling.interpretation",
}


# groups: officers at political group meetings (D 7, N 18-19) and confidential briefings (N 14-15).
class SignsParams(NoParams):
    """`group.council-business` (D 7.2, N 19): words in a subject that mark party-political business."""

    signs: list[StrictStr] = Field(default_factory=list)


class OfficesParams(NoParams):
    """`briefing.confidential` (N 14): the offices (council model office kinds) that may ask directly."""

    offices: list[StrictStr] = Field(default_factory=list)


RULE_PARAMS.update(
    {
        "group.not-decision-making": NoParams,
        "group.council-business": SignsParams,
        "group.confidential": NoParams,
        "group.chief-officer-approval": NoParams,
        "group.attendance-terms": NoParams,
        "group.parity-offer": NoParams,
        "group.advice-factual": NoParams,
        "group.invite-chief-officer": NoParams,
        "group.not-obliged": NoParams,
        "group.no-insisting": NoParams,
        "group.same-subject": NoParams,
        "group.same-advice": NoParams,
        "group.verify-minutes": NoParams,
        "group.no-public-reference": NoParams,
        "briefing.confidential": OfficesParams,
        "briefing.share-information": NoParams,
    }
)
WORKFLOWS = WORKFLOWS | {"group.chief-officer-approval", "group.verify-minutes"}


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


# Premises visits (N 25-27) and appointments with officers (D 4.7): accord.visits.rules.
class VisitLinkParams(NoParams):
    """`visit.local-manager` (N 25): how many days the permission-giver's single-use link lasts."""

    link_days: StrictInt = Field(default=14, ge=1, le=60)


# Local matters (accord.matters): D 5.2-5.4, N 20-24.
class MatterKindsParams(NoParams):
    """`matter.inform-local-members` (D 5.3, N 20-21): kinds of matter the council records besides the
    four Accord knows (policy, operational, consultation, public meeting)."""

    other_kinds: list[StrictStr] = Field(default_factory=list)


class MatterInTimeParams(NoParams):
    """`matter.informed-in-time` (D 5.2, N 20): a Member informed fewer than `working_days` working days
    before the matter starts was told too late to contribute."""

    working_days: StrictInt = Field(default=5, ge=0, le=60)


class MatterConsultationParams(NoParams):
    """`matter.consultation` (D 5.4, N 24): `notified` (told before it begins) or `consulted` (asked for
    their view, replying within `reply_working_days` working days)."""

    mode: Literal["notified", "consulted"] = "notified"
    reply_working_days: StrictInt = Field(default=10, ge=1, le=60)


RULE_PARAMS.update(
    {
        "visit.premises": NoParams,
        "visit.local-manager": VisitLinkParams,
        "visit.school-permission": NoParams,
        "visit.academy": NoParams,
        "visit.residential": NoParams,
        "visit.outside-division": NoParams,
        "visit.safety": NoParams,
        "visit.no-right": NoParams,
        "visit.company-permission": NoParams,
        "appointment.booking": NoParams,
    }
)
WORKFLOWS = WORKFLOWS | {"visit.premises", "appointment.booking"}

RULE_PARAMS.update(
    {
        "matter.accountable": NoParams,
        "matter.inform-local-members": MatterKindsParams,
        "matter.informed-in-time": MatterInTimeParams,
        "matter.public-meeting": NoParams,
        "matter.consultation": MatterConsultationParams,
    }
)
WORKFLOWS = WORKFLOWS | {"matter.inform-local-members"}
