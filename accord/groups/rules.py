"""The protocol's rules for group meetings and briefings: ids as in the profiles, and their questions.

Which rules a council's profile holds decides the flow: the district protocol routes a request through the
appropriate Chief Officer (D 7.4(a)) and offers the advice to the other groups (D 7.4(b)(v)); Norfolk's has
a Group Leader invite a Chief Officer, who may nominate (N 19(e)), and binds an officer who accepted one
group to the same subject for every group (N 19(d)). A profile without a rule does not apply it.
"""

from __future__ import annotations

from accord.councils.models import Council
from accord.protocol import Citation, Profile, load_profile

NOT_DECISION_MAKING = "group.not-decision-making"  # D 7.1, N 18
COUNCIL_BUSINESS = "group.council-business"  # D 7.2, D 7.4(b), N 19, N 19(f)
CONFIDENTIAL = "group.confidential"  # D 7.3, D 7.4(b)(iii), N 19(h), N 2
CHIEF_OFFICER_APPROVAL = "group.chief-officer-approval"  # D 7.4(a)
ATTENDANCE_TERMS = "group.attendance-terms"  # D 7.4(b)(i), (ii), (iv)
PARITY_OFFER = "group.parity-offer"  # D 7.4(b)(v)
ADVICE_FACTUAL = "group.advice-factual"  # D 7.4(b)(i), D 7.2, N 19(f)
INVITE_CHIEF_OFFICER = "group.invite-chief-officer"  # N 19, N 19(e)
NOT_OBLIGED = "group.not-obliged"  # N 19(a)
NO_INSISTING = "group.no-insisting"  # N 19(b), (c)
SAME_SUBJECT = "group.same-subject"  # N 19(d)
SAME_ADVICE = "group.same-advice"  # N 19(g)
VERIFY_MINUTES = "group.verify-minutes"  # N 19(i)
NO_PUBLIC_REFERENCE = "group.no-public-reference"  # N 19(j)
BRIEFING_CONFIDENTIAL = "briefing.confidential"  # N 14
SHARE_INFORMATION = "briefing.share-information"  # N 15


def profile_of(council: Council) -> Profile:
    return load_profile(council.profile)


def has(council: Council, rule_id: str) -> bool:
    """Whether the council's profile holds the rule."""
    return rule_id in profile_of(council).rules


def cites(council: Council, *rule_ids: str) -> list[Citation]:
    """The citations of the rules the council's profile holds among `rule_ids`, without repeats."""
    profile = profile_of(council)
    seen: set[str] = set()
    out: list[Citation] = []
    for rule_id in rule_ids:
        rule = profile.rules.get(rule_id)
        for citation in rule.citations if rule else ():
            if citation.label not in seen:
                seen.add(citation.label)
                out.append(citation)
    return out


def party_political_sign(council: Council, subject: str) -> str | None:
    """The first sign of party-political business in the subject (the profile lists the signs,
    `group.council-business`), or None: "selection" in "Candidate selection" (D 7.2, N 19)."""
    rule = profile_of(council).rules.get(COUNCIL_BUSINESS)
    if rule is None:
        return None
    words = f" {' '.join(''.join(c if c.isalnum() else ' ' for c in subject.lower()).split())} "
    for sign in rule.params.get("signs", []):
        if f" {sign.lower()} " in words:
            return str(sign)
    return None


def briefing_offices(council: Council) -> list[str]:
    """The office kinds whose holders may ask for a briefing without their Group Leader (N 14)."""
    rule = profile_of(council).rules.get(BRIEFING_CONFIDENTIAL)
    return list(rule.params.get("offices", [])) if rule else []
