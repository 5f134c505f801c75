"""Examples of concerns (D 11, N 3), questions about the protocol (D 1.3, D 1.4) and the Monitoring
Officer's rulings (D 12) for the demo councils, made through the same services as a real case.

At the district council: a Member's concern about an officer, sent to the Head of Service; an officer's
difficulty with a Member, with the informal meeting arranged a week ahead; a Member's question answered by
the Monitoring Officer and an officer's question with their line manager; a ruling on D 6.3 that
supersedes an earlier one. At the county: a concern about an officer, sent to the relevant Chief Officer,
and one about a Member, sent to the Monitoring Officer (N 3). Their e-mails count as already sent: the
demo's addresses are not real.
"""

from __future__ import annotations

import datetime as dt

from accord.accounts.models import User
from accord.concerns import services as concerns
from accord.concerns.models import Concern
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.councils.models import Council, Member, Officer
from accord.notifications.models import OutboxMessage
from accord.rulings import services as rulings


def _actor(slug: str, role: str) -> Actor | None:
    user = User.objects.filter(username=f"{slug}-{role}").first()
    return actor_for(user) if user is not None else None


def _officer(council: Council, title: str) -> Officer | None:
    return Officer.objects.filter(council=council, job_title=title, is_active=True).first()


def _district(council: Council) -> None:
    slug = council.slug
    member, opposition = _actor(slug, "member"), _actor(slug, "opposition")
    officer, monitoring = _actor(slug, "officer"), _actor(slug, "monitoring")
    if not (member and opposition and officer and monitoring):
        return
    assert officer.officer is not None and opposition.member is not None
    concerns.concern_raise(
        actor=member,
        summary="Dismissive reply at my ward surgery",
        details="When I raised a resident's missed collections the officer said it was not my business.",
        about_officer=officer.officer,
    )
    difficulty = concerns.concern_raise(
        actor=officer,
        summary="Raised voice in the council offices",
        details="The Member shouted at me in reception about a late report, in front of the public.",
        about_member=opposition.member,
    )
    next_week = clock.today() + dt.timedelta(days=7)
    concerns.concern_meeting_arrange(
        actor=monitoring,
        concern=difficulty,
        starts_at=dt.datetime.combine(next_week, dt.time(10, 0), tzinfo=clock.LONDON),
        minutes=60,
        place="Committee Room 2, Council Offices",
        audit_chair=True,
    )
    asked = rulings.question_ask(
        actor=member,
        question="May I forward an officer's e-mail reply to the resident who asked?",
        paragraph="8.2",
    )
    rulings.question_answer(
        actor=monitoring,
        question=asked,
        answer="Yes, once you have removed any other person's details; the reply stays in the "
        "officer's name.",
    )
    rulings.question_ask(
        actor=officer,
        question="A Member asked me to attend their group's meeting. Do I need approval?",
        paragraph="7.4",
    )
    first = rulings.ruling_record(
        actor=monitoring,
        paragraph="6.3",
        interpretation="An acknowledgement of receipt is not a substantive response.",
    )
    rulings.ruling_record(
        actor=monitoring,
        paragraph="6.3",
        interpretation="An acknowledgement of receipt is not a substantive response; a reply that "
        "answers part of the enquiry is one only if it says when the rest will follow.",
        supersedes=first,
    )


def _county(council: Council) -> None:
    slug = council.slug
    member, officer = _actor(slug, "member"), _actor(slug, "officer")
    if not (member and officer and member.member and officer.officer):
        return
    concerns.concern_raise(
        actor=member,
        summary="Site meeting cancelled without notice",
        details="The engineer cancelled the site meeting with residents an hour before it started.",
        about_officer=officer.officer,
    )
    other = (
        Member.objects.filter(council=council, is_active=True).exclude(pk=member.member.pk).first()
    )
    if other is not None:
        concerns.concern_raise(
            actor=officer,
            summary="Personal criticism at committee",
            details="The Member criticised me by name in a public committee meeting.",
            about_member=other,
        )


def demo_concerns_load(*, slugs: list[str]) -> None:
    """Add the examples to each demo council loaded just now (`slugs`); the others are left alone."""
    for council in Council.objects.filter(slug__in=slugs):
        if Concern.objects.filter(council=council).exists():
            continue
        if council.profile == "district":
            _district(council)
        else:
            _county(council)
    OutboxMessage.objects.filter(
        council__slug__in=slugs,
        subject_type__in=("concern", "question"),
        status=OutboxMessage.Status.PENDING,
    ).update(status=OutboxMessage.Status.SENT, sent_at=clock.now())
