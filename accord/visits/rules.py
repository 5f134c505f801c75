"""The protocol's questions about a premises visit (N 25-27) and an appointment (D 4.7), answered from the
council's profile, each with its citations. A profile without these rules has no such procedure, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accord.protocol import Citation, Decision, Profile

PREMISES = "visit.premises"  # N 25: welcome as part of a Member's duties
LOCAL_MANAGER = "visit.local-manager"  # N 25: personal or employment need, governor or trustee
SCHOOL_PERMISSION = "visit.school-permission"  # N 26
ACADEMY = "visit.academy"  # N 26: no right; only with the headteacher's permission
RESIDENTIAL = "visit.residential"  # N 26: the same for residential establishments
OUTSIDE_DIVISION = "visit.outside-division"  # N 26
SAFETY = "visit.safety"  # N 26
NO_RIGHT = "visit.no-right"  # N 27
COMPANY_PERMISSION = "visit.company-permission"  # N 27
APPOINTMENT = "appointment.booking"  # D 4.7-4.8 (district), N 16 (Norfolk)

DEFAULT_LINK_DAYS = 14


def citations_of(profile: Profile, *rule_ids: str) -> list[Citation]:
    """The citations of every rule the profile has among `rule_ids`, in order, without repeats."""
    out: list[Citation] = []
    for rule_id in rule_ids:
        rule = profile.rules.get(rule_id)
        for citation in rule.citations if rule else ():
            if citation not in out:
                out.append(citation)
    return out


def has_visits(profile: Profile) -> bool:
    """Whether the council's protocol has a premises-visit procedure (Norfolk's N 25-27; the district
    protocol has none)."""
    return PREMISES in profile.rules


def link_days(profile: Profile) -> int:
    rule = profile.rules.get(LOCAL_MANAGER)
    return int(rule.params.get("link_days", DEFAULT_LINK_DAYS)) if rule else DEFAULT_LINK_DAYS


@dataclass(frozen=True)
class VisitDecision:
    """What the protocol says about one visit request.

    - `decision`: refused (no right, N 27), needs action (someone's permission first) or allowed (welcome).
    - `permission_from`: "" (none), "local-manager", "head-teacher" or "company".
    - `outside_division`: the premises lie outside every division of the Member's (N 26).
    - `informs`: who is told of a visit from outside the division, as posts ("division-member",
      "cabinet-member", "committee-chair"); empty inside the Member's own division.
    """

    decision: Decision
    permission_from: str
    outside_division: bool
    informs: tuple[str, ...]
    informs_citations: tuple[Citation, ...]
    safety_citations: tuple[Citation, ...]

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every paragraph behind the decision: the deciding rule, then N 26's informing and safety rules."""
        out = list(self.decision.citations)
        for c in (*self.informs_citations, *self.safety_citations):
            if c not in out:
                out.append(c)
        return tuple(out)


def visit_decide(
    profile: Profile,
    *,
    kind: str,
    tenure: str,
    purpose: str,
    premises_area_id: int,
    member_area_ids: Iterable[int],
    member_is_office_holder: bool,
) -> VisitDecision:
    """Decide a Member's request to visit premises, by the first rule that applies:

    1. N 27: no right for a purpose unrelated to the Member's duties, premises let to or occupied by others,
       or premises the Council neither owns nor leases (refused);
    2. N 27: a company's premises only with the company's permission;
    3. N 26: a school needs the head teacher's permission; an academy, no right but the headteacher may
       permit it; a residential establishment (a care home) on Council business, its manager's permission;
    4. N 25: a personal or employment need, or as a governor or trustee: agreed with the local manager;
    5. N 25: otherwise, as part of the Member's duties, the Member is welcome.

    Outside the Member's division (N 26) the division's Member, the relevant Cabinet Member and the relevant
    Committee Chair are informed; a Cabinet Member or Committee Chair (`member_is_office_holder`) informs the
    division's Member only. `kind`, `tenure` and `purpose` are the values of `Premises.Kind`,
    `Premises.Tenure` and `Visit.Purpose`. Raises nothing: a profile without the rules is refused with no
    citation (`has_visits`)."""
    outside = premises_area_id not in set(member_area_ids)
    informs: tuple[str, ...] = ()
    if outside:
        informs = (
            ("division-member",)
            if member_is_office_holder
            else ("division-member", "cabinet-member", "committee-chair")
        )
    informs_citations = tuple(citations_of(profile, OUTSIDE_DIVISION)) if outside else ()
    safety = tuple(citations_of(profile, SAFETY))

    def answer(decision: Decision, permission_from: str = "") -> VisitDecision:
        return VisitDecision(decision, permission_from, outside, informs, informs_citations, safety)

    if not has_visits(profile):
        return answer(
            Decision.refused(
                "This council's protocol has no procedure for Members' visits to premises."
            )
        )
    no_right = citations_of(profile, NO_RIGHT)
    if purpose == "unrelated":
        return answer(
            Decision.refused(
                "Members have no right to visit premises for purposes unrelated to their duties as "
                "Members of the Council.",
                no_right,
            )
        )
    if tenure == "let":
        return answer(
            Decision.refused(
                "Members have no right to enter premises owned by the Council but let to or legally "
                "occupied by other persons.",
                no_right,
            )
        )
    if tenure == "not-held":
        return answer(
            Decision.refused(
                "Members have no right to enter premises not owned or leased by the Council.",
                no_right,
            )
        )
    if tenure == "company":
        return answer(
            Decision.needs_action(
                "These premises are operated by a company in which the Council has an interest: the "
                "visit needs the company's permission.",
                citations_of(profile, COMPANY_PERMISSION),
                route_to="company",
            ),
            "company",
        )
    if kind == "school":
        return answer(
            Decision.needs_action(
                "A visit to a school needs the head teacher's permission.",
                citations_of(profile, SCHOOL_PERMISSION),
                route_to="head-teacher",
            ),
            "head-teacher",
        )
    if kind == "academy":
        return answer(
            Decision.needs_action(
                "Members have no right to visit an academy school, but may do so with the "
                "headteacher's permission.",
                citations_of(profile, ACADEMY),
                route_to="head-teacher",
            ),
            "head-teacher",
        )
    if kind in ("care-home", "residential"):
        return answer(
            Decision.needs_action(
                "A visit to a residential establishment needs the permission of its manager.",
                citations_of(profile, RESIDENTIAL),
                route_to="local-manager",
            ),
            "local-manager",
        )
    if purpose in ("personal", "governor"):
        return answer(
            Decision.needs_action(
                "A visit for a personal or employment need, or as a governor or trustee, is agreed "
                "with the local manager.",
                citations_of(profile, LOCAL_MANAGER),
                route_to="local-manager",
            ),
            "local-manager",
        )
    return answer(
        Decision.allowed(
            "Members are welcome to visit the Council's premises as part of their duties: the local "
            "manager is told.",
            citations_of(profile, PREMISES),
        )
    )
