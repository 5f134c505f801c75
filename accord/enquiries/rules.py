"""The protocol's questions about a Member's enquiry, each answered as a `Decision` with its citations.

The rule ids and their params live in the council's profile (`accord/protocol/profiles/*.yaml`); a profile
without a rule simply does not apply it (Norfolk's protocol says nothing about out-of-hours use, for example).
None of these questions looks at a Member's political group (D 2.5-2.7, N 2): `enquiry.equal-treatment`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from accord.protocol import Citation, Decision, DueDate, Profile, Rule, WorkingCalendar

RESPONSE_DEADLINE = "enquiry.response-deadline"  # D 6.3: a fixed number of working days
RESPONSE_SETTING = "enquiry.response-setting"  # N 16: the council sets the number
ROUTING = "enquiry.routing"  # D 6.2
HOLDING_REPLY = "enquiry.holding-reply"  # D 6.3
CHASERS = "enquiry.chasers"  # D 6.3
PAUSE = "enquiry.pause"  # D 6.3
REMINDERS = "enquiry.reminders"  # D 6.2, D 6.3
ESCALATION = "enquiry.escalation"  # D 4.3
BURDEN = "enquiry.burden"  # D 6.4
SHARE_OTHER_AREA = "enquiry.share-other-area"  # D 6.5
OUT_OF_HOURS = "enquiry.out-of-hours"  # D 6.6
COMPLAINTS = "enquiry.complaints"  # D 6.7
EMPLOYMENT_MATTERS = "enquiry.employment-matters"  # D 4.2, D 2.4
EQUAL_TREATMENT = "enquiry.equal-treatment"  # D 2.5-2.7, N 2
INFORMATION_DISPUTE = "enquiry.information-dispute"  # N 17
MEMBER_INFORMED = "enquiry.member-informed"  # D 6.1
STATUTORY_RIGHTS = "enquiry.statutory-rights"  # D 6.8

DEFAULT_CHAIN = ("line-manager", "head-of-service", "chief-officer")
DEFAULT_STEP_WORKING_DAYS = 2
FALLBACK_WORKING_DAYS = 10
DEFAULT_LONGEST_EXTENSION = 20


def rule_or_none(profile: Profile, rule_id: str) -> Rule | None:
    return profile.rules.get(rule_id)


def citations_of(profile: Profile, *rule_ids: str) -> list[Citation]:
    """The citations of every rule the profile has among `rule_ids`, in order, without repeats."""
    seen: set[tuple[str, str]] = set()
    out: list[Citation] = []
    for rule_id in rule_ids:
        rule = profile.rules.get(rule_id)
        for citation in rule.citations if rule else ():
            key = (citation.profile, citation.paragraph)
            if key not in seen:
                seen.add(key)
                out.append(citation)
    return out


@dataclass(frozen=True)
class ServiceLevel:
    """How many working days the council has to answer, and where that number comes from."""

    working_days: int
    citations: tuple[Citation, ...]
    note: str


def service_level(profile: Profile, *, council_setting: int | None) -> ServiceLevel:
    """D 6.3 fixes 5 working days; Norfolk's protocol fixes none, so the council's setting is used.

    A council on such a profile that has not yet set a number gets the profile's `default_working_days`,
    and the case says so (a Member is never refused because a setting is missing).
    """
    fixed = rule_or_none(profile, RESPONSE_DEADLINE)
    if fixed is not None:
        days = int(fixed.params["working_days"])
        return ServiceLevel(days, fixed.citations, f"{days} working days after receipt")
    setting = rule_or_none(profile, RESPONSE_SETTING)
    citations = setting.citations if setting else ()
    if council_setting is not None:
        return ServiceLevel(
            council_setting, citations, f"{council_setting} working days (the council's setting)"
        )
    default = (
        int(setting.params.get("default_working_days", FALLBACK_WORKING_DAYS))
        if setting
        else FALLBACK_WORKING_DAYS
    )
    return ServiceLevel(
        default,
        citations,
        f"{default} working days (the protocol fixes no deadline and the council has not set one, "
        "so the default is used)",
    )


def response_due(
    calendar: WorkingCalendar, level: ServiceLevel, *, started: dt.datetime, paused_days: int
) -> Decision:
    due: DueDate = calendar.due(started, level.working_days + paused_days)
    return Decision.needs_action(
        f"A substantive response is due by the end of {due.due:%A} {due.due.day} {due.due:%B %Y} "
        f"({level.note}).",
        level.citations,
        due=due,
        action="substantive-response",
    )


def out_of_hours_check(
    profile: Profile,
    *,
    category_name: str,
    category_is_service_failure: bool,
    urgency: str,
    justification: str,
) -> Decision:
    """D 6.6: out of hours only for an extremely urgent event, and never a service failure."""
    rule = rule_or_none(profile, OUT_OF_HOURS)
    if urgency != "out-of-hours":
        return Decision.allowed("A normal enquiry.")
    cites = rule.citations if rule else ()
    failures = {
        str(c).casefold()
        for c in (rule.params.get("service_failure_categories", []) if rule else [])
    }
    if rule is not None and (category_is_service_failure or category_name.casefold() in failures):
        return Decision.refused(
            f"Refused under {_labels(cites)}: the out-of-hours service is not for reporting a service "
            f"failure such as a missed bin ('{category_name}' is one). Raise it as a normal enquiry.",
            cites,
        )
    if not justification.strip():
        return Decision.refused(
            "Say why this is an extremely urgent event that cannot wait until the next working day"
            + (f" ({_labels(cites)})." if cites else "."),
            cites,
        )
    return Decision.allowed("An extremely urgent event, justified.", cites)


def complaint_route(profile: Profile, *, is_complaint: bool) -> Decision:
    """D 6.7: a constituent's complaint goes to the Corporate Complaints Procedure (a routing, not a refusal)."""
    rule = rule_or_none(profile, COMPLAINTS)
    if not is_complaint or rule is None:
        return Decision.allowed("Not a complaint.")
    return Decision.needs_action(
        f"This is a constituent's complaint: under {_labels(rule.citations)} it is handled under the "
        "Corporate Complaints Procedure.",
        rule.citations,
        route_to="corporate-complaints",
        action="divert-to-complaints",
    )


def employment_route(
    profile: Profile, *, constituent_is_employee: bool, category_is_employment: bool, text: str
) -> Decision:
    """D 4.2 / D 2.4: an employment matter goes to the Monitoring Officer for advice, not a service queue."""
    rule = rule_or_none(profile, EMPLOYMENT_MATTERS)
    if rule is None:
        return Decision.allowed("No employment-matter rule in this protocol.")
    words = text.casefold()
    term = next((t for t in rule.params.get("terms", []) if str(t).casefold() in words), None)
    if not (constituent_is_employee or category_is_employment or term):
        return Decision.allowed("Not an employment matter.")
    why = (
        "the constituent is a Council employee"
        if constituent_is_employee
        else "it concerns staff, discipline or another employment matter"
        + (f" ('{term}')" if term and not category_is_employment else "")
    )
    return Decision.needs_action(
        f"Under {_labels(rule.citations)} the Member first seeks the Monitoring Officer's advice: {why}. "
        "It goes to the Monitoring Officer, not to a service.",
        rule.citations,
        route_to="monitoring-officer",
        action="monitoring-officer-advice",
    )


def holding_reply_timing(profile: Profile, *, due_date: dt.date, today: dt.date) -> Decision:
    """D 6.3: contact the Member before the deadline with the reason, and agree the timescale with them.

    The new timescale is proposed; the Member accepts or declines it. After the due date the holding reply
    is recorded as late (`action` "late") and never moves the due date, so an answer after it counts late.
    """
    cites = citations_of(profile, HOLDING_REPLY, RESPONSE_DEADLINE, RESPONSE_SETTING)
    if today > due_date:
        return Decision.needs_action(
            f"The due date ({due_date:%d %B %Y}) has passed: the holding reply is recorded as late, and "
            "the enquiry stays due on that date.",
            cites,
            action="late",
        )
    return Decision.needs_action(
        "The new timescale is proposed to the Member; the due date moves when they accept it.",
        cites,
        action="agree",
    )


def holding_reply_longest(profile: Profile) -> tuple[int, list[Citation]]:
    """D 6.3: the longest new timescale a holding reply may propose, in working days after the current
    due date (or today, if later), from `enquiry.holding-reply`'s `longest_extension_working_days`;
    `DEFAULT_LONGEST_EXTENSION` where the profile sets none."""
    rule = rule_or_none(profile, HOLDING_REPLY)
    days = int(rule.params.get("longest_extension_working_days", 0)) if rule else 0
    cites = citations_of(profile, HOLDING_REPLY, RESPONSE_DEADLINE, RESPONSE_SETTING)
    return days or DEFAULT_LONGEST_EXTENSION, cites


def route_taken(profile: Profile, *, state: str, complaint_reference: str = "") -> Decision | None:
    """The route a case took instead of a deadline: diverted to the Corporate Complaints Procedure (D 6.7)
    or with the Monitoring Officer (D 4.2, D 2.4). None for a case that runs to a due date."""
    if state == "diverted":
        ref = f" (reference {complaint_reference})" if complaint_reference else ""
        return Decision.needs_action(
            f"Diverted to the Corporate Complaints Procedure{ref}: it has no enquiry due date.",
            citations_of(profile, COMPLAINTS),
            route_to="corporate-complaints",
        )
    if state == "monitoring-officer":
        return Decision.needs_action(
            "With the Monitoring Officer for advice: it has no enquiry due date.",
            citations_of(profile, EMPLOYMENT_MATTERS),
            route_to="monitoring-officer",
        )
    return None


def share_targets(
    profile: Profile, *, area_id: int | None, member_area_ids: Iterable[int]
) -> Decision:
    """D 6.5: an enquiry about an area that is not the Member's own is shared with that area's Members."""
    rule = rule_or_none(profile, SHARE_OTHER_AREA)
    if rule is None or area_id is None or area_id in set(member_area_ids):
        return Decision.allowed("About the Member's own area (or no area): nothing to share.")
    return Decision.needs_action(
        "The enquiry is about an area that is not the Member's own: the answer is shared with that "
        "area's Members.",
        rule.citations,
        action="share",
    )


def pause_allowed(profile: Profile) -> bool:
    rule = rule_or_none(profile, PAUSE)
    return bool(rule and rule.params.get("allowed", False))


def escalation_chain(profile: Profile, rule_id: str) -> tuple[Sequence[str], int, list[Citation]]:
    """The roles an enquiry climbs, the working days between steps, and the paragraphs behind it."""
    rule = rule_or_none(profile, rule_id)
    if rule is None:
        default = ("head-of-service", "chief-officer") if rule_id == ESCALATION else DEFAULT_CHAIN
        return default, DEFAULT_STEP_WORKING_DAYS, []
    chain = [str(step) for step in rule.params.get("chain", DEFAULT_CHAIN)]
    step = int(rule.params.get("step_working_days", DEFAULT_STEP_WORKING_DAYS))
    return chain, step, list(rule.citations)


@dataclass(frozen=True)
class MemberInformed:
    """The steps of an enquiry the Member is told of at once, by e-mail, and the paragraphs behind it."""

    steps: tuple[str, ...]
    citations: tuple[Citation, ...]


def member_informed(profile: Profile) -> MemberInformed:
    """D 6.1: officers recognise the Member's need for timely information.

    `steps` are the notification events (`enquiry_<step>` e-mails) the Member is sent; a profile without
    the rule names none (its Members are still sent them, without the citation).
    """
    rule = rule_or_none(profile, MEMBER_INFORMED)
    if rule is None:
        return MemberInformed((), ())
    steps = rule.params.get("steps", [])
    return MemberInformed(
        tuple(str(s) for s in (steps if isinstance(steps, list) else [steps])), rule.citations
    )


def statutory_rights_note(profile: Profile) -> Decision | None:
    """D 6.8: the enquiry process supplements, and never takes away, the Member's statutory and common-law
    rights to information. Said wherever an enquiry ends without the information being given through it;
    None when the protocol has no such paragraph (Norfolk's N 17 has a procedure of its own instead)."""
    rule = rule_or_none(profile, STATUTORY_RIGHTS)
    if rule is None:
        return None
    return Decision.allowed(
        f"The Member's statutory and common-law rights to information are unaffected: under "
        f"{_labels(rule.citations)} this enquiry process supplements them and never takes them away.",
        rule.citations,
    )


def _labels(citations: Iterable[Citation]) -> str:
    return ", ".join(c.label for c in citations) or "the protocol"
