"""A year of committee and Cabinet meetings, agendas and decision records for the demo councils.

Deterministic (one seed) and idempotent: a council that already has meetings is left alone. Past meetings
have published agendas (some with items the Chair could not remove: a legal period, a statutory officer's
report, a Members' proposal made in time, D 2.9, D 2.11); the next meetings are in preparation, one with a
Members' proposal waiting for a third signature. Decisions carry the officer's advice on record, marked
considered before they were taken (D 4.4, N 9-10); a few are open today, one awaiting the demo officer's
advice. Rows are checked by the tables' own constraints; history is chained as the services chain it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from django.db import transaction

from accord.accounts.models import User
from accord.committees.access import chair_of, decision_maker_member
from accord.committees.history import decision_event_add, meeting_event_add
from accord.committees.models import (
    AgendaItem,
    DecisionRecord,
    ItemProposal,
    Meeting,
    OfficerAdvice,
    ProposalSignature,
)
from accord.committees.rules import MEMBERS_PROPOSAL, cites
from accord.committees.services._common import profile_of
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.councils.models import Committee, Council, Member, Office, Officer, StatutoryRole

KINDS = (Committee.Kind.CABINET, Committee.Kind.COMMITTEE, Committee.Kind.SCRUTINY)
TOPICS = (
    "Revenue budget monitoring",
    "Local plan review",
    "Housing allocations policy",
    "Waste collection contract",
    "Leisure centre refurbishment",
    "Flood resilience programme",
    "Town centre regeneration",
    "Climate action plan progress",
    "Council tax support scheme",
    "Car parking charges",
    "Community safety partnership",
    "Treasury management report",
)
ACCORD = Actor(user=None)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=clock.LONDON)


def _user(council: Council, role: str) -> User | None:
    return User.objects.filter(username=f"{council.slug}-{role}").first()


def _actor(council: Council, role: str) -> Actor:
    user = _user(council, role)
    return actor_for(user) if user is not None else ACCORD


def _meeting(
    council: Council, committee: Committee, day: dt.date, n: int, rng: random.Random, today: dt.date
) -> Meeting:
    publication = day - dt.timedelta(days=8)
    starts = _at(day, 18 if committee.kind != Committee.Kind.CABINET else 10)
    published = publication <= today
    with clock.frozen(_at(publication - dt.timedelta(days=30), 9)):
        meeting = Meeting.objects.create(
            council=council,
            committee=committee,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            place="Council Chamber, Town Hall",
            publication_date=publication,
            created_at=clock.now(),
        )
        meeting_event_add(
            meeting,
            actor=_actor(council, "demservices"),
            kind="set",
            description=f"Meeting set; agenda to be published {publication:%d %B %Y}.",
            citations=[],
        )
    profile = profile_of(council)
    chief = _actor(council, "chief")
    for k in range(rng.randint(3, 5)):
        topic = TOPICS[(n * 3 + k) % len(TOPICS)]
        must_add = ""
        legal_period = ""
        if k == 0 and n % 4 == 0:
            must_add, legal_period = AgendaItem.Reason.LEGAL_PERIOD, "to be decided before 11 March"
        state = AgendaItem.State.ON_AGENDA if (published or must_add) else AgendaItem.State.PROPOSED
        with clock.frozen(_at(publication - dt.timedelta(days=14 - k), 11)):
            item = AgendaItem.objects.create(
                meeting=meeting,
                title=topic,
                summary=f"Report of the appropriate officer on {topic.lower()}.",
                state=state,
                must_add=must_add,
                legal_period=legal_period,
                proposed_by=chief.user,
                report_author=chief.officer,
                position=k + 1,
                created_at=clock.now(),
            )
            meeting_event_add(
                meeting,
                actor=chief,
                kind="item-proposed",
                description=f"Item proposed to the Chair: {item.title}.",
                citations=cites(profile, "agenda.chair-decides"),
                data={"item": item.pk, "title": item.title},
            )
    if published:
        with clock.frozen(_at(publication, 9)):
            Meeting.objects.filter(pk=meeting.pk).update(
                state=Meeting.State.PUBLISHED, published_at=clock.now(), sequence=1
            )
            meeting_event_add(
                meeting,
                actor=_actor(council, "demservices"),
                kind="published",
                description="The agenda is published, as the Chair settled it.",
                citations=cites(profile, "agenda.chair-decides"),
            )
    return meeting


def _proposal(
    council: Council, meeting: Meeting, signers: Sequence[Member], *, title: str, added: bool
) -> None:
    """A Members' proposal (D 2.9): signed by `signers`; `added` puts it on the agenda as made in time."""
    made = _at(meeting.publication_date - dt.timedelta(days=12), 10)
    with clock.frozen(made):
        proposal = ItemProposal.objects.create(
            meeting=meeting,
            title=title,
            relevance="A matter within the committee's terms of reference that residents have raised.",
            proposer=signers[0],
            created_at=made,
        )
        for k, member in enumerate(signers):
            ProposalSignature.objects.create(
                proposal=proposal, member=member, signed_at=made + dt.timedelta(hours=k)
            )
        if added:
            item = AgendaItem.objects.create(
                meeting=meeting,
                title=title,
                summary=proposal.relevance,
                state=AgendaItem.State.ON_AGENDA,
                must_add=AgendaItem.Reason.MEMBERS_PROPOSAL,
                position=99,
                created_at=made,
            )
            ItemProposal.objects.filter(pk=proposal.pk).update(
                state=ItemProposal.State.ADDED, submitted_at=made + dt.timedelta(hours=3), item=item
            )
        meeting_event_add(
            meeting,
            actor=ACCORD,
            kind="proposal-added" if added else "proposal-raised",
            description=f"Members of the committee proposed an item: {title}"
            + (
                " (added: the Chair cannot remove it)."
                if added
                else "; signatures are being collected."
            ),
            citations=cites(profile_of(council), MEMBERS_PROPOSAL),
            data={"proposal": proposal.pk, "signatories": [m.pk for m in signers]},
        )


def _decision(
    council: Council,
    *,
    matter: str,
    maker: str,
    member: Member | None,
    committee: Committee | None,
    officer: Officer,
    opened: dt.datetime,
    stage: int,
    corrected: bool = False,
) -> None:
    """A decision record taken to `stage`: 0 awaiting advice, 1 advice on record, 2 considered, 3 taken."""
    with clock.frozen(opened):
        decision = DecisionRecord.objects.create(
            council=council,
            matter=matter,
            maker=maker,
            maker_member=member,
            maker_committee=committee,
            report=f"Report on {matter.lower()}: options, costs, risks and consultation responses.",
            advising_officer=officer,
            created_at=opened,
        )
    profile = profile_of(council)
    on_record = cites(profile, "decision.advice-on-record")
    considered = cites(profile, "decision.advice-considered")
    opener = Actor(user=None)
    decision_event_add(
        decision,
        actor=opener,
        kind="opened",
        description="Decision record opened.",
        citations=on_record,
    )
    if stage == 0:
        return
    texts = [
        f"My professional advice is to approve option B for {matter.lower()}: it is within budget and "
        "meets the statutory duties; option A carries a legal risk."
    ]
    if corrected:
        texts.append(texts[0] + " The revised cost figure is £1.2m, not £1.4m.")
    for version, text in enumerate(texts, start=1):
        at = opened + dt.timedelta(days=2 * version)
        OfficerAdvice.objects.create(
            decision=decision,
            version=version,
            author=officer,
            text=text,
            correction_reason="The cost figure in the report was corrected." if version > 1 else "",
            submitted_at=at,
        )
        with clock.frozen(at):
            decision_event_add(
                decision,
                actor=ACCORD,
                kind="advice-submitted" if version == 1 else "advice-corrected",
                description=f"{officer.name}'s professional advice is on record (version {version}).",
                citations=on_record,
                data={"version": version, "text": text},
            )
    DecisionRecord.objects.filter(pk=decision.pk).update(
        state=DecisionRecord.State.ADVICE_ON_RECORD
    )
    if stage == 1:
        return
    maker_member = decision_maker_member(decision)
    considered_at = opened + dt.timedelta(days=6)
    DecisionRecord.objects.filter(pk=decision.pk).update(
        state=DecisionRecord.State.CONSIDERED,
        considered_version=len(texts),
        considered_at=considered_at,
    )
    who = f"Cllr {maker_member.name}" if maker_member else "The decision maker"
    with clock.frozen(considered_at):
        decision_event_add(
            decision,
            actor=ACCORD,
            kind="advice-considered",
            description=f"{who} considered the officer's advice (version {len(texts)}).",
            citations=considered,
            data={"version": len(texts)},
        )
    if stage == 2:
        return
    decided_at = opened + dt.timedelta(days=7)
    DecisionRecord.objects.filter(pk=decision.pk).update(
        state=DecisionRecord.State.DECIDED,
        decision="Approved option B, as advised.",
        decided_at=decided_at,
    )
    with clock.frozen(decided_at):
        decision_event_add(
            decision,
            actor=ACCORD,
            kind="decided",
            description=f"{who} took the decision, having considered the officer's advice.",
            citations=considered,
            data={"decision": "Approved option B, as advised."},
        )


def _members_for(committee: Committee) -> list[Member]:
    return list(committee.members.filter(is_active=True).order_by("pk"))


@transaction.atomic
def committee_history_load(council: Council, *, seed: int) -> int:
    """A year of meetings and decisions for `council`; returns how many meetings were made (0: had some)."""
    if Meeting.objects.filter(council=council).exists():
        return 0
    rng = random.Random(f"{seed}-{council.slug}-committees")
    today = clock.today()
    committees = list(council.committees.filter(kind__in=KINDS).order_by("pk"))
    demo_member = getattr(_user(council, "member"), "member", None)
    made = 0
    upcoming: dict[int, Meeting] = {}
    for c, committee in enumerate(committees):
        for month in range(-11, 3):
            day = today.replace(day=1) + dt.timedelta(days=31 * month + 9 + 2 * c)
            while day.weekday() >= 5:
                day += dt.timedelta(days=1)
            meeting = _meeting(council, committee, day, made, rng, today)
            made += 1
            if (
                meeting.publication_date > today + dt.timedelta(days=14)
                and committee.pk not in upcoming
            ):
                upcoming[committee.pk] = meeting
            members = _members_for(committee)
            if month == -6 and len(members) >= 3 and profile_has_proposals(council):
                _proposal(
                    council, meeting, members[:3], title="Speeding on rural roads", added=True
                )
    if profile_has_proposals(council):
        for committee in committees:
            members = [m for m in _members_for(committee) if m != demo_member]
            next_meeting = upcoming.get(committee.pk)
            if next_meeting is None or len(members) < 2:
                continue
            if demo_member is not None and committee.members.filter(pk=demo_member.pk).exists():
                _proposal(
                    council, next_meeting, members[:2], title="Bus shelter repairs", added=False
                )
                break
    _decisions(council, committees, rng, today)
    return made


def profile_has_proposals(council: Council) -> bool:
    profile = profile_of(council)
    return profile is not None and MEMBERS_PROPOSAL in profile.rules


def _decisions(
    council: Council, committees: list[Committee], rng: random.Random, today: dt.date
) -> None:
    cabinet_members = list(
        Member.objects.filter(council=council, offices__kind=Office.Kind.CABINET_MEMBER).distinct()
    )
    leader = Member.objects.filter(council=council, offices__kind=Office.Kind.LEADER).first()
    officers = list(
        Officer.objects.filter(council=council, grade__in=["head-of-service", "chief-officer"])
    )
    demo_officer = getattr(_user(council, "officer"), "officer", None)
    s151 = StatutoryRole.objects.filter(council=council, role__contains="151").first()
    if not officers:
        return
    bodies = [c for c in committees if c.kind != Committee.Kind.SCRUTINY]
    for n in range(24):
        opened = _at(today - dt.timedelta(days=360 - 15 * n), 10)
        kind = n % 4
        member = committee = None
        if kind == 0 and leader is not None:
            maker, member = DecisionRecord.Maker.LEADER, leader
        elif kind in (1, 2) and cabinet_members:
            maker, member = (
                DecisionRecord.Maker.CABINET_MEMBER,
                cabinet_members[n % len(cabinet_members)],
            )
        else:
            body = bodies[n % len(bodies)] if bodies else None
            if body is None:
                continue
            maker = (
                DecisionRecord.Maker.CABINET
                if body.kind == Committee.Kind.CABINET
                else DecisionRecord.Maker.COMMITTEE
            )
            committee = body
            if chair_of(body) is None:
                continue
        officer = s151.officer if (s151 is not None and n % 6 == 0) else officers[n % len(officers)]
        stage = 3 if n < 21 else (n - 21)
        if n == 23 and demo_officer is not None:
            officer, stage = demo_officer, 0
        _decision(
            council,
            matter=f"{TOPICS[n % len(TOPICS)]} ({opened:%B %Y})",
            maker=maker,
            member=member,
            committee=committee,
            officer=officer,
            opened=opened,
            stage=stage,
            corrected=n % 7 == 3,
        )


def demo_committees_load(*, slugs: Sequence[str], seed: int) -> dict[str, int]:
    """Meetings, agendas and decisions for each demo council (by slug) that has none yet."""
    return {
        council.slug: committee_history_load(council, seed=seed)
        for council in Council.objects.filter(slug__in=slugs)
    }
