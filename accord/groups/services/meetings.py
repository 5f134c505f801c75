"""Writes on group meetings (D 7, N 18-19): one service per step, each in one transaction that re-reads
the meeting under its row lock and re-checks the step against the locked state.

Every refusal is an `AccordError` citing the paragraphs behind it; nothing is saved when one is raised.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q

from accord.core import clock
from accord.core.access import MONITORING_OFFICER, Actor
from accord.core.errors import AccordError
from accord.councils.models import Council, Officer, PoliticalGroup, StatutoryRole
from accord.groups import rules
from accord.groups.access import (
    group_id_of,
    is_group_leader,
    meeting_for,
    notes_visible_to,
)
from accord.groups.models import GroupMeeting, GroupNote, ParityOffer
from accord.groups.services._common import check_offered, mail, meeting_event, offers_make, refuse

State = GroupMeeting.State
CAPABILITY = "group-meetings"
LONGEST_AHEAD = dt.timedelta(days=366)


def _step(actor: Actor, meeting: GroupMeeting, name: str) -> GroupMeeting:
    locked = meeting_for(actor, meeting.pk, lock=True)
    check_offered(CAPABILITY, name, actor, locked)
    if name in ("accept", "decline"):
        # N 19(d) looks at the other invitations of the officer and of the Chief Officer invited: their
        # answers are taken one at a time.
        people = sorted({locked.officer_id, locked.chief_officer_id})
        list(Officer.objects.select_for_update().filter(pk__in=people).order_by("pk"))
    return locked


def not_a_group_member(council: Council | None) -> AccordError:
    """The refusal of a group's step to someone who is not a Member of the group: officers attend a
    group's meetings at the group's own request (D 7.4(a)) or its Group Leader's invitation (N 19)."""
    return refuse(
        "Only a Member of the group can ask for an officer at its meetings, or add its notes.",
        rules.cites(council, rules.CHIEF_OFFICER_APPROVAL, rules.INVITE_CHIEF_OFFICER)
        if council is not None
        else (),
    )


def meeting_request(
    *,
    actor: Actor,
    group: PoliticalGroup | None,
    meeting_date: dt.date,
    place: str,
    subject: str,
    officer: Officer,
    chief_officer: Officer | None = None,
) -> GroupMeeting:
    """A group asks for an officer at its meeting on `meeting_date` (today to a year ahead).

    District (D 7.4(a)): any Member of the group asks for `officer` through `chief_officer`, the
    appropriate Chief Officer (the officer themself when a Chief Officer). Norfolk (N 19, 19(e)): the
    Group Leader invites a Chief Officer (`officer`); anyone else is refused with the citation.
    Raises `AccordError` for party-political business (D 7.2, N 19), an officer or group of another
    council, a date out of range. Returns the new meeting, state `requested`.
    """
    council_id = actor.council_id
    member = actor.member
    if (
        member is None
        or group is None
        or group_id_of(actor) != group.pk
        or group.council_id != council_id
    ):
        raise not_a_group_member(Council.objects.filter(pk=council_id or 0).first())
    council = group.council
    if officer.council_id != council_id or not officer.is_active:
        raise refuse("Choose an officer of the council.", (), field="officer")
    today = clock.today()
    if meeting_date < today or meeting_date > today + LONGEST_AHEAD:
        raise refuse(
            "The meeting's date must be from today to a year ahead.", (), field="meeting_date"
        )
    sign = rules.party_political_sign(council, subject)
    if sign is not None:
        raise refuse(
            f"Officers support groups on Council business only: “{sign}” is party-political "
            "business, so no officer can be asked to a meeting about it.",
            rules.cites(council, rules.COUNCIL_BUSINESS),
            field="subject",
        )
    chief = officer if officer.grade == Officer.Grade.CHIEF_OFFICER else None
    if rules.has(council, rules.INVITE_CHIEF_OFFICER):
        if not is_group_leader(actor.member):
            raise refuse(
                "Only the Group Leader invites an officer to a group meeting.",
                rules.cites(council, rules.INVITE_CHIEF_OFFICER),
            )
        if chief is None:
            raise refuse(
                f"{officer.name} is not a Chief Officer: invite a Chief Officer, who may nominate "
                "another officer to attend on their behalf.",
                rules.cites(council, rules.INVITE_CHIEF_OFFICER),
                field="officer",
            )
    else:
        chief = chief or chief_officer
        if chief is None or chief.grade != Officer.Grade.CHIEF_OFFICER:
            raise refuse(
                "The request is made through, and approved by, the appropriate Chief Officer: "
                "choose one.",
                rules.cites(council, rules.CHIEF_OFFICER_APPROVAL),
                field="chief_officer",
            )
        if chief.council_id != council_id:
            raise refuse("Choose a Chief Officer of the council.", (), field="chief_officer")
    with transaction.atomic():
        meeting = GroupMeeting.objects.create(
            council=council,
            group=group,
            requested_by=member,
            meeting_date=meeting_date,
            place=place,
            subject=subject,
            chief_officer=chief,
            officer=officer,
            profile=council.profile,
            created_at=clock.now(),
        )
        how = (
            "invited"
            if rules.has(council, rules.INVITE_CHIEF_OFFICER)
            else "asked, through the Chief Officer, for"
        )
        meeting_event(
            meeting,
            actor,
            "requested",
            f"The group {how} {officer.name} at its meeting on {meeting_date:%-d %B %Y} about "
            f"{subject}.",
            rules.cites(
                council,
                rules.CHIEF_OFFICER_APPROVAL,
                rules.INVITE_CHIEF_OFFICER,
                rules.COUNCIL_BUSINESS,
            ),
        )
        mail(
            council,
            {chief, officer},
            template="meeting_requested",
            key=f"meeting-{meeting.pk}-requested",
            context={"meeting": meeting},
        )
    return meeting


def _decide(
    actor: Actor, meeting: GroupMeeting, name: str, state: str, text: str, rule_ids: tuple[str, ...]
) -> GroupMeeting:
    with transaction.atomic():
        locked = _step(actor, meeting, name)
        locked.state = state
        locked.decided_at = clock.now()
        locked.save(update_fields=["state", "decided_at"])
        who = actor.officer.name if actor.officer else "The officer"
        meeting_event(
            locked,
            actor,
            name,
            f"{who}: {locked.get_state_display().lower()}.",
            rules.cites(locked.council, *rule_ids),
            text=text,
        )
    return locked


def meeting_approve(*, actor: Actor, meeting: GroupMeeting, note: str = "") -> GroupMeeting:
    """The Chief Officer approves the request (D 7.4(a)); the officer attends on D 7.4(b)'s terms."""
    return _decide(
        actor,
        meeting,
        "approve",
        State.AGREED,
        note,
        (rules.CHIEF_OFFICER_APPROVAL, rules.ATTENDANCE_TERMS),
    )


def meeting_refuse(*, actor: Actor, meeting: GroupMeeting, reason: str) -> GroupMeeting:
    """The Chief Officer refuses the request, giving the reason (D 7.4(a))."""
    return _decide(actor, meeting, "refuse", State.REFUSED, reason, (rules.CHIEF_OFFICER_APPROVAL,))


def meeting_accept(*, actor: Actor, meeting: GroupMeeting, note: str = "") -> GroupMeeting:
    """The invited officer accepts (N 19(a)); from now on they cannot decline another group's invitation
    on the same subject (N 19(d))."""
    return _decide(
        actor, meeting, "accept", State.AGREED, note, (rules.NOT_OBLIGED, rules.SAME_SUBJECT)
    )


def accepted_same_subject(meeting: GroupMeeting) -> GroupMeeting | None:
    """Another group's meeting on the same subject whose invitation this meeting's officer, or the Chief
    Officer invited to it, accepted: themself or through the officer they nominated (N 19(d), (e)). A
    Chief Officer bound by N 19(d) cannot have the invitation declined through a nominee either."""
    people = {meeting.officer_id, meeting.chief_officer_id}
    return (
        GroupMeeting.objects.filter(
            Q(officer_id__in=people) | Q(chief_officer_id__in=people),
            council_id=meeting.council_id,
            subject_key=meeting.subject_key,
            state__in=(State.AGREED, State.ADVISED),
        )
        .exclude(group_id=meeting.group_id)
        .first()
    )


def meeting_decline(*, actor: Actor, meeting: GroupMeeting, reason: str) -> GroupMeeting:
    """The officer declines (N 19(a)) unless they accepted another group's invitation on the same subject:
    then refused, citing N 19(d). The check and the answer run under the officer's row lock."""
    with transaction.atomic():
        locked = _step(actor, meeting, "decline")
        if rules.has(locked.council, rules.SAME_SUBJECT) and accepted_same_subject(locked):
            raise refuse(
                "You accepted another group's invitation on the same subject, so you cannot decline "
                "this one.",
                rules.cites(locked.council, rules.SAME_SUBJECT),
            )
        return _decide(actor, locked, "decline", State.DECLINED, reason, (rules.NOT_OBLIGED,))


def meeting_nominate(*, actor: Actor, meeting: GroupMeeting, officer: Officer) -> GroupMeeting:
    """The invited Chief Officer nominates another officer of the council to attend (N 19(e))."""
    with transaction.atomic():
        locked = _step(actor, meeting, "nominate")
        if officer.council_id != locked.council_id or not officer.is_active:
            raise refuse("Choose an officer of the council.", (), field="officer")
        locked.officer = officer
        locked.save(update_fields=["officer"])
        meeting_event(
            locked,
            actor,
            "nominated",
            f"{actor.officer.name if actor.officer else 'The Chief Officer'} nominated "
            f"{officer.name} to attend.",
            rules.cites(locked.council, rules.INVITE_CHIEF_OFFICER),
            officer=officer.pk,
        )
        mail(
            locked.council,
            [officer],
            template="meeting_requested",
            key=f"meeting-{locked.pk}-nominated-{officer.pk}",
            context={"meeting": locked},
        )
    return locked


def meeting_withdraw(*, actor: Actor, meeting: GroupMeeting, note: str = "") -> GroupMeeting:
    """The group withdraws its request: no officer may insist on attending (N 19(b))."""
    return _decide(actor, meeting, "withdraw", State.WITHDRAWN, note, (rules.NO_INSISTING,))


def meeting_officer_left(*, actor: Actor, meeting: GroupMeeting, note: str = "") -> GroupMeeting:
    """The officer records that they left the meeting: during the group's deliberations (D 7.4(b)(ii)),
    or because they chose to (N 19(c))."""
    with transaction.atomic():
        locked = _step(actor, meeting, "officer-left")
        meeting_event(
            locked,
            actor,
            "officer-left",
            "The officer left the meeting.",
            rules.cites(locked.council, rules.ATTENDANCE_TERMS, rules.NO_INSISTING),
            text=note,
        )
    return locked


def same_subject_advice(meeting: GroupMeeting) -> list[GroupMeeting]:
    """The advice already given to other groups on the same subject (N 19(g)): the meetings, read only for
    their date, officer and advice; never the group, its notes or its views."""
    return list(
        GroupMeeting.objects.filter(
            council_id=meeting.council_id, subject_key=meeting.subject_key, state=State.ADVISED
        )
        .exclude(pk=meeting.pk)
        .exclude(group_id=meeting.group_id)
        .select_related("officer")
        .only("meeting_date", "advice", "advice_at", "officer__name", "subject")
        .order_by("advice_at")
    )


def meeting_advice_record(*, actor: Actor, meeting: GroupMeeting, advice: str) -> GroupMeeting:
    """The attending officer records the advice given: factual or professional only (D 7.4(b)(i), N 19(f)).

    Where the profile says so (D 7.4(b)(v)) every other group of the council is told that information was
    given and offered the same: one `ParityOffer` per group, and an e-mail to its Group Leader(s) naming
    the subject and officer, never the group advised."""
    with transaction.atomic():
        locked = _step(actor, meeting, "record-advice")
        locked.advice = advice
        locked.advice_at = clock.now()
        locked.state = State.ADVISED
        locked.save(update_fields=["advice", "advice_at", "state"])
        council = locked.council
        meeting_event(
            locked,
            actor,
            "advice-recorded",
            "The officer recorded the advice given.",
            rules.cites(council, rules.ADVICE_FACTUAL, rules.SAME_ADVICE),
            text=advice,
        )
        if rules.has(council, rules.PARITY_OFFER):
            count = offers_make(
                council=council,
                given_to_group=locked.group_id,
                meeting=locked,
                subject=locked.subject,
                officer_name=locked.officer.name,
            )
            meeting_event(
                locked,
                actor,
                "offered",
                f"The other groups ({count}) were told that information was given and offered "
                "the same.",
                rules.cites(council, rules.PARITY_OFFER),
            )
    return locked


def meeting_note_add(*, actor: Actor, meeting: GroupMeeting, text: str, kind: str) -> GroupNote:
    """A Member of the group adds a note or a minute of the officer's advice (seen by the group only; a
    minute also by the officer, to verify: N 19(i)). Notes are never edited: a correction is a new note."""
    if actor.member is None:
        raise not_a_group_member(meeting.council)
    member = actor.member
    with transaction.atomic():
        locked = _step(actor, meeting, "note-add")
        note = GroupNote.objects.create(
            meeting=locked,
            kind=kind,
            text=text,
            written_by=member,
            at=clock.now(),
        )
        meeting_event(
            locked,
            actor,
            "note-added",
            f"{note.get_kind_display()} added (seen by the group's Members only).",
            rules.cites(locked.council, rules.CONFIDENTIAL, rules.NOT_DECISION_MAKING),
            note=note.pk,
        )
    return note


def meeting_minute_verify(
    *, actor: Actor, meeting: GroupMeeting, note_id: int, verification: str
) -> GroupNote:
    """The officer verifies the group's minute of their advice, or says what is wrong with it (N 19(i)).

    Raises `AccordError` (field `note`) for a note that is not a minute of their advice on this meeting,
    or one already verified."""
    with transaction.atomic():
        locked = _step(actor, meeting, "verify-minute")
        note = (
            notes_visible_to(actor, locked)
            .filter(pk=note_id, kind=GroupNote.Kind.ADVICE_MINUTE, verified_at__isnull=True)
            .select_for_update(of=("self",))
            .first()
        )
        if note is None:
            raise refuse("Choose a minute of your advice not yet verified.", (), field="note")
        note.verified_at = clock.now()
        note.verification = verification
        note.save(update_fields=["verified_at", "verification"])
        meeting_event(
            locked,
            actor,
            "minute-verified",
            "The officer verified the group's minute of their advice.",
            rules.cites(locked.council, rules.VERIFY_MINUTES),
            text=verification,
            note=note.pk,
        )
    return note


def meeting_breach_report(*, actor: Actor, meeting: GroupMeeting, text: str) -> GroupMeeting:
    """A suspected breach of the group's confidentiality, reported to the Monitoring Officer (D 7.3,
    N 19(h)): an e-mail to them with the report and its citation; the meeting's history keeps it."""
    with transaction.atomic():
        locked = _step(actor, meeting, "report-breach")
        citations = rules.cites(locked.council, rules.CONFIDENTIAL)
        meeting_event(
            locked,
            actor,
            "breach-reported",
            "A suspected breach of confidentiality was reported to the Monitoring Officer.",
            citations,
            text=text,
        )
        roles = StatutoryRole.objects.filter(council_id=locked.council_id, role=MONITORING_OFFICER)
        person = actor.member or actor.officer
        reporter = person.name if person is not None else ""
        mail(
            locked.council,
            [r.officer for r in roles.select_related("officer")],
            template="breach",
            key=f"meeting-{locked.pk}-breach-{clock.now().timestamp()}",
            context={
                "reporter": reporter,
                "text": text,
                "citations": ", ".join(c.label for c in citations),
            },
        )
    return locked


def offer_answer(*, actor: Actor, offer_id: int, take_up: bool) -> ParityOffer:
    """A Member of the group offered the same information takes it up or declines it (D 7.4(b)(v), N 15).
    Raises `AccordError` once the offer is answered."""
    from accord.groups.access import offer_for

    with transaction.atomic():
        offer = offer_for(actor, offer_id, lock=True)
        if offer.state != ParityOffer.State.OFFERED:
            raise refuse(
                f"This offer was already {offer.get_state_display().lower()}.",
                rules.cites(offer.council, rules.PARITY_OFFER, rules.SHARE_INFORMATION),
            )
        offer.state = ParityOffer.State.TAKEN_UP if take_up else ParityOffer.State.DECLINED
        offer.answered_at = clock.now()
        offer.answered_by = actor.member
        offer.save(update_fields=["state", "answered_at", "answered_by"])
    return offer
