"""The protocol's questions about agendas and decisions, with the paragraphs behind each answer.

Rule ids live in the council's profile (`accord/protocol/profiles/*.yaml`); a profile without a rule does
not apply it: Norfolk's protocol gives Members no right to add an agenda item, so no proposals there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.protocol import Citation, DueDate, Profile, WorkingCalendar
from accord.protocol.calendar import LONDON

CHAIR_DECIDES = "agenda.chair-decides"  # D 2.8, D 2.9
MUST_ADD = "agenda.must-add"  # D 2.9, D 2.11
MEMBERS_PROPOSAL = "agenda.members-proposal"  # D 2.9
ADVICE_ON_RECORD = "decision.advice-on-record"  # D 4.4, N 9
ADVICE_CONSIDERED = "decision.advice-considered"  # D 4.4, N 10
SCRUTINY_SAME_ADVICE = "decision.scrutiny-same-advice"  # D 2.10, N 7, N 8, N 13

# N 11-12 (officers representing decisions) are guidance, shown where decisions are shown.
DECISION_GUIDANCE = ("11", "12")


def cites(profile: Profile | None, *rule_ids: str) -> list[Citation]:
    """The citations of the profile's rules among `rule_ids`, in order, each paragraph once ([] without a
    profile or a rule)."""
    if profile is None:
        return []
    found: dict[str, Citation] = {}
    for rule_id in rule_ids:
        rule = profile.rules.get(rule_id)
        for citation in rule.citations if rule is not None else ():
            found.setdefault(citation.label, citation)
    return list(found.values())


def statutory_officers(profile: Profile | None) -> list[Citation]:
    """D 2.11, the definition of the three statutory officers whose duty to report keeps an item on the
    agenda, cited beside `agenda.must-add` where the profile has it."""
    if profile is None or profile.key != "district" or not profile.has_paragraph("2.11"):
        return []
    return [profile.cite("2.11")]


def guidance(profile: Profile | None) -> list[Citation]:
    """N 11-12 where the profile has them: how officers represent the decisions of Members."""
    if profile is None:
        return []
    return [profile.cite(p) for p in DECISION_GUIDANCE if profile.has_paragraph(p)]


@dataclass(frozen=True)
class ProposalTiming:
    """When a Members' proposal was made against the agenda's publication (D 2.9).

    `due` counts `working_days` working days from the day it was made (day zero by the rule of every
    deadline, `accord.protocol.calendar`); the proposal is in time when that day falls on or before the
    day of publication. `last_day` is the last day a proposal could have been made and still counted."""

    in_time: bool
    due: DueDate
    last_day: dt.date
    working_days: int


def proposal_timing(
    calendar: WorkingCalendar, *, made_at: dt.datetime, publication_date: dt.date, working_days: int
) -> ProposalTiming:
    """Whether a proposal made at `made_at` is at least `working_days` working days before the agenda's
    publication on `publication_date` (D 2.9), and the last day that would have counted.

    Raises `ValueError` for a naive `made_at` or a date outside the calendar's range."""
    due = calendar.due(made_at, working_days)
    return ProposalTiming(
        in_time=due.due <= publication_date,
        due=due,
        last_day=last_day_for(
            calendar, publication_date=publication_date, working_days=working_days
        ),
        working_days=working_days,
    )


def last_day_for(
    calendar: WorkingCalendar, *, publication_date: dt.date, working_days: int
) -> dt.date:
    """The last working day on which a proposal still falls `working_days` working days before
    `publication_date`: counting back `working_days` working days from the publication day (or from the
    working day before it, when it is not one)."""
    day = publication_date
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    counted = 0
    while counted < working_days:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def noon(day: dt.date) -> dt.datetime:
    """Midday in London on `day`: a time on that day whatever the clocks do."""
    return dt.datetime.combine(day, dt.time(12), tzinfo=LONDON)
