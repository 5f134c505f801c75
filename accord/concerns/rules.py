"""Where the protocol sends a concern (D 11.2-11.6, N 3), each answer with its citations.

The rule ids and their params are in the council's profile; a profile without a rule has no such route
(Norfolk's protocol has no whistle-blowing paragraph, the district's no route for a Member's concern about
another Member). Whatever the route, a concern never goes to the person it is about: when the post the
procedure names is held by that person, the next post named takes it, and the case says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accord.core.access import MONITORING_OFFICER, Actor
from accord.core.errors import AccordError
from accord.councils.models import Council, Member, Officer
from accord.councils.posts import line_managers, statutory_officer
from accord.protocol import Citation, Profile
from accord.protocol.citing import rule_citations

PRIVATE = "concern.private"  # D 11.4, D 4.5-4.6 / N 3
OFFICER_DIFFICULTY = "concern.officer-difficulty"  # D 11.2
INFORMAL_MEETING = "concern.informal-meeting"  # D 11.3
ABOUT_OFFICER = "concern.about-officer"  # D 11.4 / N 3
ABOUT_SENIOR_OFFICER = "concern.about-senior-officer"  # D 11.5
ABOUT_MEMBER = "concern.about-member"  # N 3
WHISTLEBLOWING = "concern.whistleblowing"  # D 11.6

HEAD_OF_PAID_SERVICE = "head-of-paid-service"
SENIOR_GRADES = (
    Officer.Grade.SERVICE_MANAGER,
    Officer.Grade.HEAD_OF_SERVICE,
    Officer.Grade.CHIEF_OFFICER,
)
MANAGER_GRADES = (Officer.Grade.SERVICE_MANAGER, Officer.Grade.HEAD_OF_SERVICE)


citations_of = rule_citations


def guidance_paragraphs(profile: Profile) -> list[Citation]:
    """The guidance shown where a concern is raised (D 4.5-4.6 and D 11.1; N 3), as citations."""
    rule = profile.rules.get(PRIVATE)
    ids = rule.params.get("guidance", []) if rule else []
    return [profile.cite(p) for p in ids if profile.has_paragraph(p)]


@dataclass(frozen=True)
class Route:
    """Where a concern goes: its kind (`Concern.Kind` value), the officer who takes it, why, in words, and
    the paragraphs behind it."""

    kind: str
    handler: Officer
    words: str
    citations: tuple[Citation, ...]


def head_of_service_of(officer: Officer) -> Officer | None:
    """D 11.4: the Head of Service / Service Manager of the officer's service, else the nearest line
    manager of that grade."""
    service = officer.service
    head = service.head if service is not None else None
    if (
        head is not None
        and head.pk != officer.pk
        and head.is_active
        and head.grade in SENIOR_GRADES
    ):
        return head
    return next(
        (m for m in line_managers(officer) if m.is_active and m.grade in MANAGER_GRADES), None
    )


def chief_officer_of(officer: Officer) -> Officer | None:
    """N 3: the relevant Chief Officer, the nearest line manager of that grade."""
    return next(
        (
            m
            for m in line_managers(officer)
            if m.is_active and m.grade == Officer.Grade.CHIEF_OFFICER
        ),
        None,
    )


def _refuse(message: str, citations: Iterable[Citation], field: str | None = None) -> AccordError:
    return AccordError(message, citations=list(citations), field=field)


def _raiser_may(profile: Profile, rule_id: str, actor: Actor) -> bool:
    rule = profile.rules.get(rule_id)
    if rule is None:
        return False
    raisers = rule.params.get("raised_by", ["member", "officer"])
    return ("member" in raisers and actor.member is not None) or (
        "officer" in raisers and actor.officer is not None
    )


def _officer_route(
    profile: Profile, council: Council, about: Officer
) -> tuple[Officer | None, str, str]:
    """(handler, words, rule id) for a concern about an officer (D 11.4-11.5, N 3)."""
    chief_executive = statutory_officer(council, HEAD_OF_PAID_SERVICE)
    is_chief_executive = chief_executive is not None and chief_executive.pk == about.pk
    if is_chief_executive:
        return (
            statutory_officer(council, MONITORING_OFFICER),
            "the Monitoring Officer, as the concern is about the Chief Executive (the Chair of "
            "Council or the Leader may be told instead)",
            ABOUT_SENIOR_OFFICER if ABOUT_SENIOR_OFFICER in profile.rules else ABOUT_OFFICER,
        )
    rule = profile.rules[ABOUT_OFFICER]
    if rule.params.get("route_to") == "chief-officer":
        if about.grade == Officer.Grade.CHIEF_OFFICER:
            return (
                chief_executive,
                "the Head of Paid Service, as the concern is about a Chief Officer",
                ABOUT_OFFICER,
            )
        return (
            chief_officer_of(about) or chief_executive,
            "the relevant Chief Officer",
            ABOUT_OFFICER,
        )
    if about.grade in SENIOR_GRADES and ABOUT_SENIOR_OFFICER in profile.rules:
        return (
            chief_executive,
            f"the Chief Executive, as the concern is about a {about.get_grade_display()}",
            ABOUT_SENIOR_OFFICER,
        )
    head = head_of_service_of(about)
    if head is None:
        return (
            chief_executive,
            "the Chief Executive, as no Head of Service / Service Manager is recorded for the officer",
            ABOUT_SENIOR_OFFICER if ABOUT_SENIOR_OFFICER in profile.rules else ABOUT_OFFICER,
        )
    return head, "the relevant Head of Service / Service Manager", ABOUT_OFFICER


def concern_route(
    profile: Profile,
    council: Council,
    *,
    actor: Actor,
    about_member: Member | None,
    about_officer: Officer | None,
    unlawful_conduct: bool,
) -> Route:
    """Where the procedure sends the concern the actor raises about one person.

    Raises `AccordError` (with its citations, `field` naming the input) when the protocol has no route
    for it: a concern about oneself, a kind of concern the profile does not provide for, or a council
    without the post the route needs."""
    if (about_member is None) == (about_officer is None):
        raise _refuse("Choose the one Member or officer the concern is about", (), "about")
    if (about_member is not None and actor.member == about_member) or (
        about_officer is not None and actor.officer == about_officer
    ):
        raise _refuse(
            "A concern is about someone else: you cannot raise one about yourself",
            citations_of(profile, PRIVATE),
            "about",
        )
    if unlawful_conduct:
        if WHISTLEBLOWING not in profile.rules:
            raise _refuse(
                "This council's protocol has no whistle-blowing route: raise it as a concern",
                citations_of(profile, PRIVATE),
                "unlawful_conduct",
            )
        kind, rule_id = "whistleblowing", WHISTLEBLOWING
        handler = statutory_officer(council, MONITORING_OFFICER)
        words = "the Monitoring Officer, under the whistle-blowing policy"
    elif about_member is not None:
        rule_id = OFFICER_DIFFICULTY if OFFICER_DIFFICULTY in profile.rules else ABOUT_MEMBER
        if not _raiser_may(profile, rule_id, actor):
            raise _refuse(
                "The protocol's procedure for difficulties with a Member is for officers; a "
                "complaint about a Member's conduct goes to the Monitoring Officer under the "
                "Members' Code of Conduct arrangements",
                citations_of(profile, rule_id, OFFICER_DIFFICULTY, ABOUT_MEMBER),
                "about",
            )
        kind = "difficulty" if rule_id == OFFICER_DIFFICULTY else "about-member"
        handler = statutory_officer(council, MONITORING_OFFICER)
        words = "the Monitoring Officer"
    else:
        assert about_officer is not None
        if not _raiser_may(profile, ABOUT_OFFICER, actor):
            raise _refuse(
                "The protocol's procedure for concerns about an officer is for Members; an "
                "officer's concern about a colleague goes to their line manager under the "
                "council's employment procedures",
                citations_of(profile, ABOUT_OFFICER),
                "about",
            )
        kind = "about-officer"
        handler, words, rule_id = _officer_route(profile, council, about_officer)
    handler, words = _never_to_its_subject(council, handler, words, about_officer)
    citations = citations_of(profile, rule_id, PRIVATE)
    if handler is None:
        raise _refuse(
            "The council has no one recorded in the post this concern goes to: ask democratic "
            "services to record the council's officers",
            citations,
        )
    return Route(kind=kind, handler=handler, words=f"To {words}.", citations=tuple(citations))


def _never_to_its_subject(
    council: Council, handler: Officer | None, words: str, about: Officer | None
) -> tuple[Officer | None, str]:
    """The concern never goes to the person it is about: the Monitoring Officer takes it instead, or the
    Head of Paid Service when the concern is about the Monitoring Officer."""
    if about is None or handler is None or handler.pk != about.pk:
        return handler, words
    for role, title in (
        (MONITORING_OFFICER, "the Monitoring Officer"),
        (HEAD_OF_PAID_SERVICE, "the Head of Paid Service"),
    ):
        other = statutory_officer(council, role)
        if other is not None and other.pk != about.pk:
            return other, f"{title}, as {words} is the person the concern is about"
    return None, words
