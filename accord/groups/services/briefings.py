"""Writes on briefings (N 14-15): one transaction each, re-reading the briefing under its row lock."""

from __future__ import annotations

from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.councils.models import Member, Officer
from accord.groups import rules
from accord.groups.access import briefing_for, group_leaders_of
from accord.groups.models import Briefing, BriefingPermission, BriefingView
from accord.groups.services._common import briefing_event, check_offered, mail, offers_make, refuse

State = Briefing.State
CAPABILITY = "briefings"


def _step(actor: Actor, briefing: Briefing, name: str) -> Briefing:
    locked = briefing_for(actor, briefing.pk, lock=True)
    check_offered(CAPABILITY, name, actor, locked)
    return locked


def briefing_office(member: Member) -> str:
    """The office that lets the Member ask directly (N 14), in words, or "" for none."""
    offices = rules.briefing_offices(member.council)
    held = member.offices.filter(kind__in=offices).select_related("committee").first()
    return str(held) if held is not None else ""


def briefing_request(
    *,
    actor: Actor,
    officer: Officer,
    subject: str,
    details: str,
    confidential: bool,
    decision_pending: bool,
) -> Briefing:
    """A Member asks a Chief Officer or head of unit for a briefing (N 14).

    An office holder's request goes straight to the officer; any other Member's waits for their Group
    Leader's agreement (a Member of no group is refused, citing N 14). Raises `AccordError` for an officer
    who is neither a Chief Officer nor a head of unit."""
    member = actor.member
    if member is None or member.council_id != actor.council_id:
        raise refuse(
            "Only a Member can ask for a briefing.",
            rules.cites(officer.council, rules.BRIEFING_CONFIDENTIAL),
        )
    council = member.council
    citations = rules.cites(council, rules.BRIEFING_CONFIDENTIAL)
    if officer.council_id != council.pk or not officer.is_active:
        raise refuse("Choose an officer of the council.", (), field="officer")
    heads_unit = officer.grade in (Officer.Grade.CHIEF_OFFICER, Officer.Grade.HEAD_OF_SERVICE) or (
        officer.services_headed.exists()
    )
    if not heads_unit:
        raise refuse(
            f"{officer.name} is neither a Chief Officer nor the head of a unit: ask one of them.",
            citations,
            field="officer",
        )
    office = briefing_office(member)
    if not office and member.group_id is None:
        raise refuse(
            "You hold none of the offices that may ask for a briefing directly, and a Member of no "
            "group has no Group Leader to agree to it.",
            citations,
        )
    if not office and not group_leaders_of(member.group_id or 0).exists():
        raise refuse("Your group has no Group Leader to agree to the briefing.", citations)
    with transaction.atomic():
        briefing = Briefing.objects.create(
            council=council,
            requester=member,
            officer=officer,
            subject=subject,
            details=details,
            confidential=confidential,
            decision_pending=decision_pending,
            requester_office=office,
            state=State.REQUESTED if office else State.AWAITING_AGREEMENT,
            created_at=clock.now(),
            profile=council.profile,
        )
        briefing_event(
            briefing,
            actor,
            "requested",
            f"{member.name} asked {officer.name} for a briefing"
            + (f" as {office}." if office else ", subject to the Group Leader's agreement."),
            citations,
            text=details,
        )
        if office:
            mail(council, [officer], template="briefing", key=f"briefing-{briefing.pk}", context={})
        else:
            mail(
                council,
                group_leaders_of(member.group_id or 0),
                template="briefing_agree",
                key=f"briefing-{briefing.pk}-agree",
                context={},
            )
    return briefing


def briefing_agree(*, actor: Actor, briefing: Briefing, agree: bool) -> Briefing:
    """The requester's Group Leader agrees to the request (it goes to the officer) or does not (N 14)."""
    with transaction.atomic():
        locked = _step(actor, briefing, "agree" if agree else "not-agree")
        locked.agreed_by = actor.member
        locked.agreed_at = clock.now()
        locked.state = State.REQUESTED if agree else State.NOT_AGREED
        locked.save(update_fields=["agreed_by", "agreed_at", "state"])
        who = actor.member.name if actor.member else "The Group Leader"
        briefing_event(
            locked,
            actor,
            "agreed" if agree else "not-agreed",
            f"{who}, Group Leader, {'agreed to' if agree else 'did not agree to'} the request.",
            rules.cites(locked.council, rules.BRIEFING_CONFIDENTIAL),
        )
        if agree:
            mail(
                locked.council,
                [locked.officer],
                template="briefing",
                key=f"briefing-{locked.pk}",
                context={},
            )
    return locked


def briefing_give(*, actor: Actor, briefing: Briefing, information: str) -> Briefing:
    """The officer gives the briefing. Information that is not confidential is then offered to every other
    group (N 15): one `ParityOffer` each, and an e-mail to its Group Leader(s)."""
    with transaction.atomic():
        locked = _step(actor, briefing, "give")
        locked.information = information
        locked.given_at = clock.now()
        locked.state = State.GIVEN
        locked.save(update_fields=["information", "given_at", "state"])
        council = locked.council
        briefing_event(
            locked,
            actor,
            "given",
            "The officer gave the briefing.",
            rules.cites(council, rules.BRIEFING_CONFIDENTIAL),
            text=information,
        )
        if not locked.confidential and rules.has(council, rules.SHARE_INFORMATION):
            count = offers_make(
                council=council,
                given_to_group=locked.requester.group_id,
                briefing=locked,
                subject=locked.subject,
                officer_name=locked.officer.name,
            )
            briefing_event(
                locked,
                actor,
                "offered",
                f"The information was offered to the other groups ({count}).",
                rules.cites(council, rules.SHARE_INFORMATION),
            )
    return locked


def briefing_decline(*, actor: Actor, briefing: Briefing, reason: str) -> Briefing:
    """The officer declines, giving the reason (a briefing must not pre-empt decision-making, N 14)."""
    with transaction.atomic():
        locked = _step(actor, briefing, "decline")
        locked.state = State.DECLINED
        locked.save(update_fields=["state"])
        briefing_event(
            locked,
            actor,
            "declined",
            "The officer declined the briefing.",
            rules.cites(locked.council, rules.BRIEFING_CONFIDENTIAL),
            text=reason,
        )
    return locked


def briefing_permit(*, actor: Actor, briefing: Briefing, member: Member) -> Briefing:
    """The requester permits another Member of the council to see the briefing (N 14). Raises
    `AccordError` (field `member`) for a Member of another council or one already permitted."""
    with transaction.atomic():
        locked = _step(actor, briefing, "permit")
        if member.council_id != locked.council_id or member.pk == locked.requester_id:
            raise refuse("Choose another Member of the council.", (), field="member")
        if locked.permissions.filter(member=member).exists():
            raise refuse(f"{member.name} may already see the briefing.", (), field="member")
        BriefingPermission.objects.create(briefing=locked, member=member, at=clock.now())
        briefing_event(
            locked,
            actor,
            "permitted",
            f"The requester permitted {member.name} to see the briefing.",
            rules.cites(locked.council, rules.BRIEFING_CONFIDENTIAL),
            member=member.pk,
        )
    return locked


def briefing_view_record(*, actor: Actor, briefing: Briefing, channel: str) -> None:
    """Record one view of the briefing (N 14): who and when, shown to the requester."""
    if actor.user is not None:
        BriefingView.objects.create(
            briefing=briefing, user=actor.user, at=clock.now(), channel=channel
        )
