"""The protocol's questions about correspondence, publicity and the press (D 8.1-8.4, D 9, D 10.4-10.7),
and the statutory deadlines of an information request (FOIA s.10, UK GDPR Art. 12(3)).

The rule ids live in the council's profile; a profile without a rule does not apply it (Norfolk's protocol
says nothing about correspondence in a Member's name, for example), and the case then says so. The
statutory deadlines are the law's, whatever the protocol: they cite the Act, not a paragraph.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Any

from accord.protocol import Citation, Profile
from accord.protocol.calendar import NATIONS, bank_holidays

OFFICIAL_NAME = "correspondence.official-name"  # D 8.2, D 8.4
TARGETED = "correspondence.targeted"  # D 8.1
FREEDOM_OF_INFORMATION = "correspondence.freedom-of-information"  # D 8.3
PRE_ELECTION = "correspondence.pre-election"  # D 10.4 (D 10.1-10.3 as guidance)
NO_PARTY_PUBLICITY = "correspondence.no-party-publicity"  # D 10.5
NO_POLITICAL_COMMENT = "correspondence.no-political-comment"  # D 10.6, N 2, N 8
PRESS_ENQUIRIES = "correspondence.press-enquiries"  # D 10.7
SUPPORT_SERVICES = "correspondence.support-services"  # D 9
# Publicity principles, shown as guidance where publicity or correspondence is drafted.
GUIDANCE_PARAGRAPHS = ("10.1", "10.2", "10.3")

FOIA_WORKING_DAYS = 20
FOIA_S10 = {
    "label": "FOIA s.10",
    "text": "Freedom of Information Act 2000, section 10(1): a public authority must comply promptly and "
    "in any event not later than the twentieth working day following the date of receipt.",
    "statute": "https://www.legislation.gov.uk/ukpga/2000/36/section/10",
}
GDPR_ART12 = {
    "label": "UK GDPR Art. 12(3)",
    "text": "UK GDPR Article 12(3): information on action taken on a request is provided without undue "
    "delay and in any event within one month of receipt of the request.",
    "statute": "https://www.legislation.gov.uk/eur/2016/679/article/12",
}
# The Code of Recommended Practice on Local Authority Publicity 2011 (D 10.3): the review's checklist.
PUBLICITY_CODE = (
    ("lawful", "Lawful"),
    ("cost-effective", "Cost-effective"),
    ("objective", "Objective"),
    ("even-handed", "Even-handed"),
    ("appropriate", "Appropriate"),
    ("equality", "Has regard to equality and diversity"),
    ("pre-election-care", "Issued with care during periods of heightened sensitivity (elections)"),
    ("no-party-publicity", "No Member's party or personal publicity (D 10.5)"),
    (
        "no-political-comment",
        "No political comment or criticism of policy adopted by Full Council (D 10.6)",
    ),
)


def citations_of(profile: Profile | None, *rule_ids: str) -> list[Citation]:
    """The citations of every rule the profile has among `rule_ids`, in order, without repeats."""
    out: list[Citation] = []
    if profile is None:
        return out
    for rule_id in rule_ids:
        rule = profile.rules.get(rule_id)
        for citation in rule.citations if rule else ():
            if citation not in out:
                out.append(citation)
    return out


def guidance_of(profile: Profile | None) -> list[Citation]:
    """The publicity principles (D 10.1-10.3) where the profile has them: guidance, nothing enforced."""
    if profile is None:
        return []
    return [profile.cite(p) for p in GUIDANCE_PARAGRAPHS if profile.has_paragraph(p)]


def has_rule(profile: Profile | None, rule_id: str) -> bool:
    return profile is not None and rule_id in profile.rules


def cited(citations: list[Any]) -> list[dict[str, Any]]:
    """Citations as the history and the API keep them (a `Citation` or a statute's dict)."""
    return [c.to_dict() if hasattr(c, "to_dict") else dict(c) for c in citations]


class StatutoryWorkingDays:
    """FOIA s.10(6): a working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday
    or a bank holiday in any part of the United Kingdom. A council's own closure days (between Christmas
    and New Year, say) are working days in law: they never extend a statutory deadline."""

    def __init__(self) -> None:
        self.holidays: frozenset[dt.date] = frozenset(
            day for nation in NATIONS for day in bank_holidays(nation)
        )

    def is_working_day(self, d: dt.date) -> bool:
        if d.weekday() >= 5 or (d.month, d.day) == (12, 25):
            return False
        return d not in self.holidays


@functools.cache
def statutory_working_days() -> StatutoryWorkingDays:
    return StatutoryWorkingDays()


def foia_due(received: dt.date) -> dt.date:
    """FOIA s.10(1): the twentieth working day following the date of receipt. The day of receipt is never
    counted (a request received on a Saturday has the Monday as its first day); working days are the
    Act's (`StatutoryWorkingDays`), never the council's calendar."""
    days = statutory_working_days()
    day, counted = received, 0
    while counted < FOIA_WORKING_DAYS:
        day += dt.timedelta(days=1)
        if days.is_working_day(day):
            counted += 1
    return day


def subject_access_due(received: dt.date) -> dt.date:
    """UK GDPR Art. 12(3): one calendar month from receipt, to the corresponding day of the next month, or
    that month's last day when it has none (31 January -> 28 or 29 February); a deadline on a weekend or a
    public holiday moves to the next working day (the ICO's guidance), the Act's working days as for FOIA:
    a council's closure day never extends it."""
    calendar_ = statutory_working_days()
    year, month = (
        (received.year + 1, 1) if received.month == 12 else (received.year, received.month + 1)
    )
    day = dt.date(year, month, min(received.day, calendar.monthrange(year, month)[1]))
    while not calendar_.is_working_day(day):
        day += dt.timedelta(days=1)
    return day
