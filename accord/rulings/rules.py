"""Who answers a question about the protocol (D 1.3, D 1.4), and the Monitoring Officer's rulings (D 12).

A Member asks the Monitoring Officer; an officer asks their line manager, who may pass it to the Head of
Service and then to a Chief Officer (the chain is the rule's `chain` param). A profile without the rule has
no such route (Norfolk's protocol names none).
"""

from __future__ import annotations

from accord.core.access import MONITORING_OFFICER, Actor
from accord.core.errors import AccordError
from accord.councils.models import Council, Officer
from accord.councils.posts import line_managers, statutory_officer
from accord.protocol import Citation, Profile
from accord.protocol.citing import rule_citations

QUESTION_MEMBER = "question.member"  # D 1.3
QUESTION_OFFICER = "question.officer"  # D 1.4
INTERPRETATION = "ruling.interpretation"  # D 12


citations_of = rule_citations


def monitoring_officer(council: Council) -> Officer | None:
    return statutory_officer(council, MONITORING_OFFICER)


def step_holder(step: str, asker: Officer) -> Officer | None:
    """The officer who holds a step of D 1.4's chain for the officer asking, or None."""
    if step == "line-manager":
        return asker.line_manager if asker.line_manager and asker.line_manager.is_active else None
    if step == "head-of-service":
        head = asker.service.head if asker.service is not None else None
        if head is not None and head.is_active and head.pk != asker.pk:
            return head
        return next(
            (
                m
                for m in line_managers(asker)
                if m.grade == Officer.Grade.HEAD_OF_SERVICE and m.is_active
            ),
            None,
        )
    return next(
        (m for m in line_managers(asker) if m.grade == Officer.Grade.CHIEF_OFFICER and m.is_active),
        None,
    )


def next_step(
    profile: Profile, asker: Officer, after: str | None, current: Officer | None
) -> tuple[str, Officer] | None:
    """The next step of D 1.4's chain after `after` (None: the first) whose holder is someone other than the
    asker and the current holder, or None at the end of the chain."""
    rule = profile.rules.get(QUESTION_OFFICER)
    chain: list[str] = list(rule.params.get("chain", [])) if rule else []
    start = chain.index(after) + 1 if after in chain else 0
    for step in chain[start:]:
        holder = step_holder(step, asker)
        if (
            holder is not None
            and holder.pk != asker.pk
            and (current is None or holder.pk != current.pk)
        ):
            return step, holder
    return None


def question_route(
    profile: Profile, council: Council, actor: Actor
) -> tuple[str, Officer, list[Citation]]:
    """(step, holder, citations) for a question the actor asks. Raises `AccordError` where the protocol names
    no one, or the post is not recorded."""
    if actor.member is not None:
        if QUESTION_MEMBER not in profile.rules:
            raise AccordError("This council's protocol does not say who answers questions about it")
        holder = monitoring_officer(council)
        citations = citations_of(profile, QUESTION_MEMBER)
        if holder is None:
            raise AccordError("The council has no Monitoring Officer recorded", citations=citations)
        return "monitoring-officer", holder, citations
    if actor.officer is None or QUESTION_OFFICER not in profile.rules:
        raise AccordError("This council's protocol does not say who answers questions about it")
    citations = citations_of(profile, QUESTION_OFFICER)
    found = next_step(profile, actor.officer, None, None)
    if found is None:
        raise AccordError(
            "No line manager, Head of Service or Chief Officer is recorded for you",
            citations=citations,
        )
    return found[0], found[1], citations
