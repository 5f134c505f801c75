"""Decision records and the officer's professional advice on record (D 4.4, N 9-10, N 13).

Each service runs in one transaction, reads the record with `decision_for(..., lock=True)` and re-checks
the state under that lock. Advice is written once per version and never changed: a correction by its
author is a new version, both kept (and on PostgreSQL a trigger refuses UPDATE or DELETE of advice).
"""

from __future__ import annotations

from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.councils.models import Committee, Council, Member, Office, Officer

from .. import rules
from ..access import decision_for, is_advising_officer, is_decision_maker
from ..history import decision_event_add
from ..models import DecisionRecord, Meeting, OfficerAdvice
from ._common import profile_of, refuse

State = DecisionRecord.State
CABINET_OFFICES = (Office.Kind.LEADER, Office.Kind.CABINET_MEMBER)
Maker = DecisionRecord.Maker


def _maker_check(
    council: Council,
    maker: str,
    maker_member: Member | None,
    maker_committee: Committee | None,
) -> None:
    """The decision maker is named and is of the council: a Member for the Leader or a Cabinet Member,
    the Cabinet or a committee otherwise. Raises `AccordError` naming the field."""
    if maker in (Maker.LEADER, Maker.CABINET_MEMBER):
        if maker_member is None or maker_member.council_id != council.pk:
            refuse(council, "Name the Member who takes the decision.", field="maker_member")
        offices = [Office.Kind.LEADER] if maker == Maker.LEADER else list(CABINET_OFFICES)
        if not maker_member.offices.filter(kind__in=offices).exists():
            what = "the Leader" if maker == Maker.LEADER else "a Cabinet Member (or the Leader)"
            refuse(council, f"Cllr {maker_member.name} is not {what}.", field="maker_member")
    elif maker in (Maker.CABINET, Maker.COMMITTEE):
        if maker_committee is None or maker_committee.council_id != council.pk:
            refuse(council, "Name the committee that takes the decision.", field="maker_committee")
        wanted_cabinet = maker == Maker.CABINET
        if (maker_committee.kind == Committee.Kind.CABINET) != wanted_cabinet:
            what = "the Cabinet" if wanted_cabinet else "a committee other than the Cabinet"
            refuse(council, f"The decision maker must be {what}.", field="maker_committee")
    else:
        refuse(council, f"Unknown decision maker {maker!r}.", field="maker")


@transaction.atomic
def decision_create(
    *,
    actor: Actor,
    council: Council,
    matter: str,
    maker: str,
    report: str,
    advising_officer: Officer,
    maker_member: Member | None = None,
    maker_committee: Committee | None = None,
    meeting: Meeting | None = None,
) -> DecisionRecord:
    """Open a decision record: the matter, the decision maker, the report and the appropriate officer
    whose professional advice it awaits (N 9-10). Only an officer or democratic services of the council.
    Raises `AccordError` (with the field) for a maker or officer not of the council."""
    if actor.council_id != council.pk or (
        actor.officer is None and not actor.is_democratic_services
    ):
        refuse(council, "Only an officer of the council opens a decision record.")
    if advising_officer.council_id != council.pk or not advising_officer.is_active:
        refuse(council, "The advising officer must be an officer of the council.", field="officer")
    _maker_check(council, maker, maker_member, maker_committee)
    if meeting is not None and meeting.council_id != council.pk:
        refuse(council, "The meeting must be one of the council's.", field="meeting")
    decision = DecisionRecord.objects.create(
        council=council,
        matter=matter,
        maker=maker,
        maker_member=maker_member if maker in (Maker.LEADER, Maker.CABINET_MEMBER) else None,
        maker_committee=maker_committee if maker in (Maker.CABINET, Maker.COMMITTEE) else None,
        report=report,
        advising_officer=advising_officer,
        meeting=meeting,
        created_at=clock.now(),
        created_by=actor.user,
    )
    decision_event_add(
        decision,
        actor=actor,
        kind="opened",
        description=f"Decision record opened; advice asked of {advising_officer.name}.",
        citations=rules.cites(profile_of(council), rules.ADVICE_ON_RECORD),
        data={"matter": matter, "report": report, "maker": maker},
    )
    return decision


def _latest(decision: DecisionRecord) -> OfficerAdvice | None:
    return decision.advice.order_by("-version").first()


@transaction.atomic
def advice_submit(*, actor: Actor, decision: DecisionRecord, text: str) -> OfficerAdvice:
    """The appropriate officer places their professional advice on record (N 10). Once submitted nobody
    can change, hide or delete it (N 9, D 4.4). Raises `AccordError` if the actor is not that officer or
    advice is already on record (a correction is `advice_correct`)."""
    decision = decision_for(actor, decision.pk, lock=True)
    if not is_advising_officer(actor, decision):
        refuse(
            decision.council,
            "Only the appropriate officer named on the record places advice on it.",
            rules.ADVICE_ON_RECORD,
        )
    if decision.state != State.AWAITING_ADVICE:
        refuse(
            decision.council,
            "Advice is already on record: it cannot be replaced, only corrected by its author as a "
            "new version.",
            rules.ADVICE_ON_RECORD,
        )
    advice = OfficerAdvice.objects.create(
        decision=decision,
        version=1,
        author=decision.advising_officer,
        text=text,
        submitted_at=clock.now(),
        submitted_by=actor.user,
    )
    DecisionRecord.objects.filter(pk=decision.pk).update(state=State.ADVICE_ON_RECORD)
    decision_event_add(
        decision,
        actor=actor,
        kind="advice-submitted",
        description="The officer's professional advice is on record (version 1).",
        citations=rules.cites(profile_of(decision.council), rules.ADVICE_ON_RECORD),
        data={"version": 1, "text": text},
    )
    return advice


@transaction.atomic
def advice_correct(
    *, actor: Actor, decision: DecisionRecord, text: str, reason: str
) -> OfficerAdvice:
    """The advice's author issues a correction: a new version, the earlier ones kept and shown (D 4.4,
    N 9). If the decision maker had marked the advice considered, they must consider the new version
    before the decision is taken (N 10); a decision already taken keeps the version it considered.
    Raises `AccordError` for anyone but the author, or with no advice on record."""
    decision = decision_for(actor, decision.pk, lock=True)
    latest = _latest(decision)
    if latest is None:
        refuse(decision.council, "There is no advice on record to correct.", rules.ADVICE_ON_RECORD)
    if actor.officer is None or actor.officer.pk != latest.author_id:
        refuse(
            decision.council,
            "Only the officer who gave the advice may correct it; nobody else may change it.",
            rules.ADVICE_ON_RECORD,
        )
    version = latest.version + 1
    advice = OfficerAdvice.objects.create(
        decision=decision,
        version=version,
        author=latest.author,
        text=text,
        correction_reason=reason,
        submitted_at=clock.now(),
        submitted_by=actor.user,
    )
    citations = rules.cites(profile_of(decision.council), rules.ADVICE_ON_RECORD)
    if decision.state == State.CONSIDERED:
        DecisionRecord.objects.filter(pk=decision.pk).update(state=State.ADVICE_ON_RECORD)
        citations += rules.cites(profile_of(decision.council), rules.ADVICE_CONSIDERED)
    decision_event_add(
        decision,
        actor=actor,
        kind="advice-corrected",
        description=f"The officer issued a correction: advice version {version}. {reason}",
        citations=citations,
        data={"version": version, "text": text, "reason": reason},
    )
    return advice


def advice_alter_refuse(*, actor: Actor, decision: DecisionRecord, version: int) -> None:
    """Any attempt to change, hide or delete advice on record is refused, whoever asks (N 9, D 4.4):
    a Cabinet Member, democratic services, the admin. Always raises `AccordError` (or `Http404` for a
    record the actor may not see)."""
    decision = decision_for(actor, decision.pk)
    refuse(
        decision.council,
        f"Advice version {version} is on record and cannot be changed, hidden or deleted by anyone; "
        "its author may only issue a correction as a new version.",
        rules.ADVICE_ON_RECORD,
    )


@transaction.atomic
def advice_consider(*, actor: Actor, decision: DecisionRecord) -> DecisionRecord:
    """The decision maker marks the latest advice as considered (N 10); the record keeps when, by whom
    and which version. Raises `AccordError` for anyone else, or with no advice on record."""
    decision = decision_for(actor, decision.pk, lock=True)
    council = decision.council
    if not is_decision_maker(actor, decision):
        refuse(
            council, "Only the decision maker marks the advice considered.", rules.ADVICE_CONSIDERED
        )
    if decision.state != State.ADVICE_ON_RECORD:
        message = (
            "The officer's advice is not yet on record."
            if decision.state == State.AWAITING_ADVICE
            else "The latest advice is already marked considered."
            if decision.state == State.CONSIDERED
            else "The decision is already taken."
        )
        refuse(council, message, rules.ADVICE_CONSIDERED)
    latest = _latest(decision)
    assert latest is not None
    now = clock.now()
    DecisionRecord.objects.filter(pk=decision.pk).update(
        state=State.CONSIDERED,
        considered_version=latest.version,
        considered_at=now,
        considered_by=actor.user,
    )
    decision_event_add(
        decision,
        actor=actor,
        kind="advice-considered",
        description=f"The decision maker considered the officer's advice (version {latest.version}).",
        citations=rules.cites(profile_of(council), rules.ADVICE_CONSIDERED),
        data={"version": latest.version},
    )
    decision.refresh_from_db()
    return decision


@transaction.atomic
def decision_take(*, actor: Actor, decision: DecisionRecord, text: str) -> DecisionRecord:
    """Record the decision as taken (N 10): only once the advice is on record and its latest version is
    marked considered by the decision maker. The decision maker records it, or democratic services for
    them. Raises `AccordError` citing N 10 / D 4.4 otherwise."""
    decision = decision_for(actor, decision.pk, lock=True)
    council = decision.council
    if not (is_decision_maker(actor, decision) or actor.is_democratic_services):
        refuse(
            council,
            "Only the decision maker, or democratic services for them, records it.",
            rules.ADVICE_CONSIDERED,
        )
    if decision.state == State.DECIDED:
        refuse(council, "The decision is already recorded as taken.", rules.ADVICE_CONSIDERED)
    if decision.state == State.AWAITING_ADVICE:
        refuse(
            council,
            "The decision cannot be recorded: the officer's professional advice is not yet on record.",
            rules.ADVICE_CONSIDERED,
            rules.ADVICE_ON_RECORD,
        )
    latest = _latest(decision)
    if (
        decision.state != State.CONSIDERED
        or latest is None
        or decision.considered_version != latest.version
    ):
        refuse(
            council,
            "The decision cannot be recorded: the decision maker has not marked the latest advice as "
            "considered.",
            rules.ADVICE_CONSIDERED,
        )
    now = clock.now()
    DecisionRecord.objects.filter(pk=decision.pk).update(
        state=State.DECIDED, decision=text, decided_at=now, decided_by=actor.user
    )
    decision_event_add(
        decision,
        actor=actor,
        kind="decided",
        description="The decision is recorded as taken, having considered the officer's advice "
        f"(version {decision.considered_version}).",
        citations=rules.cites(profile_of(council), rules.ADVICE_CONSIDERED),
        data={"decision": text, "considered_version": decision.considered_version},
    )
    decision.refresh_from_db()
    return decision
