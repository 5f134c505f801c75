"""Who may see a meeting or a decision record, and who may act on it.

Fetch-and-authorise in one step: `meeting_for` and `decision_for` return the object or raise `Http404`
(another council's meeting or decision is "not found", never "forbidden"). Meetings, agendas and decision
records are council business every person of the council may read (and scrutiny must, N 13); what a person
may do is decided by the predicates below. None of them looks at a Member's political group (D 2.5-2.7).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from accord.core.access import Actor
from accord.councils.models import Committee, Member, Office, Officer

from .models import DecisionRecord, Meeting

SENIOR_GRADES = (Officer.Grade.HEAD_OF_SERVICE, Officer.Grade.CHIEF_OFFICER)


def _pk(value: int | str) -> int:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404("Not found") from None
    if not 1 <= pk <= 2**31 - 1:
        raise Http404("Not found")
    return pk


def meetings_visible_to(actor: Actor) -> QuerySet[Meeting]:
    if not actor.is_authenticated or actor.council_id is None:
        return Meeting.objects.none()
    return Meeting.objects.filter(council_id=actor.council_id).select_related("committee")


def meeting_for(actor: Actor, meeting_id: int | str, *, lock: bool = False) -> Meeting:
    """The meeting if it is of the actor's council, else `Http404`. With `lock=True` its row is read
    `SELECT ... FOR UPDATE` (call inside the service's transaction)."""
    one = meetings_visible_to(actor).filter(pk=_pk(meeting_id))
    if lock:
        one = one.select_for_update(of=("self",))
    meeting = one.select_related("council", "committee").first()
    if meeting is None:
        raise Http404("Meeting not found")
    return meeting


def decisions_visible_to(actor: Actor) -> QuerySet[DecisionRecord]:
    if not actor.is_authenticated or actor.council_id is None:
        return DecisionRecord.objects.none()
    return DecisionRecord.objects.filter(council_id=actor.council_id)


def decision_for(actor: Actor, decision_id: int | str, *, lock: bool = False) -> DecisionRecord:
    """The decision record if it is of the actor's council, else `Http404`; `lock` as `meeting_for`."""
    one = decisions_visible_to(actor).filter(pk=_pk(decision_id))
    if lock:
        one = one.select_for_update(of=("self",))
    decision = one.select_related(
        "council", "maker_member", "maker_committee", "advising_officer", "meeting"
    ).first()
    if decision is None:
        raise Http404("Decision not found")
    return decision


def same_council(actor: Actor, obj: Meeting | DecisionRecord) -> bool:
    return actor.is_authenticated and actor.council_id == obj.council_id


def leader_of(council_id: int) -> Member | None:
    office = (
        Office.objects.filter(kind=Office.Kind.LEADER, member__council_id=council_id)
        .select_related("member")
        .first()
    )
    return office.member if office is not None else None


def chair_of(committee: Committee) -> Member | None:
    """The Chair who settles the committee's agenda; for Cabinet, the Leader (D 2.9)."""
    if committee.kind == Committee.Kind.CABINET:
        return leader_of(committee.council_id)
    office = (
        Office.objects.filter(kind=Office.Kind.CHAIR, committee=committee)
        .select_related("member")
        .first()
    )
    return office.member if office is not None else None


def sits_on(member: Member | None, committee: Committee) -> bool:
    """A Member of the committee; for Cabinet, the Leader and the Cabinet Members too (D 2.9)."""
    if member is None or member.council_id != committee.council_id:
        return False
    if committee.members.filter(pk=member.pk).exists():
        return True
    cabinet_offices = (Office.Kind.LEADER, Office.Kind.CABINET_MEMBER)
    return committee.kind == Committee.Kind.CABINET and (
        member.offices.filter(kind__in=cabinet_offices).exists()
    )


def is_chair(actor: Actor, meeting: Meeting) -> bool:
    chair = chair_of(meeting.committee)
    return same_council(actor, meeting) and chair is not None and actor.member == chair


def is_senior_officer(actor: Actor) -> bool:
    """The appropriate senior officer who proposes items (D 2.9): a Head of Service or Chief Officer, a
    statutory officer (D 2.11), or democratic services."""
    officer = actor.officer
    return actor.is_democratic_services or (
        officer is not None and (officer.grade in SENIOR_GRADES or bool(actor.statutory_roles))
    )


def decision_maker_member(decision: DecisionRecord) -> Member | None:
    """The Member who marks the advice considered and takes the decision: the Leader or the Cabinet
    Member named, the Leader for Cabinet, the Chair for a committee."""
    if decision.maker_member_id is not None:
        return decision.maker_member
    if decision.maker_committee is not None:
        return chair_of(decision.maker_committee)
    return None


def is_decision_maker(actor: Actor, decision: DecisionRecord) -> bool:
    maker = decision_maker_member(decision)
    return same_council(actor, decision) and maker is not None and actor.member == maker


def is_advising_officer(actor: Actor, decision: DecisionRecord) -> bool:
    return (
        same_council(actor, decision)
        and actor.officer is not None
        and actor.officer.pk == decision.advising_officer_id
    )
